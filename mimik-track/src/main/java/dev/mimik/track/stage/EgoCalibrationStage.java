package dev.mimik.track.stage;

import dev.mimik.learn.ego.post.OnlineRangeOfMotion;
import dev.mimik.learn.ego.post.RangeOfMotion;
import dev.mimik.learn.ego.post.Smoothing;
import dev.mimik.track.Frame;
import dev.mimik.track.Stage;
import java.util.function.Consumer;

/**
 * What REFA's system adds around the headset model (§3): an online per-user range-of-motion calibration learned
 * over the first seconds and updated slowly after, a One Euro filter, and a guard: frames whose views failed the
 * check (a covered camera, a headset taken off) do not teach the calibration, and the face eases towards neutral
 * over {@link #EASE_SECONDS} instead of jumping, then eases back when the views return.
 */
public final class EgoCalibrationStage implements Stage {

  /** Time constant of the ease to neutral and back, seconds. */
  public static final double EASE_SECONDS = 0.3;

  private final OnlineRangeOfMotion calibration;
  private final Smoothing.OneEuro filter;
  private double[] last;
  private double trust = 1;
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
    boolean ok = frame.viewProblem() == null;
    double[] w = frame.blendshapes();
    if (ok) {
      last = calibration == null ? w : calibration.apply(t, w);
    } else if (last == null) {
      last = new double[w.length];
    }
    double follow = 1 - Math.exp(-dt / EASE_SECONDS);
    trust += ((ok ? 1 : 0) - trust) * (dt == 0 ? (ok ? 1 : 0) : follow);
    double[] eased = new double[last.length];
    for (int k = 0; k < eased.length; k++) {
      eased[k] = last[k] * trust;
    }
    frame.setBlendshapes(filter.apply(t, eased));
    out.accept(frame);
  }
}
