package dev.mimik.sim.performance;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.sim.participant.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoublePredicate;

/**
 * The face's activity that no protocol asks for, written into ARKit-52 weight tracks sampled at {@code rate}:
 * speech syllables, spontaneous blinks and gaze (sources in {@link Performer}'s description). Shared by every
 * protocol so that all simulated people blink and look around the same way.
 */
public final class Spontaneous {

  private static final double FULL_LOOK_DEG = 30;
  private static final int LOOK_OUT_LEFT = Blendshapes.indexOf("eyeLookOutLeft");
  private static final int LOOK_IN_LEFT = Blendshapes.indexOf("eyeLookInLeft");
  private static final int LOOK_IN_RIGHT = Blendshapes.indexOf("eyeLookInRight");
  private static final int LOOK_OUT_RIGHT = Blendshapes.indexOf("eyeLookOutRight");
  private static final int LOOK_UP_LEFT = Blendshapes.indexOf("eyeLookUpLeft");
  private static final int LOOK_DOWN_LEFT = Blendshapes.indexOf("eyeLookDownLeft");
  private static final int LOOK_UP_RIGHT = Blendshapes.indexOf("eyeLookUpRight");
  private static final int LOOK_DOWN_RIGHT = Blendshapes.indexOf("eyeLookDownRight");

  private Spontaneous() {}

  /** Adds a speech bout from {@code start} to {@code stop} seconds: syllables of jaw opening and visemes. */
  public static void speak(double[][] w, double rate, double start, double stop, SplittableRandom r) {
    int jaw = Blendshapes.indexOf("jawOpen");
    int[] visemes = {
      Blendshapes.indexOf("mouthFunnel"), Blendshapes.indexOf("mouthPucker"), Blendshapes.indexOf("mouthClose"),
      Blendshapes.indexOf("mouthRollLower"), Blendshapes.indexOf("mouthStretchLeft"),
      Blendshapes.indexOf("mouthLowerDownLeft")
    };
    double t = start;
    while (t < stop) {
      double syllable = 1.0 / r.nextDouble(3.5, 6.0);
      double open = r.nextDouble(0.1, 0.35);
      int viseme = visemes[r.nextInt(visemes.length)];
      double vAmp = r.nextDouble(0.1, 0.5);
      for (int i = index(t, rate); i <= Math.min(w.length - 1, index(Math.min(stop, t + syllable), rate)); i++) {
        double s = Math.sin(Math.PI * (i / rate - t) / syllable);
        double g = s * s;
        w[i][jaw] += open * g;
        w[i][viseme] += vAmp * g;
        if (viseme == visemes[4] || viseme == visemes[5]) {
          w[i][viseme + 1] += vAmp * g;
        }
      }
      t += syllable;
    }
  }

  /**
   * Adds spontaneous blinks at the person's rate to both eyeBlink tracks and returns them; a blink whose onset
   * {@code allowed} rejects is skipped (its interval still passes).
   */
  public static List<Blink> blinks(Participant who, double[][] w, double rate, SplittableRandom r,
      DoublePredicate allowed) {
    int left = Blendshapes.indexOf("eyeBlinkLeft");
    int right = Blendshapes.indexOf("eyeBlinkRight");
    double end = (w.length - 1) / rate;
    double meanInterval = 60.0 / who.blinkRatePerMinute();
    List<Blink> out = new ArrayList<>();
    double t = gamma2(r, meanInterval) * r.nextDouble();
    while (true) {
      double d = Math.max(0.1, Math.min(0.5, who.blinkDurationS() * Math.exp(0.2 * r.nextGaussian())));
      if (t + d > end) {
        break;
      }
      if (allowed.test(t)) {
        out.add(new Blink(t, d));
        double close = 0.35 * d;
        for (int i = index(t, rate); i <= index(t + d, rate); i++) {
          double u = i / rate - t;
          double lid = u < close ? smoothstep(u / close) : 1 - smoothstep((u - close) / (d - close));
          w[i][left] = Math.max(w[i][left], lid);
          w[i][right] = Math.max(w[i][right], lid);
        }
      }
      t += d + Math.max(0.2, gamma2(r, meanInterval) - d);
    }
    return out;
  }

  /**
   * Fills gaze tracks with fixations and main-sequence saccades and adds them to the eyeLook weights (30 degrees
   * is weight 1).
   */
  public static void gaze(double[] yaw, double[] pitch, double[][] w, double rate, SplittableRandom r) {
    double y0 = 0;
    double p0 = 0;
    double t = 0;
    double end = (yaw.length - 1) / rate;
    while (t <= end) {
      double y1 = Math.max(-25, Math.min(25, 10 * r.nextGaussian()));
      double p1 = Math.max(-20, Math.min(20, 6 * r.nextGaussian()));
      double amp = Math.hypot(y1 - y0, p1 - p0);
      double sacc = 0.021 + 0.0022 * amp;
      double fix = r.nextDouble(0.3, 2.0);
      for (int i = index(t, rate); i <= Math.min(yaw.length - 1, index(t + sacc + fix, rate)); i++) {
        double u = Math.min(1, (i / rate - t) / sacc);
        double s = u * u * u * (10 - 15 * u + 6 * u * u);
        yaw[i] = y0 + s * (y1 - y0);
        pitch[i] = p0 + s * (p1 - p0);
      }
      y0 = y1;
      p0 = p1;
      t += sacc + fix;
    }
    double[] row = new double[Blendshapes.ARKIT_52.size()];
    for (int i = 0; i < yaw.length; i++) {
      java.util.Arrays.fill(row, 0);
      lookWeights(yaw[i], pitch[i], row);
      for (int k = 0; k < row.length; k++) {
        w[i][k] += row[k];
      }
    }
  }

  /**
   * Adds the eyeLook weights of a gaze direction to {@code row} (ARKit-52 order): {@code yawDeg} toward the
   * subject's left, {@code pitchDeg} up, {@value #FULL_LOOK_DEG} degrees being weight 1.
   */
  public static void lookWeights(double yawDeg, double pitchDeg, double[] row) {
    double h = yawDeg / FULL_LOOK_DEG;
    double v = pitchDeg / FULL_LOOK_DEG;
    row[h > 0 ? LOOK_OUT_LEFT : LOOK_IN_LEFT] += Math.abs(h);
    row[h > 0 ? LOOK_IN_RIGHT : LOOK_OUT_RIGHT] += Math.abs(h);
    row[v > 0 ? LOOK_UP_LEFT : LOOK_DOWN_LEFT] += Math.abs(v);
    row[v > 0 ? LOOK_UP_RIGHT : LOOK_DOWN_RIGHT] += Math.abs(v);
  }

  private static int index(double t, double rate) {
    return Math.max(0, (int) Math.round(t * rate));
  }

  private static double gamma2(SplittableRandom r, double mean) {
    return -mean / 2 * (Math.log(1 - r.nextDouble()) + Math.log(1 - r.nextDouble()));
  }

  private static double smoothstep(double x) {
    double u = Math.max(0, Math.min(1, x));
    return u * u * (3 - 2 * u);
  }
}
