package dev.mimik.learn.pipeline;

import dev.mimik.face.smooth.KalmanLandmarkFilter;
import dev.mimik.face.smooth.KalmanSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * BioFace-3D's causal tracking, window by window: biosignal samples go in as they arrive; for every video frame
 * time ({@code k / fps} on the biosignal clock) whose window is complete, BioNet predicts aligned landmarks, they
 * are mapped to the training camera's pixels and smoothed by a causal Kalman filter. Memory is bounded by one
 * window, so a live stream and a ten-hour file take the same path.
 */
public final class Tracker {

  /**
   * One tracked frame.
   *
   * @param timeSeconds frame time on the biosignal clock
   * @param landmarks points in the model's set order, training-camera pixels; null before the first full window
   * @param networkNanos time spent in the network for this frame
   * @param smoothingNanos time spent in the Kalman filter for this frame
   */
  public record Frame(double timeSeconds, double[] landmarks, long networkNanos, long smoothingNanos) {}

  /** Feature history kept beyond one window, so a block of samples may run past a frame's time. */
  private static final double HISTORY_MARGIN_SECONDS = 1.0;

  private final TrackingModel model;
  private final FeatureStream features;
  private final KalmanLandmarkFilter kalman;
  private final float[][] window;
  private long nextFrame;

  /**
   * @param model the trained model
   * @param startSeconds biosignal-clock time of the first sample that will be pushed
   * @param smoothing causal smoothing settings, or null for none (e.g. when an offline smoother follows)
   */
  public Tracker(TrackingModel model, double startSeconds, KalmanSettings smoothing) {
    this.model = model;
    FrontEnd fe = model.frontEnd();
    this.features = new FeatureStream(fe, startSeconds, fe.windowSeconds() + HISTORY_MARGIN_SECONDS);
    this.kalman = smoothing == null ? null : new KalmanLandmarkFilter(smoothing, model.landmarkFrame().set().size());
    this.window = new float[fe.inputCount()][fe.windowSamples()];
    this.nextFrame = (long) Math.ceil(startSeconds * fe.fps() - 1e-9);
  }

  /** Adds raw samples {@code block[channel][i]} in the model's channel order and returns the frames completed. */
  public List<Frame> pushRaw(double[][] block) {
    features.pushRaw(block);
    return drain();
  }

  /** Adds band-filtered samples (offline zero-phase filtering) and returns the frames completed. */
  public List<Frame> pushBands(double[][] emg, double[][] eog, int from, int to) {
    features.pushBands(emg, eog, from, to);
    return drain();
  }

  private List<Frame> drain() {
    FrontEnd fe = model.frontEnd();
    double lastPushed = features.nextSampleSeconds() - 1 / fe.samplingRateHz();
    List<Frame> out = new ArrayList<>();
    while (nextFrame / fe.fps() <= lastPushed + 1e-9) {
      double t = nextFrame / fe.fps();
      nextFrame++;
      if (!features.window(t, window)) {
        out.add(new Frame(t, null, 0, 0));
        continue;
      }
      long t0 = System.nanoTime();
      float[] aligned = model.network().predictFrame(window);
      long t1 = System.nanoTime();
      double[] a = new double[aligned.length];
      for (int i = 0; i < a.length; i++) {
        a[i] = aligned[i];
      }
      double[] pixels = model.landmarkFrame().display().apply(a);
      if (kalman != null) {
        pixels = kalman.process(t, pixels);
      }
      out.add(new Frame(t, pixels, t1 - t0, System.nanoTime() - t1));
    }
    return out;
  }
}
