package dev.mimik.learn.ego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ViewImagesTest {

  static final int SIZE = 8;

  /** A frame of five views, each a different pattern of distinct gray levels. */
  static byte[] frame() {
    byte[] f = new byte[EgoViews.COUNT * SIZE * SIZE];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < f.length; i++) {
      f[i] = (byte) (20 + random.nextInt(200));
    }
    return f;
  }

  static float[] standardised(byte[] frame, int view, ViewImages.Jitter jitter) {
    float[] out = new float[SIZE * SIZE];
    ViewImages.standardise(frame, view, SIZE, jitter, new SplittableRandom(1), out, 0);
    return out;
  }

  @Test
  void theViewAsItIsHasZeroMeanAndUnitSpread() {
    float[] z = standardised(frame(), 2, ViewImages.Jitter.NONE);
    double mean = 0;
    double sq = 0;
    for (float v : z) {
      mean += v / (double) z.length;
      sq += v * v / (double) z.length;
    }
    assertThat(mean).isCloseTo(0, within(1e-6));
    assertThat(sq - mean * mean).isCloseTo(1, within(1e-5));
  }

  @Test
  void aWholePixelShiftAndAQuarterTurnMoveThePixelsExactly() {
    byte[] f = frame();
    float[] still = standardised(f, 1, ViewImages.Jitter.NONE);
    // moved right by 2 and down by 1: the interior is the view read 2 columns left and 1 row up
    float[] moved = standardised(f, 1, new ViewImages.Jitter(2, 1, 1, 0, 1, 0));
    int n = SIZE * SIZE;
    double[] px = new double[n];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int sx = Math.max(0, x - 2);
        int sy = Math.max(0, y - 1);
        px[y * SIZE + x] = f[n + sy * SIZE + sx] & 0xff;
      }
    }
    double[] expected = standardise(px);
    for (int i = 0; i < n; i++) {
      assertThat((double) moved[i]).isCloseTo(expected[i], within(1e-4));
    }
    // a quarter turn about the centre: pixel (x, y) shows the source at (y, SIZE - 1 - x); the same pixels, so the
    // same standardisation
    float[] turned = standardised(f, 1, new ViewImages.Jitter(0, 0, 1, Math.PI / 2, 1, 0));
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        assertThat(turned[y * SIZE + x]).isCloseTo(still[(SIZE - 1 - x) * SIZE + y], within(1e-4f));
      }
    }
  }

  @Test
  void gammaBendsTheGrayLevelsAndNoiseAddsItsSpread() {
    byte[] f = frame();
    float[] bent = standardised(f, 4, new ViewImages.Jitter(0, 0, 1, 0, 2, 0));
    int n = SIZE * SIZE;
    double[] px = new double[n];
    for (int i = 0; i < n; i++) {
      double p = (f[4 * n + i] & 0xff) / 255.0;
      px[i] = 255 * p * p;
    }
    double[] expected = standardise(px);
    for (int i = 0; i < n; i++) {
      assertThat((double) bent[i]).isCloseTo(expected[i], within(1e-4));
    }
    float[] clean = standardised(f, 0, ViewImages.Jitter.NONE);
    double sq = 0;
    int trials = 200;
    SplittableRandom random = new SplittableRandom(7);
    float[] noisy = new float[n];
    for (int t = 0; t < trials; t++) {
      ViewImages.standardise(f, 0, SIZE, new ViewImages.Jitter(0, 0, 1, 0, 1, 0.3), random, noisy, 0);
      for (int i = 0; i < n; i++) {
        sq += Math.pow(noisy[i] - clean[i], 2) / (n * trials);
      }
    }
    assertThat(Math.sqrt(sq)).isCloseTo(0.3, within(0.01));
  }

  @Test
  void augmentationDrawsWithinItsRangesAndNoneLeavesTheViewAlone() {
    EgoTrainingOptions.Augmentation a = new EgoTrainingOptions.Augmentation(2, 0.1, 5, 1.5, 0.2);
    SplittableRandom random = new SplittableRandom(11);
    double largestTurn = 0;
    for (int i = 0; i < 500; i++) {
      ViewImages.Jitter j = a.draw(random);
      assertThat(Math.abs(j.dx())).isLessThanOrEqualTo(2);
      assertThat(j.scale()).isBetween(1 / 1.1, 1.1);
      assertThat(j.gamma()).isBetween(1 / 1.5, 1.5);
      assertThat(j.noise()).isBetween(0.0, 0.2);
      largestTurn = Math.max(largestTurn, Math.abs(Math.toDegrees(j.rotation())));
    }
    assertThat(largestTurn).isBetween(4.5, 5.0);
    assertThat(EgoTrainingOptions.Augmentation.NONE.draw(random)).isEqualTo(ViewImages.Jitter.NONE);
  }

  private static double[] standardise(double[] px) {
    double mean = 0;
    double sq = 0;
    for (double p : px) {
      mean += p / px.length;
      sq += p * p / px.length;
    }
    double std = Math.max(ViewImages.MIN_STD, Math.sqrt(sq - mean * mean));
    double[] out = new double[px.length];
    for (int i = 0; i < px.length; i++) {
      out[i] = (px[i] - mean) / std;
    }
    return out;
  }
}
