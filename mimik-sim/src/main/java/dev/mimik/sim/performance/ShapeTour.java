package dev.mimik.sim.performance;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.sim.SeedStreams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A performance that shows every ARKit shape, for measuring a landmark fit shape by shape: in each round every
 * expression shape once alone (an unsided one, such as {@code jawLeft}; a sided one, such as {@code mouthSmileLeft},
 * on both sides together and again on one side) and eight
 * everyday mixtures (smile, surprise, anger, disgust, sadness, fear, a kiss, an open "ah"), in a shuffled order,
 * each rising, held and falling between neutral stretches. {@code mouthClose} only comes with {@code jawOpen} (it is
 * ARKit's corrective of an open jaw with closed lips). Over it run blinks (gamma intervals, shape 2, 15 per minute),
 * gaze fixations of 0.4-1.5 s (half of them straight ahead, the others up to 0.8 of a full look sideways and 0.6 up
 * or down, in {@code eyeLook} weights) and head sway (up to about 15 degrees of yaw, 10 of pitch, 5 of roll and a few
 * centimetres of translation).
 */
public final class ShapeTour {

  private static final int N = Blendshapes.ARKIT_52.size();
  private static final Map<String, Map<String, Double>> MIXTURES = mixtures();

  private final double rate;

  /** A tour sampled at {@code rate} per second. */
  public ShapeTour(double rate) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("the rate must be positive: " + rate);
    }
    this.rate = rate;
  }

  /** {@code rounds} rounds of every action, the randomness from {@code seed}. */
  public Performance perform(int rounds, long seed) {
    SplittableRandom r = SeedStreams.stream(seed, "tour");
    List<Map<String, Double>> deck = deck(r);
    List<double[]> frames = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    double t = 0;
    for (int round = 0; round < rounds; round++) {
      List<Map<String, Double>> order = new ArrayList<>(deck);
      Collections.shuffle(order, new java.util.Random(r.nextLong()));
      for (Map<String, Double> action : order) {
        double onset = t + r.nextDouble(0.6, 1.6);
        double apexStart = onset + r.nextDouble(0.2, 0.4);
        double apexEnd = apexStart + r.nextDouble(0.4, 1.0);
        double stop = apexEnd + r.nextDouble(0.2, 0.4);
        double intensity = r.nextDouble(0.4, 1.0);
        segments.add(new Segment(String.join("+", action.keySet()), onset, apexStart, apexEnd, stop, intensity));
        double[] apex = new double[N];
        action.forEach((name, w) -> apex[Blendshapes.indexOf(name)] = w * intensity * r.nextDouble(0.85, 1.0));
        int jaw = Blendshapes.indexOf("jawOpen");
        int close = Blendshapes.indexOf("mouthClose");
        apex[close] = Math.min(apex[close], apex[jaw]);
        while (frames.size() <= index(stop)) {
          frames.add(new double[N]);
        }
        for (int i = index(onset); i <= index(stop); i++) {
          double u = i / rate;
          double env = u < apexStart ? smoothstep((u - onset) / (apexStart - onset))
              : u <= apexEnd ? 1 : 1 - smoothstep((u - apexEnd) / (stop - apexEnd));
          for (int k = 0; k < N; k++) {
            frames.get(i)[k] += env * apex[k];
          }
        }
        t = stop;
      }
    }
    for (int i = index(t + 1.0); frames.size() <= i; ) {
      frames.add(new double[N]);
    }
    double[][] w = frames.toArray(double[][]::new);
    List<Blink> blinks = blinks(w, SeedStreams.stream(seed, "tour/blinks"));
    double[] yaw = new double[w.length];
    double[] pitch = new double[w.length];
    gaze(w, yaw, pitch, SeedStreams.stream(seed, "tour/gaze"));
    for (double[] row : w) {
      for (int k = 0; k < N; k++) {
        row[k] = Math.max(0, Math.min(1, row[k]));
      }
    }
    double[][] head = HeadSway.draw(w.length, rate, new double[] {7, 5, 2.5, 12, 8, 15}, 2, 0.03, 0.6, 1.0,
        SeedStreams.stream(seed, "tour/head"));
    return new Performance(rate, w, yaw, pitch, head, segments, blinks);
  }

  /** Every action of a round: the shapes it moves and their relative apex weights. */
  private static List<Map<String, Double>> deck(SplittableRandom r) {
    List<Map<String, Double>> deck = new ArrayList<>();
    for (String name : Blendshapes.ARKIT_52) {
      boolean sided = isSided(name);
      if (name.startsWith("eyeBlink") || name.startsWith("eyeLook") || name.equals("tongueOut")
          || (sided && name.endsWith("Right"))) {
        continue;
      }
      if (name.equals("mouthClose")) {
        deck.add(both(Map.of("jawOpen", 0.5, "mouthClose", 0.5)));
      } else if (sided) {
        String base = name.substring(0, name.length() - 4);
        deck.add(both(Map.of(base, 1.0)));
        deck.add(Map.of(base + (r.nextBoolean() ? "Left" : "Right"), 1.0));
      } else {
        deck.add(Map.of(name, 1.0));
      }
    }
    deck.addAll(MIXTURES.values());
    return deck;
  }

  /**
   * Whether an ARKit name is one side of a shape that has two ({@code mouthSmileLeft}); {@code jawLeft} and
   * {@code mouthLeft} are directions of a whole jaw or mouth.
   */
  private static boolean isSided(String name) {
    return (name.endsWith("Left") || name.endsWith("Right")) && !name.startsWith("jaw")
        && !name.equals("mouthLeft") && !name.equals("mouthRight");
  }

  private static Map<String, Map<String, Double>> mixtures() {
    Map<String, Map<String, Double>> m = new LinkedHashMap<>();
    m.put("smile", both(Map.of("mouthSmile", 1.0, "cheekSquint", 0.5, "eyeSquint", 0.3)));
    m.put("surprise", both(Map.of("browInnerUp", 1.0, "browOuterUp", 0.9, "eyeWide", 0.8, "jawOpen", 0.4)));
    m.put("anger", both(Map.of("browDown", 1.0, "eyeSquint", 0.4, "mouthPress", 0.5, "noseSneer", 0.3)));
    m.put("disgust", both(Map.of("noseSneer", 1.0, "mouthUpperUp", 0.6, "browDown", 0.4)));
    m.put("sadness", both(Map.of("browInnerUp", 0.9, "mouthFrown", 1.0, "mouthShrugLower", 0.4)));
    m.put("fear", both(Map.of("browInnerUp", 1.0, "eyeWide", 0.9, "mouthStretch", 0.7)));
    m.put("kiss", both(Map.of("mouthPucker", 1.0, "mouthFunnel", 0.3)));
    m.put("ah", both(Map.of("jawOpen", 0.6, "mouthLowerDown", 0.4, "mouthUpperUp", 0.2)));
    return m;
  }

  /** A mixture in a fixed order, each sided base name ({@code mouthSmile}) put on both sides. */
  private static Map<String, Double> both(Map<String, Double> bases) {
    Map<String, Double> out = new LinkedHashMap<>();
    bases.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (Blendshapes.indexOf(e.getKey()) >= 0) {
        out.put(e.getKey(), e.getValue());
      } else {
        out.put(e.getKey() + "Left", e.getValue());
        out.put(e.getKey() + "Right", e.getValue());
      }
    });
    return out;
  }

  private List<Blink> blinks(double[][] w, SplittableRandom r) {
    int left = Blendshapes.indexOf("eyeBlinkLeft");
    int right = Blendshapes.indexOf("eyeBlinkRight");
    double end = (w.length - 1) / rate;
    List<Blink> out = new ArrayList<>();
    double t = r.nextDouble(0.5, 4);
    while (t < end - 0.5) {
      double d = r.nextDouble(0.2, 0.35);
      double close = d / 3;
      out.add(new Blink(t, d));
      for (int i = index(t); i <= Math.min(w.length - 1, index(t + d)); i++) {
        double u = i / rate - t;
        double lid = u < close ? smoothstep(u / close) : 1 - smoothstep((u - close) / (d - close));
        w[i][left] = Math.max(w[i][left], lid);
        w[i][right] = Math.max(w[i][right], lid);
      }
      t += d + Math.max(0.3, -2 * (Math.log(1 - r.nextDouble()) + Math.log(1 - r.nextDouble())));
    }
    return out;
  }

  /** Fixations in eyeLook weights; the yaw and pitch tracks in degrees by {@link Eyeball}'s convention. */
  private void gaze(double[][] w, double[] yaw, double[] pitch, SplittableRandom r) {
    int[] look = {
      Blendshapes.indexOf("eyeLookOutLeft"), Blendshapes.indexOf("eyeLookInLeft"),
      Blendshapes.indexOf("eyeLookInRight"), Blendshapes.indexOf("eyeLookOutRight"),
      Blendshapes.indexOf("eyeLookUpLeft"), Blendshapes.indexOf("eyeLookDownLeft"),
      Blendshapes.indexOf("eyeLookUpRight"), Blendshapes.indexOf("eyeLookDownRight")
    };
    double h0 = 0;
    double v0 = 0;
    double t = 0;
    double end = (w.length - 1) / rate;
    while (t <= end) {
      boolean ahead = r.nextBoolean();
      double h1 = ahead ? 0 : r.nextDouble(-0.8, 0.8);
      double v1 = ahead ? 0 : r.nextDouble(-0.6, 0.6);
      double saccade = 0.03 + 0.03 * Math.hypot(h1 - h0, v1 - v0);
      double fixation = r.nextDouble(0.4, 1.5);
      for (int i = index(t); i <= Math.min(w.length - 1, index(t + saccade + fixation)); i++) {
        double u = Math.min(1, (i / rate - t) / saccade);
        double s = u * u * u * (10 - 15 * u + 6 * u * u);
        double h = h0 + s * (h1 - h0);
        double v = v0 + s * (v1 - v0);
        // h > 0 looks toward the subject's left: the left eye outward, the right eye inward
        w[i][h > 0 ? look[0] : look[1]] = Math.abs(h);
        w[i][h > 0 ? look[2] : look[3]] = Math.abs(h);
        w[i][v > 0 ? look[4] : look[5]] = Math.abs(v);
        w[i][v > 0 ? look[6] : look[7]] = Math.abs(v);
        yaw[i] = h * Eyeball.LOOK_SIDEWAYS_DEGREES;
        pitch[i] = v * Eyeball.LOOK_VERTICAL_DEGREES;
      }
      h0 = h1;
      v0 = v1;
      t += saccade + fixation;
    }
  }

  private int index(double t) {
    return Math.max(0, (int) Math.round(t * rate));
  }

  private static double smoothstep(double x) {
    double u = Math.max(0, Math.min(1, x));
    return u * u * (3 - 2 * u);
  }
}
