package dev.mimik.signal.blink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlinkCalibrationTest {

  static final double FS = 250;

  /**
   * Two channels as beside the ear: channel 0 dominated by saccade steps (40 uV) with a faint blink, channel 1 with
   * weaker steps and a -15 uV blink; noise of 2 uV on both, low-passed by a 40 ms moving average as the EOG band's
   * 10 Hz edge would.
   */
  record EarEog(double[][] channels, double[][] blinks) {}

  static EarEog earEog(long seed, double seconds) {
    Random r = new Random(seed);
    int n = (int) (seconds * FS);
    double[][] x = new double[2][n];
    double level = 0;
    int nextSaccade = 0;
    int smooth = (int) (0.04 * FS);
    double[][] white = new double[2][n + smooth];
    for (double[] w : white) {
      for (int i = 0; i < w.length; i++) {
        w[i] = 2 * Math.sqrt(smooth) * r.nextGaussian();
      }
    }
    for (int i = 0; i < n; i++) {
      if (i == nextSaccade) {
        level = 40 * (2 * r.nextDouble() - 1);
        nextSaccade += (int) ((0.5 + 1.5 * r.nextDouble()) * FS);
      }
      double[] noise = new double[2];
      for (int c = 0; c < 2; c++) {
        for (int k = 0; k < smooth; k++) {
          noise[c] += white[c][i + k] / smooth;
        }
      }
      x[0][i] = level + noise[0];
      x[1][i] = 0.3 * level + noise[1];
    }
    List<double[]> blinks = new java.util.ArrayList<>();
    for (double t = 1 + r.nextDouble(); t < seconds - 1; t += 2 + 2 * r.nextDouble()) {
      double d = 0.2 + 0.2 * r.nextDouble();
      blinks.add(new double[] {t, t + d});
      for (int i = (int) Math.ceil(t * FS); i <= (int) Math.floor((t + d) * FS); i++) {
        double bump = 0.5 * (1 - Math.cos(2 * Math.PI * (i / FS - t) / d));
        x[0][i] += 3 * bump;
        x[1][i] -= 15 * bump;
      }
    }
    return new EarEog(x, blinks.toArray(double[][]::new));
  }

  @Test
  void findsTheChannelPolarityAndThresholdThatShowTheBlinks() {
    EarEog train = earEog(1, 120);
    BlinkCalibration.Result result = BlinkCalibration.fit(
        List.of(new BlinkCalibration.Recording(train.channels(), FS, train.blinks())), BlinkDetector.standard())
        .orElseThrow();
    assertThat(result.channel()).isEqualTo(1);
    assertThat(result.detector().positive()).isFalse();
    assertThat(result.detector().calibratedThreshold()).isBetween(2.0, 15.0);
    assertThat(result.f1()).isGreaterThan(0.9);

    // on a new recording of the same person the calibrated detector finds the blinks where the robust rule does not
    EarEog test = earEog(2, 120);
    List<Blink> found = result.detector().detect(test.channels()[1], FS);
    int hits = BlinkCalibration.matches(found, test.blinks());
    assertThat(hits).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * test.blinks().length));
    assertThat(found.size() - hits).isLessThanOrEqualTo((int) Math.ceil(0.1 * test.blinks().length));
    // onsets at the 10 % edge: a few hundredths of a second after the lids start, more where noise hides the edge
    double[] lags = found.stream().map(b -> java.util.Arrays.stream(test.blinks())
        .mapToDouble(k -> b.onsetSeconds() - k[0]).filter(d -> Math.abs(d) < 0.5)
        .reduce((p, q) -> Math.abs(p) < Math.abs(q) ? p : q)).filter(java.util.OptionalDouble::isPresent)
        .mapToDouble(java.util.OptionalDouble::getAsDouble).sorted().toArray();
    assertThat(lags[lags.length / 2]).isCloseTo(0.03, within(0.03));
    assertThat(lags[0]).isGreaterThan(-0.1);
    assertThat(lags[lags.length - 1]).isLessThan(0.2);
    int robust = BlinkCalibration.matches(BlinkDetector.standard().withPositive(false).detect(test.channels()[1], FS),
        test.blinks());
    assertThat(robust).isLessThan(hits);
  }

  @Test
  void tooFewReferenceBlinksCalibrateNothing() {
    EarEog train = earEog(3, 20);
    double[][] two = java.util.Arrays.copyOf(train.blinks(), 2);
    assertThat(BlinkCalibration.fit(List.of(new BlinkCalibration.Recording(train.channels(), FS, two)),
        BlinkDetector.standard())).isEmpty();
  }

  @Test
  void matchingIsOneToOneAndToleratesOnlyEarlyOnsetsUpToTheLimit() {
    double[][] refs = {{1.0, 1.3}, {3.0, 3.3}};
    List<Blink> found = List.of(new Blink(0.9, 1.0, 1.2, 10), new Blink(0.95, 1.1, 1.25, 10),
        new Blink(2.7, 2.8, 2.9, 10));
    // the first matches blink 1; the second overlaps blink 1 too but is not counted twice; 2.7 is 0.3 s early
    assertThat(BlinkCalibration.matches(found, refs)).isEqualTo(1);
  }
}
