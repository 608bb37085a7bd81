package dev.mimik.sim.performance;

import dev.mimik.core.data.Blendshapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Speech as the mouth shows it: phrases of syllables, each a consonant viseme followed by a vowel viseme, blended
 * into one another (coarticulation) and closed by silence between phrases.
 *
 * <p>The viseme set is the 15 of Meta's OVRLipSync (sil, PP, FF, TH, DD, kk, CH, SS, nn, RR, aa, E, ih, oh, ou); their
 * ARKit-52 poses are a modelling choice. Syllables come at 3.5-6.5 per second (the 4-5 Hz peak of speech's amplitude
 * modulation), each stressed by 0.6-1.2; phrases last 1-3.5 s with pauses of 0.15-0.6 s. The face moves from one
 * viseme's pose to the next along a smooth step, so a syllable's consonant already shapes its vowel.
 */
public final class Speech {

  /** The consonant visemes. */
  private static final double[][] CONSONANTS = {
    pose(Map.of("mouthClose", 0.6, "mouthPress", 0.4, "jawOpen", 0.05)),                     // PP: p, b, m
    pose(Map.of("mouthRollLower", 0.5, "mouthUpperUp", 0.2, "jawOpen", 0.1)),                // FF: f, v
    pose(Map.of("jawOpen", 0.15, "mouthLowerDown", 0.1)),                                    // TH
    pose(Map.of("jawOpen", 0.15, "mouthStretch", 0.1)),                                      // DD: t, d
    pose(Map.of("jawOpen", 0.2, "mouthStretch", 0.05)),                                      // kk: k, g
    pose(Map.of("mouthFunnel", 0.4, "mouthPucker", 0.2, "jawOpen", 0.15)),                   // CH: ch, j, sh
    pose(Map.of("mouthStretch", 0.3, "mouthSmile", 0.1, "jawOpen", 0.05)),                   // SS: s, z
    pose(Map.of("jawOpen", 0.12, "mouthLowerDown", 0.05)),                                   // nn: n, l
    pose(Map.of("mouthPucker", 0.3, "mouthFunnel", 0.2, "jawOpen", 0.12)),                   // RR: r
  };
  /** The vowel visemes. */
  private static final double[][] VOWELS = {
    pose(Map.of("jawOpen", 0.55, "mouthLowerDown", 0.2)),                                    // aa
    pose(Map.of("jawOpen", 0.3, "mouthStretch", 0.3, "mouthSmile", 0.1)),                    // E
    pose(Map.of("jawOpen", 0.2, "mouthStretch", 0.2, "mouthSmile", 0.15)),                   // ih
    pose(Map.of("jawOpen", 0.4, "mouthFunnel", 0.5)),                                        // oh
    pose(Map.of("mouthPucker", 0.7, "mouthFunnel", 0.3, "jawOpen", 0.1)),                    // ou
  };

  private Speech() {}

  /** Adds speech from {@code start} to {@code stop} seconds to the weight tracks {@code w} sampled at {@code rate}. */
  public static void speak(double[][] w, double rate, double start, double stop, SplittableRandom r) {
    List<double[]> poses = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    double[] silence = new double[Blendshapes.ARKIT_52.size()];
    poses.add(silence);
    times.add(start);
    double t = start;
    while (t < stop) {
      double phraseEnd = Math.min(stop, t + r.nextDouble(1.0, 3.5));
      while (t < phraseEnd) {
        double syllable = 1 / r.nextDouble(3.5, 6.5);
        double stress = r.nextDouble(0.6, 1.2);
        poses.add(scaled(CONSONANTS[r.nextInt(CONSONANTS.length)], stress));
        times.add(Math.min(stop, t + 0.3 * syllable));
        poses.add(scaled(VOWELS[r.nextInt(VOWELS.length)], stress));
        times.add(Math.min(stop, t + 0.7 * syllable));
        t += syllable;
      }
      t = Math.min(stop, t);
      poses.add(silence);
      times.add(t);
      t += r.nextDouble(0.15, 0.6);
    }
    int key = 0;
    for (int i = index(start, rate); i <= Math.min(w.length - 1, index(times.get(times.size() - 1), rate)); i++) {
      double ti = i / rate;
      while (key + 2 < times.size() && times.get(key + 1) <= ti) {
        key++;
      }
      double t0 = times.get(key);
      double t1 = times.get(key + 1);
      double s = t1 > t0 ? smoothstep((ti - t0) / (t1 - t0)) : 1;
      double[] a = poses.get(key);
      double[] b = poses.get(key + 1);
      for (int k = 0; k < a.length; k++) {
        w[i][k] += a[k] + s * (b[k] - a[k]);
      }
    }
  }

  private static double[] pose(Map<String, Double> shapes) {
    return Apexes.of(shapes);
  }

  private static double[] scaled(double[] pose, double factor) {
    double[] out = pose.clone();
    for (int k = 0; k < out.length; k++) {
      out[k] *= factor;
    }
    return out;
  }

  private static int index(double t, double rate) {
    return Math.max(0, (int) Math.round(t * rate));
  }

  private static double smoothstep(double x) {
    double u = Math.max(0, Math.min(1, x));
    return u * u * (3 - 2 * u);
  }
}
