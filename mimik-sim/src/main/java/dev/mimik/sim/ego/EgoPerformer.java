package dev.mimik.sim.ego;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.data.PromptSegment.Eyes;
import dev.mimik.core.data.PromptSegment.Kind;
import dev.mimik.core.data.PromptSegment.Lips;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.performance.Blink;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.performance.Spontaneous;
import dev.mimik.sim.performance.Style;
import dev.mimik.sim.performance.TrialEnvelope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays the headset protocol (REFA §6.2): rounds of peak expressions ({@link Prompt}, shuffled per round), each
 * from a neutral rest (1.2-2.2 s) through onset (0.4-0.7 s), a held apex (1.0-1.6 s) and offset (0.4-0.7 s) back to
 * neutral; after every six prompts one of speech (4-7 s of syllables), free expression (5-8 s of overlapping
 * expressions at 30-80 %) or a gaze task (four fixations at 25 degrees sideways or 18 degrees up or down). Under it
 * all the face blinks and looks around ({@link Spontaneous}); blinks pause while a prompt asks for closed eyes or a
 * wink.
 *
 * <p>Each subject performs a prompt in their own way: every shape of its apex is scaled by a factor in 0.85-1.05
 * drawn once per subject and prompt; each trial reaches 85-100 % of the subject's expressiveness (eye closure is
 * not graded).
 */
public final class EgoPerformer {

  private static final int N = Blendshapes.ARKIT_52.size();
  private static final int EVERY = 6;

  private final double rate;

  /** A performer sampling at {@code rate} per second (120 is a good default). */
  public EgoPerformer(double rate) {
    if (!(rate >= 30)) {
      throw new IllegalArgumentException("internal rate must be at least 30 Hz: " + rate);
    }
    this.rate = rate;
  }

  /** Plays {@code durationS} seconds of the protocol; the recording's randomness comes from {@code seed}. */
  public EgoPerformance perform(EgoSubject who, double durationS, long seed) {
    int n = (int) Math.ceil(durationS * rate) + 1;
    double[][] w = new double[n][N];
    double[] yaw = new double[n];
    double[] pitch = new double[n];
    Spontaneous.gaze(yaw, pitch, new double[n][N], rate, SeedStreams.stream(seed, "gaze"));
    List<PromptSegment> segments = new ArrayList<>();
    script(who, w, yaw, pitch, segments, SeedStreams.stream(seed, "script"));
    double[] row = new double[N];
    for (int i = 0; i < n; i++) {
      Arrays.fill(row, 0);
      Spontaneous.lookWeights(yaw[i], pitch[i], row);
      for (int k = 0; k < N; k++) {
        w[i][k] += row[k];
      }
    }
    List<Blink> blinks = Spontaneous.blinks(who.person(), w, rate, SeedStreams.stream(seed, "blinks"),
        t -> segments.stream().noneMatch(s -> s.eyes() != Eyes.OPEN && s.eyes() != Eyes.ANY
            && t > s.startS() - 0.5 && t < s.endS()));
    for (double[] r : w) {
      for (int k = 0; k < N; k++) {
        r[k] = Math.max(0, Math.min(1, r[k]));
      }
    }
    Performance p = new Performance(rate, w, yaw, pitch, new double[n][6], List.of(), blinks);
    return new EgoPerformance(p, segments);
  }

  private void script(EgoSubject who, double[][] w, double[] yaw, double[] pitch, List<PromptSegment> segments,
      SplittableRandom r) {
    double end = (w.length - 1) / rate;
    double t = 0;
    List<Prompt> round = new ArrayList<>(List.of(Prompt.values()));
    int queue = round.size();
    int sinceOther = 0;
    int other = 0;
    while (true) {
      double rest = r.nextDouble(1.2, 2.2);
      if (t + rest > end) {
        return;
      }
      segments.add(new PromptSegment("neutral", Kind.NEUTRAL, t, t + 0.3, t + rest - 0.1, t + rest, Eyes.ANY,
          Lips.CLOSED));
      t += rest;
      if (sinceOther == EVERY) {
        sinceOther = 0;
        Kind kind = List.of(Kind.SPEECH, Kind.FREE, Kind.GAZE).get(other++ % 3);
        double stop = switch (kind) {
          case SPEECH -> speech(w, t, r);
          case FREE -> free(who, w, t, r);
          default -> gaze(yaw, pitch, t, r);
        };
        if (stop > end) {
          return;
        }
        segments.add(new PromptSegment(kind.label(), kind, t, t, stop, stop, kind == Kind.GAZE ? Eyes.OPEN : Eyes.ANY,
            Lips.ANY));
        t = stop;
        continue;
      }
      if (queue == round.size()) {
        Collections.shuffle(round, new java.util.Random(r.nextLong()));
        queue = 0;
      }
      Prompt prompt = round.get(queue++);
      double apexStart = t + r.nextDouble(0.4, 0.7);
      double apexEnd = apexStart + r.nextDouble(1.0, 1.6);
      double stop = apexEnd + r.nextDouble(0.4, 0.7);
      if (stop > end) {
        return;
      }
      double intensity = who.person().expressiveness() * r.nextDouble(0.85, 1.0);
      add(w, performed(who, prompt, intensity), t, apexStart, apexEnd, stop, r.nextDouble(0, 2 * Math.PI));
      segments.add(new PromptSegment(prompt.label(), Kind.PEAK, t, apexStart, apexEnd, stop, prompt.eyes(),
          prompt.lips()));
      t = stop;
      sinceOther++;
    }
  }

  /** The apex this subject reaches for a prompt at an intensity: their own scaling of each shape. */
  static double[] performed(EgoSubject who, Prompt prompt, double intensity) {
    return Style.apex(who.seed(), prompt, intensity, 0.85, 1.05);
  }

  private void add(double[][] w, double[] apex, double onset, double apexStart, double apexEnd, double stop,
      double tremorPhase) {
    for (int i = index(onset); i <= Math.min(w.length - 1, index(stop)); i++) {
      double env = TrialEnvelope.at(i / rate, onset, apexStart, apexEnd, stop, 0.03, tremorPhase);
      for (int k = 0; k < N; k++) {
        w[i][k] += env * apex[k];
      }
    }
  }

  private double speech(double[][] w, double t, SplittableRandom r) {
    double stop = t + r.nextDouble(4, 7);
    if (index(stop) < w.length) {
      Spontaneous.speak(w, rate, t, stop, r);
    }
    return stop;
  }

  private double free(EgoSubject who, double[][] w, double t, SplittableRandom r) {
    double stop = t + r.nextDouble(5, 8);
    if (index(stop) >= w.length) {
      return stop;
    }
    Prompt[] all = Prompt.values();
    for (int e = 0; e < 3; e++) {
      Prompt p = all[r.nextInt(all.length)];
      double len = r.nextDouble(1.5, 3.0);
      double on = t + r.nextDouble(0, stop - t - len);
      double ramp = 0.3 * len;
      add(w, performed(who, p, r.nextDouble(0.3, 0.8)), on, on + ramp, on + len - ramp, on + len, 0);
    }
    return stop;
  }

  private double gaze(double[] yaw, double[] pitch, double t, SplittableRandom r) {
    double[][] targets = {{25, 0}, {-25, 0}, {0, 18}, {0, -18}};
    List<double[]> order = new ArrayList<>(List.of(targets));
    Collections.shuffle(order, new java.util.Random(r.nextLong()));
    double stop = t + 4 * 1.2 + 0.3;
    if (index(stop) >= yaw.length) {
      return stop;
    }
    double y0 = yaw[index(t)];
    double p0 = pitch[index(t)];
    double s = t;
    for (double[] target : order) {
      double sacc = 0.021 + 0.0022 * Math.hypot(target[0] - y0, target[1] - p0);
      for (int i = index(s); i <= index(s + 1.2); i++) {
        double u = Math.min(1, (i / rate - s) / sacc);
        double m = u * u * u * (10 - 15 * u + 6 * u * u);
        yaw[i] = y0 + m * (target[0] - y0);
        pitch[i] = p0 + m * (target[1] - p0);
      }
      y0 = target[0];
      p0 = target[1];
      s += 1.2;
    }
    // back to the spontaneous gaze over the last 0.3 s
    double y1 = yaw[index(stop)];
    double p1 = pitch[index(stop)];
    for (int i = index(s); i <= index(stop); i++) {
      double u = Math.min(1, (i / rate - s) / 0.3);
      double m = u * u * u * (10 - 15 * u + 6 * u * u);
      yaw[i] = y0 + m * (y1 - y0);
      pitch[i] = p0 + m * (p1 - p0);
    }
    return stop;
  }

  private int index(double t) {
    return Math.max(0, (int) Math.round(t * rate));
  }
}
