package dev.mimik.app.serve;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.eyes.Eye;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.track.Frame;
import dev.mimik.track.TrackingPipeline;
import dev.mimik.track.TrackingRecipe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracking pipeline behind {@code mimik serve}, as the server sees it: samples in (from the ingest socket or a
 * replayed recording), tracked frames out, each with its landmarks, blendshapes, eye closure, the latency from the
 * arrival of the samples that completed it to its leaving, and its stages' timings. The pipeline is the causal one of
 * {@code mimik track} ({@link TrackingRecipe#causal()}), so the live face is the tracked face.
 */
public final class LiveTracker implements FrameSource, SampleSink {

  private final TrackingModel model;
  private final TrackingPipeline pipeline;
  private final List<String> stages;
  private final String description;
  private volatile Listener listener;

  /**
   * @param model the trained model
   * @param rig the face to fit (its targets named like ARKit's), or null for landmarks only
   * @param startSeconds the stream's clock at its first sample
   * @param description what feeds the tracker, for logs and {@code /health}
   */
  public LiveTracker(TrackingModel model, FaceRig rig, double startSeconds, String description) {
    this.model = model;
    this.pipeline = TrackingRecipe.causal().build(model, rig, startSeconds, null);
    this.stages = pipeline.stageNames();
    this.description = description;
  }

  /** Number of channels the model expects in every block. */
  public int channelCount() {
    return model.frontEnd().channels().size();
  }

  @Override
  public void start(Listener listener) {
    this.listener = listener;
  }

  @Override
  public void stop() {
    listener = null;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public synchronized void accept(long sequence, double[][] samplesPerChannel) {
    emit(pipeline.push(samplesPerChannel));
  }

  /** The stream has ended: the frames the pipeline still holds leave. */
  public synchronized void end() {
    emit(pipeline.finish());
  }

  private void emit(List<Frame> frames) {
    Listener l = listener;
    for (Frame frame : frames) {
      if (l != null && frame.tracked()) {
        l.onFrame(toTracked(frame));
      }
    }
  }

  private TrackedFrame toTracked(Frame frame) {
    double[] flat = frame.landmarks();
    double[][] points = new double[flat.length / 2][];
    for (int i = 0; i < points.length; i++) {
      points[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
    }
    Map<String, Double> stageMs = new LinkedHashMap<>();
    for (int s = 0; s < stages.size(); s++) {
      stageMs.put(stages.get(s), frame.stageNanos(s) / 1e6);
    }
    double[] blendshapes = frame.blendshapes() != null ? frame.blendshapes() : new double[Blendshapes.ARKIT_52.size()];
    return new TrackedFrame(frame.timeSeconds(), points, blendshapes, frame.eyes()[Eye.LEFT.ordinal()].closure(),
        frame.eyes()[Eye.RIGHT.ordinal()].closure(), (System.nanoTime() - frame.arrivedNanos()) / 1e6, stageMs);
  }

  /** A neutral one-frame track, for writing the rig as the viewer's {@code face.glb}. */
  public static BlendshapeTrack neutral() {
    return new BlendshapeTrack(new double[] {0}, Blendshapes.ARKIT_52, new double[1][Blendshapes.ARKIT_52.size()]);
  }
}
