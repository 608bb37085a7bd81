package dev.mimik.app.serve;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.camera.Camera;
import dev.mimik.face.eyes.Elam;
import dev.mimik.face.eyes.EyeStates;
import dev.mimik.face.fit.FitOptions;
import dev.mimik.face.fit.FitResult;
import dev.mimik.face.fit.LocalDistances;
import dev.mimik.face.fit.RigFitter;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.smooth.KalmanSettings;
import dev.mimik.learn.pipeline.LiveBlinks;
import dev.mimik.learn.pipeline.Tracker;
import dev.mimik.learn.pipeline.TrackingModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The causal tracking pipeline behind {@code mimik serve}: samples in (from the ingest socket or a replayed
 * recording), tracked frames out, each with its landmarks, the 52 blendshapes of a warm-started rig fit, eye
 * closure, the latency from the samples' arrival to the frame leaving, and per-stage timings.
 *
 * <p>The fit is {@code mimik track}'s default: when the model carries a blink detector, the eyelid landmarks are
 * first moved to its closure (ELAM), and the fit weighs eyelid and lip distances (LDL). The detector needs to see
 * past a blink before it decides, so the eyes lag the rest of the face by {@link LiveBlinks#delaySeconds()} (0.4-0.6
 * s); without a detector the eyes follow the tracked landmarks.
 */
public final class LiveTracker implements FrameSource, SampleSink {

  private final TrackingModel model;
  private final Tracker tracker;
  private final RigFitter fitter;
  private final int[] arkitColumn;
  private final String description;
  private final LiveBlinks blinks;
  private volatile Listener listener;
  private FitResult previous;

  /**
   * @param model the trained model
   * @param rig the face to fit (its targets named like ARKit's), or null for landmarks only
   * @param camera the camera the model's landmarks are seen through, for the fit
   * @param description what feeds the tracker, for logs and {@code /health}
   */
  public LiveTracker(TrackingModel model, FaceRig rig, Camera camera, String description) {
    this.model = model;
    this.tracker = new Tracker(model, 0, KalmanSettings.defaults());
    this.fitter = rig == null ? null : new RigFitter(rig, model.landmarkFrame().set(), camera,
        FitOptions.defaults().withLocalDistances(LocalDistances.eyesAndLips()));
    this.blinks = model.blinks().map(b -> new LiveBlinks(b, model.frontEnd())).orElse(null);
    this.arkitColumn = rig == null ? new int[0]
        : Blendshapes.ARKIT_52.stream().mapToInt(rig::shapeIndex).toArray();
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
    long arrived = System.nanoTime();
    if (samplesPerChannel.length != channelCount()) {
      throw new IllegalArgumentException("a block of " + samplesPerChannel.length + " channels; the model expects "
          + channelCount() + " (" + model.frontEnd().channels() + ")");
    }
    if (blinks != null) {
      blinks.push(samplesPerChannel);
    }
    List<Tracker.Frame> frames = tracker.pushRaw(samplesPerChannel);
    long filtered = System.nanoTime();
    for (Tracker.Frame frame : frames) {
      if (frame.landmarks() != null) {
        emit(frame, arrived, filtered);
      }
    }
  }

  private void emit(Tracker.Frame frame, long arrived, long filtered) {
    double[] blendshapes = new double[Blendshapes.ARKIT_52.size()];
    double closure = blinks == null ? Double.NaN : blinks.closureAt(frame.timeSeconds() - blinks.delaySeconds());
    long fitStart = System.nanoTime();
    if (fitter != null) {
      double[] seen = blinks == null ? frame.landmarks() : Elam.adjust(frame.landmarks(), model.landmarkFrame().set(),
          EyeStates.fromEog(new double[] {closure})[0]);
      previous = fitter.fit(seen, previous);
      for (int k = 0; k < blendshapes.length; k++) {
        blendshapes[k] = arkitColumn[k] < 0 ? 0 : previous.weights()[arkitColumn[k]];
      }
    }
    long done = System.nanoTime();
    double[] flat = frame.landmarks();
    double[][] points = new double[flat.length / 2][];
    for (int i = 0; i < points.length; i++) {
      points[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
    }
    Map<String, Double> stages = new LinkedHashMap<>();
    stages.put("filters", (filtered - arrived - frame.networkNanos() - frame.smoothingNanos()) / 1e6);
    stages.put("network", frame.networkNanos() / 1e6);
    stages.put("kalman", frame.smoothingNanos() / 1e6);
    stages.put("fit", (done - fitStart) / 1e6);
    Listener l = listener;
    if (l != null) {
      boolean eog = blinks != null;
      l.onFrame(new TrackedFrame(frame.timeSeconds(), points, blendshapes,
          eog ? closure : blendshapes[Blendshapes.indexOf("eyeBlinkLeft")],
          eog ? closure : blendshapes[Blendshapes.indexOf("eyeBlinkRight")], (System.nanoTime() - arrived) / 1e6,
          stages));
    }
  }

  /** A neutral one-frame track, for writing the rig as the viewer's {@code face.glb}. */
  public static BlendshapeTrack neutral() {
    return new BlendshapeTrack(new double[] {0}, Blendshapes.ARKIT_52, new double[1][Blendshapes.ARKIT_52.size()]);
  }
}
