package dev.mimik.sim.performance;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.participant.Participant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays a {@link Protocol} for a {@link Participant}: scripted expressions plus the face's spontaneous activity.
 *
 * <p>Spontaneous activity and its sources: blinks as a renewal process (gamma intervals, shape 2) at the
 * participant's rate, each with a fast closing (about a third) and slower reopening (Caffier et al. 2003);
 * fixations of 0.3-2 s separated by saccades following the main sequence (duration 21 ms + 2.2 ms per degree,
 * minimum-jerk profile; Bahill et al. 1975); speech as syllables at about 4-5 Hz (jaw opening and visemes);
 * head motion as slow sway plus occasional quick turns or nods. Each posed trial reaches 85-100 % of the
 * participant's expressiveness: a protocol asking for an expression gets it near apex every time, with only a
 * little trial-to-trial variation.
 */
public final class Performer {

  private static final int N = Blendshapes.ARKIT_52.size();

  private final double rate;

  /** A performer sampling its tracks at {@code rate} per second (120 is a good default). */
  public Performer(double rate) {
    if (!(rate >= 30)) {
      throw new IllegalArgumentException("internal rate must be at least 30 Hz: " + rate);
    }
    this.rate = rate;
  }

  /** Plays {@code durationS} seconds of {@code protocol}; the session's randomness comes from {@code seed}. */
  public Performance perform(Participant who, Protocol protocol, double durationS, long seed) {
    int n = (int) Math.ceil(durationS * rate) + 1;
    double[][] w = new double[n][N];
    List<Segment> segments = new ArrayList<>();
    script(who, protocol, w, segments, SeedStreams.stream(seed, "script"));
    List<Blink> blinks = Spontaneous.blinks(who, w, rate, SeedStreams.stream(seed, "blinks"), t -> true);
    double[] yaw = new double[n];
    double[] pitch = new double[n];
    Spontaneous.gaze(yaw, pitch, w, rate, SeedStreams.stream(seed, "gaze"));
    double[][] head = head(n, segments, SeedStreams.stream(seed, "head"));
    for (double[] row : w) {
      for (int k = 0; k < N; k++) {
        row[k] = Math.max(0, Math.min(1, row[k]));
      }
    }
    segments.sort((a, b) -> Double.compare(a.onsetS(), b.onsetS()));
    return new Performance(rate, w, yaw, pitch, head, segments, blinks);
  }

  private void script(Participant who, Protocol p, double[][] w, List<Segment> segments, SplittableRandom r) {
    double end = (w.length - 1) / rate;
    double t = 0;
    List<Expression> round = new ArrayList<>(p.expressions());
    while (t < end) {
      Collections.shuffle(round, new java.util.Random(r.nextLong()));
      for (Expression e : round) {
        double onset = t + uniform(r, p.restS());
        double apexStart = onset + uniform(r, p.onsetS());
        double apexEnd = apexStart + uniform(r, p.apexS());
        double stop = apexEnd + uniform(r, p.offsetS());
        if (stop > end) {
          return;
        }
        double intensity = who.expressiveness() * r.nextDouble(0.85, 1.0);
        segments.add(new Segment(e.label(), onset, apexStart, apexEnd, stop, e == Expression.NEUTRAL ? 0 : intensity));
        addExpression(w, e.apex(), intensity, onset, apexStart, apexEnd, stop, r);
        t = stop;
      }
      double speech = uniform(r, p.speechS());
      if (speech > 0) {
        double onset = t + uniform(r, p.restS());
        if (onset + speech > end) {
          return;
        }
        segments.add(new Segment("speech", onset, onset, onset + speech, onset + speech, 1));
        Spontaneous.speak(w, rate, onset, onset + speech, r);
        t = onset + speech;
      }
    }
  }

  private void addExpression(double[][] w, double[] apex, double intensity, double onset, double apexStart,
      double apexEnd, double stop, SplittableRandom r) {
    double tremorPhase = r.nextDouble(0, 2 * Math.PI);
    for (int i = index(onset); i <= Math.min(w.length - 1, index(stop)); i++) {
      double env = TrialEnvelope.at(i / rate, onset, apexStart, apexEnd, stop, 0.04, tremorPhase);
      double g = intensity * env;
      for (int k = 0; k < N; k++) {
        w[i][k] += g * apex[k];
      }
    }
  }

  private double[][] head(int n, List<Segment> segments, SplittableRandom r) {
    double[][] pose = HeadSway.draw(n, rate, new double[] {2.0, 1.5, 1.0, 3.0, 2.0, 4.0}, 3, 0.02, 0.3, 0.7, r);
    double end = (n - 1) / rate;
    double t = r.nextDouble(5, 60);
    while (t < end - 2) {
      int axis = r.nextInt(2);
      double a = (r.nextBoolean() ? 1 : -1) * r.nextDouble(4, 12);
      double go = r.nextDouble(0.3, 0.6);
      double hold = r.nextDouble(0.3, 1.5);
      double stop = Math.min(end, t + 2 * go + hold);
      segments.add(new Segment("head_move", t, t + go, t + go + hold, stop, Math.abs(a) / 12));
      for (int i = index(t); i <= Math.min(n - 1, index(stop)); i++) {
        double u = i / rate - t;
        double e = u < go ? smoothstep(u / go) : u < go + hold ? 1 : 1 - smoothstep((u - go - hold) / go);
        pose[i][axis] += a * e;
      }
      t = stop + r.nextDouble(20, 90);
    }
    return pose;
  }

  private int index(double t) {
    return Math.max(0, (int) Math.round(t * rate));
  }

  private static double uniform(SplittableRandom r, double[] range) {
    return range[1] > range[0] ? r.nextDouble(range[0], range[1]) : range[0];
  }

  private static double smoothstep(double x) {
    double u = Math.max(0, Math.min(1, x));
    return u * u * (3 - 2 * u);
  }
}
