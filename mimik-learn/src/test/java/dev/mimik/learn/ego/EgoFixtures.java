package dev.mimik.learn.ego;

import dev.mimik.core.data.Blendshapes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small seeded headset recordings for tests: five views per frame drawn from a handful of blendshapes so that a
 * network can learn them. An eye view shows a dark pupil under a lid that comes down with that eye's blink; the
 * mouth views a dark opening that grows with the jaw and widens with the smile; the glabella view brightens at the
 * top with the inner brows. Blinks are mostly together, now and then one eye alone (winks). Two looks (domains)
 * differ in background, contrast and noise.
 */
public final class EgoFixtures {

  public static final int BLINK_LEFT = Blendshapes.indexOf("eyeBlinkLeft");
  public static final int BLINK_RIGHT = Blendshapes.indexOf("eyeBlinkRight");
  public static final int JAW = Blendshapes.indexOf("jawOpen");
  public static final int SMILE_LEFT = Blendshapes.indexOf("mouthSmileLeft");
  public static final int SMILE_RIGHT = Blendshapes.indexOf("mouthSmileRight");
  public static final int BROWS = Blendshapes.indexOf("browInnerUp");

  private EgoFixtures() {}

  /**
   * Recordings of {@code frames} frames at 30 fps.
   *
   * @param real the other look (brighter, noisier), as the real domain
   * @param winkShare the share of eye closures that close one eye only
   */
  public static List<EgoClip> clips(int recordings, int frames, int size, boolean real, double winkShare, long seed) {
    List<EgoClip> out = new ArrayList<>();
    for (int r = 0; r < recordings; r++) {
      SplittableRandom random = new SplittableRandom(seed * 7919 + r);
      double[][] w = performance(frames, winkShare, random);
      double[] times = new double[frames];
      byte[][] views = new byte[frames][];
      for (int f = 0; f < frames; f++) {
        times[f] = f / 30.0;
        views[f] = render(w[f], size, real, random);
      }
      out.add(new EgoClip((real ? "r" : "s") + r, (real ? "r" : "s") + r + "/r01", times, views, w));
    }
    return out;
  }

  /** Smooth random weights of the six shapes the views show. */
  static double[][] performance(int frames, double winkShare, SplittableRandom random) {
    double[][] w = new double[frames][Blendshapes.ARKIT_52.size()];
    int f = 0;
    while (f < frames) {
      int length = 10 + random.nextInt(20);
      double jaw = random.nextDouble() < 0.5 ? random.nextDouble() : 0;
      double smile = random.nextDouble() < 0.4 ? random.nextDouble() : 0;
      double brows = random.nextDouble() < 0.4 ? random.nextDouble() : 0;
      double left = 0;
      double right = 0;
      if (random.nextDouble() < 0.35) {
        if (random.nextDouble() < winkShare) {
          if (random.nextBoolean()) {
            left = 1;
          } else {
            right = 1;
          }
        } else {
          left = 1;
          right = 1;
        }
      }
      for (int i = 0; i < length && f < frames; i++, f++) {
        double env = Math.sin(Math.PI * (i + 0.5) / length);
        w[f][JAW] = jaw * env;
        w[f][SMILE_LEFT] = smile * env;
        w[f][SMILE_RIGHT] = smile * env;
        w[f][BROWS] = brows * env;
        w[f][BLINK_LEFT] = left * Math.min(1, 2 * env);
        w[f][BLINK_RIGHT] = right * Math.min(1, 2 * env);
      }
    }
    return w;
  }

  /** The five views of one frame. */
  public static byte[] render(double[] w, int size, boolean real, SplittableRandom random) {
    byte[][] views = new byte[EgoViews.COUNT][];
    views[0] = eye(w[BLINK_LEFT], size, real, random);
    views[1] = eye(w[BLINK_RIGHT], size, real, random);
    views[2] = mouth(w[JAW], w[SMILE_LEFT], size, real, random);
    views[3] = mouth(w[JAW], w[SMILE_RIGHT], size, real, random);
    views[4] = glabella(w[BROWS], size, real, random);
    return ViewImages.frame(views);
  }

  private static byte[] eye(double blink, int size, boolean real, SplittableRandom random) {
    byte[] img = new byte[size * size];
    double c = size / 2.0;
    double lid = -size / 3.0 + blink * (2 * size / 3.0);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double v = base(real);
        double dx = x - c;
        double dy = y - c;
        if (dx * dx + dy * dy < size * size / 10.0) {
          v = dx * dx + dy * dy < size * size / 40.0 ? 20 : 200;
        }
        if (y - c < lid) {
          v = base(real) + 40;
        }
        img[y * size + x] = pixel(v, real, random);
      }
    }
    return img;
  }

  private static byte[] mouth(double jaw, double smile, int size, boolean real, SplittableRandom random) {
    byte[] img = new byte[size * size];
    double c = size / 2.0;
    double h = 1 + jaw * size / 4.0;
    double wid = size / 5.0 + smile * size / 5.0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double dx = (x - c) / wid;
        double dy = (y - c) / h;
        double v = dx * dx + dy * dy < 1 ? 15 : base(real) + 30;
        img[y * size + x] = pixel(v, real, random);
      }
    }
    return img;
  }

  private static byte[] glabella(double brows, int size, boolean real, SplittableRandom random) {
    byte[] img = new byte[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double v = base(real) + (y < size / 2 ? brows * 120 : 0) + x;
        img[y * size + x] = pixel(v, real, random);
      }
    }
    return img;
  }

  private static double base(boolean real) {
    return real ? 90 : 60;
  }

  private static byte pixel(double v, boolean real, SplittableRandom random) {
    double noisy = v * (real ? 1.2 : 1.0) + random.nextGaussian() * (real ? 10 : 4);
    return (byte) Math.max(0, Math.min(255, Math.round(noisy)));
  }
}
