package dev.mimik.track.stage;

import dev.mimik.learn.ego.post.OnlineRangeOfMotion;
import dev.mimik.learn.ego.post.RangeOfMotion;
import dev.mimik.learn.ego.post.Smoothing;
import dev.mimik.track.Frame;
import dev.mimik.track.Stage;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * What REFA's system adds around the headset model (§3): an online per-user range-of-motion calibration learned
 * over the first seconds and updated slowly after, a One Euro filter, and a guard: frames whose views failed the
 * check (a covered camera, a headset taken off) do not teach the calibration, and the shapes a failed camera is
 * responsible for ({@link ViewShapes}: a covered eye camera its eye, a mouth camera the mouth, jaw and cheeks, the
 * glabella camera the brows) ease towards neutral over {@link #EASE_SECONDS} instead of jumping, then ease back
 * when the view returns; the shapes the other cameras see go on. With the headset off every shape eases.
 */
public final class EgoCalibrationStage implements Stage {

  /** Time constant of the ease to neutral and back, seconds. */
  public static final double EASE_SECONDS = 0.3;

  private final OnlineRangeOfMotion calibration;
  private final Smoothing.OneEuro filter;
  private final int[][] responsible = ViewShapes.responsible();
  private double[] last;
  private double[] trust;
  private double lastTime = Double.NaN;

  /**
   * @param reference the population's reach of each shape (the model's statistics), or null for no calibration
   * @param warmupSeconds seconds learned fast
   */
  public EgoCalibrationStage(double[] reference, double warmupSeconds) {
    this.calibration = reference == null ? null
        : new OnlineRangeOfMotion(RangeOfMotion.of(reference), warmupSeconds, 60);
    this.filter = new Smoothing.OneEuro(3, 2, 1);
  }

  @Override
  public String name() {
    return "calibration";
  }

  @Override
  public void process(Frame frame, Consumer<Frame> out) {
    double t = frame.timeSeconds();
    double dt = Double.isNaN(lastTime) ? 0 : Math.max(0, t - lastTime);
    lastTime = t;
    boolean[] failed = frame.failedViews();
    double[] w = frame.blendshapes();
    double[] calibrated = calibration == null ? w
        : failed == null ? calibration.apply(t, w) : calibration.current().apply(w);
    if (last == null) {
      last = new double[w.length];
      trust = new double[w.length];
      Arrays.fill(trust, 1);
    }
    double follow = 1 - Math.exp(-dt / EASE_SECONDS);
    double[] eased = new double[last.length];
    for (int k = 0; k < eased.length; k++) {
      boolean ok = failed == null || seen(failed, responsible[k]);
      if (ok) {
        last[k] = calibrated[k];
      }
      double target = ok ? 1 : 0;
      trust[k] += (target - trust[k]) * (dt == 0 ? target : follow);
      eased[k] = last[k] * trust[k];
    }
    frame.setBlendshapes(filter.apply(t, eased));
    out.accept(frame);
  }

  /** Whether none of {@code views} failed. */
  private static boolean seen(boolean[] failed, int[] views) {
    for (int v : views) {
      if (failed[v]) {
        return false;
      }
    }
    return true;
  }
}
