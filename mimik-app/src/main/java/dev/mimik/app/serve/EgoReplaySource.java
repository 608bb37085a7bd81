package dev.mimik.app.serve;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.BadInputException;
import dev.mimik.lab.ego.EgoTrack;
import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoViews;
import dev.mimik.track.Frame;
import dev.mimik.track.TrackingPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a headset recording (the five camera views of {@link EgoTrack.Recording}) through the shared headset
 * pipeline ({@link EgoTrack#pipeline}) at the recording's frame times, or {@code speed} times faster, optionally
 * looping, as a headset would stream it: each frame's views are read when they are due, tracked, and leave with
 * their blendshapes and the camera images (as the recording stores them, for the viewer). Eye closure is the
 * eyeBlink weights; {@code latencyMs} runs from the moment the frame was due to its leaving, reading the images
 * included. A loop goes on with the same pipeline (the calibration keeps what it learned) and increasing times.
 * Owns the model, which it closes when stopped.
 */
public final class EgoReplaySource extends PacedReplaySource {

  private static final Logger LOG = LoggerFactory.getLogger(EgoReplaySource.class);
  private static final int BLINK_LEFT = Blendshapes.indexOf("eyeBlinkLeft");
  private static final int BLINK_RIGHT = Blendshapes.indexOf("eyeBlinkRight");

  private final EgoModel model;
  private final EgoTrack.Recording recording;
  private final TrackingPipeline pipeline;
  private final List<String> stages;
  private boolean closed;

  /**
   * @param model the EgoNet model, owned by this source from now on
   * @param recording the recording, opened with the model's cameras
   * @param speed playback rate, 1 = real time; must be positive
   * @param loop start again from the first frame after the last
   */
  public EgoReplaySource(EgoModel model, EgoTrack.Recording recording, double speed, boolean loop) {
    super(speed, loop, "mimik-ego-replay");
    this.model = model;
    this.recording = recording;
    this.pipeline = EgoTrack.pipeline(model);
    this.stages = pipeline.stageNames();
  }

  @Override
  protected void play(Listener listener) {
    try {
      boolean ended = ReplayPacing.run(recording.times(), speed, loop, (f, t, due) -> {
        List<TrackedFrame.CameraImage> images = images(f);
        for (Frame frame : pipeline.pushViews(t, recording.views(f, model.imageSize()))) {
          listener.onFrame(toTracked(frame, images, due));
        }
      });
      if (ended) {
        listener.onEnd("replay of " + recording.folder() + " ended after " + recording.times().length + " frames");
      }
    } catch (RuntimeException e) {
      LOG.warn("replay of {} stopped: {}", recording.folder(), e.getMessage());
      listener.onEnd("replay of " + recording.folder() + " stopped: " + e.getMessage());
    }
  }

  /** Frame {@code f}'s images as stored, in view order (the failed flags are set once the frame is checked). */
  private List<TrackedFrame.CameraImage> images(int f) {
    List<TrackedFrame.CameraImage> images = new ArrayList<>(EgoViews.COUNT);
    for (int v = 0; v < EgoViews.COUNT; v++) {
      Path file = recording.image(v, f);
      try {
        images.add(new TrackedFrame.CameraImage(recording.cameras().get(v), Files.readAllBytes(file), false));
      } catch (IOException e) {
        throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
      }
    }
    return images;
  }

  private TrackedFrame toTracked(Frame frame, List<TrackedFrame.CameraImage> images, long dueNanos) {
    boolean[] failed = frame.failedViews();
    List<TrackedFrame.CameraImage> checked = new ArrayList<>(images.size());
    for (int v = 0; v < images.size(); v++) {
      TrackedFrame.CameraImage i = images.get(v);
      checked.add(new TrackedFrame.CameraImage(i.camera(), i.png(), failed != null && failed[v]));
    }
    Map<String, Double> stageMs = new LinkedHashMap<>();
    for (int s = 1; s < stages.size(); s++) { // the headset path has no signal front end (index 0)
      stageMs.put(stages.get(s), frame.stageNanos(s) / 1e6);
    }
    double[] w = frame.blendshapes();
    return new TrackedFrame(frame.timeSeconds(), new double[0][], w, w[BLINK_LEFT], w[BLINK_RIGHT],
        (System.nanoTime() - dueNanos) / 1e6, stageMs, new TrackedFrame.HeadsetViews(checked, frame.viewProblem()));
  }

  @Override
  public synchronized void stop() {
    if (stopPlaying() && !closed) {
      closed = true;
      model.close();
    }
  }

  @Override
  public String describe() {
    return "headset replay of " + recording.folder() + " (" + recording.frames() + " frames, five"
        + " views, speed " + speed + (loop ? ", looping" : "") + ")";
  }
}
