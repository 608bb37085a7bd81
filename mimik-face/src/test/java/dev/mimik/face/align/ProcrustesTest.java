package dev.mimik.face.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.testing.PythonOracle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProcrustesTest {

  private static double[] shape(long seed, int points) {
    Random random = new Random(seed);
    double[] s = new double[2 * points];
    for (int i = 0; i < s.length; i++) {
      s[i] = 100 * random.nextDouble();
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void recoversAKnownTransformExactly(long seed) {
    Random random = new Random(seed);
    double[] reference = shape(seed, 53);
    SimilarityTransform known = new SimilarityTransform(0.2 + 3 * random.nextDouble(),
        Math.PI * (2 * random.nextDouble() - 1), 500 * random.nextGaussian(), 500 * random.nextGaussian());
    double[] image = known.apply(reference);

    SimilarityTransform fitted = new Procrustes(reference).fit(image);
    SimilarityTransform expected = known.inverse();
    assertThat(fitted.scale()).isCloseTo(expected.scale(), within(1e-9));
    assertThat(Math.cos(fitted.angleRadians() - expected.angleRadians())).isCloseTo(1, within(1e-12));
    assertThat(fitted.tx()).isCloseTo(expected.tx(), within(1e-7));
    assertThat(fitted.ty()).isCloseTo(expected.ty(), within(1e-7));
    assertThat(fitted.apply(image)).containsExactly(reference, within(1e-8));
    // and back to image pixels
    assertThat(fitted.inverse().apply(reference)).containsExactly(image, within(1e-8));
  }

  @Test
  void inverseAndCompositionAgree() {
    SimilarityTransform a = new SimilarityTransform(2, 0.3, 5, -7);
    SimilarityTransform b = new SimilarityTransform(0.5, -1.1, 1, 2);
    double[] p = shape(9, 5);
    assertThat(a.andThen(b).apply(p)).containsExactly(b.apply(a.apply(p)), within(1e-12));
    assertThat(a.andThen(a.inverse()).apply(p)).containsExactly(p, within(1e-12));
  }

  @Test
  void missingPointsAreLeftOutOfTheFitAndStayMissing() {
    double[] reference = shape(11, 20);
    SimilarityTransform known = new SimilarityTransform(1.7, 0.4, 30, -12);
    double[] image = known.apply(reference);
    image[6] = Double.NaN;
    image[7] = Double.NaN;
    double[] aligned = new Procrustes(reference).align(image);
    assertThat(aligned[6]).isNaN();
    assertThat(aligned[0]).isCloseTo(reference[0], within(1e-9));
  }

  @Test
  void aMirroredShapeIsNotFittedWithAReflection() {
    double[] reference = shape(12, 10);
    double[] mirrored = reference.clone();
    for (int i = 0; i < mirrored.length; i += 2) {
      mirrored[i] = -mirrored[i];
    }
    SimilarityTransform t = new Procrustes(reference).fit(mirrored);
    // a proper rotation cannot undo a mirror: the residual stays large
    double[] aligned = t.apply(mirrored);
    double err = 0;
    for (int i = 0; i < aligned.length; i++) {
      err += Math.abs(aligned[i] - reference[i]);
    }
    assertThat(err / aligned.length).isGreaterThan(1);
  }

  @Test
  void disparityMatchesScipy() {
    double[] reference = shape(21, 30);
    Random random = new Random(22);
    double[] noisy = new SimilarityTransform(1.3, 0.25, 40, 60).apply(reference);
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] += 3 * random.nextGaussian();
    }
    double scipy = PythonOracle.numpy().requiring("scipy.spatial").run(String.join("\n",
        "from scipy.spatial import procrustes",
        "a = load('reference').reshape(-1, 2)",
        "b = load('noisy').reshape(-1, 2)",
        "save('disparity', [procrustes(a, b)[2]])"), Map.of("reference", reference, "noisy", noisy))
        .scalar("disparity");

    // scipy centres the reference and scales it to unit Frobenius norm, then fits the other onto it
    double[] unit = Procrustes.meanShape(List.of(reference), 0);
    double[] aligned = new Procrustes(unit).align(noisy);
    double disparity = 0;
    for (int i = 0; i < aligned.length; i++) {
      disparity += Math.pow(aligned[i] - unit[i], 2);
    }
    assertThat(scipy).isGreaterThan(1e-4);
    assertThat(disparity).isCloseTo(scipy, within(1e-12));
  }

  @Test
  void alignsATrackFrameByFrameAndMapsBackToPixels() {
    double[] reference = shape(31, 8);
    double[][] frames = new double[3][];
    List<SimilarityTransform> poses = List.of(new SimilarityTransform(2, 0.1, 100, 50),
        new SimilarityTransform(3, -0.2, 120, 40), new SimilarityTransform(1, 0, 0, 0));
    for (int f = 0; f < 3; f++) {
      frames[f] = poses.get(f).apply(reference);
    }
    Arrays.fill(frames[2], Double.NaN);
    LandmarkTrack track = new LandmarkTrack(new double[] {0, 0.1, 0.2}, 8, frames, new boolean[] {false, false, true});
    Procrustes.Alignment a = new Procrustes(reference).alignTrack(track);
    assertThat(a.aligned().frames()[1]).containsExactly(reference, within(1e-9));
    assertThat(a.toImage(1, reference)).containsExactly(frames[1], within(1e-9));
    assertThat(a.aligned().missing()[2]).isTrue();
    assertThat(a.transforms().get(2)).isEqualTo(SimilarityTransform.identity());
  }

  @Test
  void meanShapeOfPosedCopiesIsTheShapeItself() {
    double[] base = shape(41, 12);
    Random random = new Random(42);
    List<double[]> shapes = new java.util.ArrayList<>();
    for (int k = 0; k < 10; k++) {
      shapes.add(new SimilarityTransform(1 + random.nextDouble(), random.nextGaussian(), 50 * random.nextGaussian(),
          50 * random.nextGaussian()).apply(base));
    }
    double[] mean = Procrustes.meanShape(shapes, 5);
    double[] aligned = new Procrustes(mean).align(base);
    assertThat(aligned).containsExactly(mean, within(1e-9));
  }
}
