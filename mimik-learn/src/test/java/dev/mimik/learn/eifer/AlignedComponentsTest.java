package dev.mimik.learn.eifer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.testing.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AlignedComponentsTest {

  private static final int CHANNELS = 8;
  private static final int FRAMES = 2000;

  /** The principal axes are numpy's (right singular vectors of the centred rows), up to each axis's sign. */
  @Test
  void axesAreNumpysPrincipalAxes() throws Exception {
    double[][] x = recording(new SplittableRandom(5), 1)[0];
    double[] flat = new double[FRAMES * CHANNELS];
    for (int f = 0; f < FRAMES; f++) {
      System.arraycopy(x[f], 0, flat, f * CHANNELS, CHANNELS);
    }
    double[] py = PythonOracle.numpy().run(String.join("\n",
        "x = load('x').reshape(-1, " + CHANNELS + ")",
        "_, _, vt = np.linalg.svd(x - x.mean(0), full_matrices=False)",
        "save('axes', vt[:3])"), Map.of("x", flat)).get("axes");
    double[][] axes = AlignedComponents.axes(x, 3);
    for (int a = 0; a < 3; a++) {
      double dot = 0;
      for (int c = 0; c < CHANNELS; c++) {
        dot += axes[a][c] * py[a * CHANNELS + c];
      }
      assertThat(Math.abs(dot)).as("axis %d", a).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  /**
   * Recordings of two sources (a strong one, as vertical gaze and blinks, and a weaker one, as horizontal gaze)
   * through channels whose gains change from one recording to the next, sign included on a third of them: the
   * reference learned from five recordings without their sources signs a sixth recording's components so that
   * each follows its source with the sign it has in the first, as in the other four.
   */
  @Test
  void componentsFollowTheirSourcesWithOneSignInEveryRecording() {
    SplittableRandom r = new SplittableRandom(11);
    List<double[][][]> recordings = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      recordings.add(recording(r, i));
    }
    double[][] reference = AlignedComponents.reference(recordings.subList(0, 5).stream().map(d -> d[0]).toList(), 2);
    double[] sign = new double[2];
    for (double[][][] d : recordings) {
      double[][] scores = AlignedComponents.scores(d[0], reference);
      for (int a = 0; a < 2; a++) {
        double[] s = new double[FRAMES];
        double[] truth = new double[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
          s[f] = scores[f][a];
          truth[f] = d[1][f][a];
        }
        double rho = MapMetrics.pearson(s, truth);
        if (sign[a] == 0) {
          sign[a] = Math.signum(rho);
        }
        assertThat(sign[a] * rho).as("component %d", a).isGreaterThan(0.95);
      }
    }
  }

  /**
   * One recording {@code {channels [frame][channel], sources [frame][2]}}: two piecewise-constant sources (standard
   * deviations 3 and 1) through gains drawn around fixed patterns (every third channel's sign flipped at random, the
   * rest scaled 0.5-1.5), plus noise.
   */
  private static double[][][] recording(SplittableRandom r, int seed) {
    double[][] pattern = {{1, 0.8, 0.6, 0.4, 0.3, 0.5, 0.9, 0.7}, {0.6, -0.7, 0.2, -0.5, 0.8, 0.4, -0.3, 0.5}};
    double[][] gain = new double[2][CHANNELS];
    for (int a = 0; a < 2; a++) {
      for (int c = 0; c < CHANNELS; c++) {
        boolean flip = a == 1 && c % 3 == seed % 3 && r.nextBoolean();
        gain[a][c] = pattern[a][c] * r.nextDouble(0.5, 1.5) * (flip ? -1 : 1);
      }
    }
    double[][] x = new double[FRAMES][CHANNELS];
    double[][] sources = new double[FRAMES][2];
    double[] held = new double[2];
    for (int f = 0; f < FRAMES; f++) {
      if (f % 25 == 0) {
        held = new double[] {3 * r.nextGaussian(), r.nextGaussian()};
      }
      sources[f] = held.clone();
      for (int c = 0; c < CHANNELS; c++) {
        x[f][c] = gain[0][c] * held[0] + gain[1][c] * held[1] + 0.1 * r.nextGaussian();
      }
    }
    return new double[][][] {x, sources};
  }
}
