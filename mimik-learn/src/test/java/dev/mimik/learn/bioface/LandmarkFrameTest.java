package dev.mimik.learn.bioface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.align.SimilarityTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LandmarkFrameTest {

  private static final LandmarkSet SET = LandmarkSet.IBUG_51;

  @Test
  void referenceHasEyeDistance100AndDisplayMapsBackToTheTrainingPixels() {
    double[] face = LandmarkFrame.selectPoints(SET, 68, SyntheticSession.neutralFace());
    SimilarityTransform camera = new SimilarityTransform(1.5, 0.1, 500, 300);
    Random r = new Random(2);
    List<double[]> shapes = new ArrayList<>();
    double[] mean = new double[face.length];
    for (int i = 0; i < 200; i++) {
      double[] p = face.clone();
      for (int k = 0; k < p.length; k++) {
        p[k] += 0.5 * r.nextGaussian();
      }
      // small head motion around the camera placement
      double[] shape = new SimilarityTransform(1 + 0.02 * r.nextGaussian(), 0.02 * r.nextGaussian(),
          3 * r.nextGaussian(), 3 * r.nextGaussian()).andThen(camera).apply(p);
      shapes.add(shape);
      for (int k = 0; k < mean.length; k++) {
        mean[k] += shape[k] / 200;
      }
    }
    LandmarkFrame frame = LandmarkFrame.of(SET, shapes);
    double[] ref = frame.reference();
    int a = SET.positionOf(LandmarkSet.OUTER_EYE_CORNER_A);
    int b = SET.positionOf(LandmarkSet.OUTER_EYE_CORNER_B);
    assertThat(Math.hypot(ref[2 * a] - ref[2 * b], ref[2 * a + 1] - ref[2 * b + 1]))
        .isCloseTo(LandmarkFrame.REFERENCE_EYE_DISTANCE, within(1e-9));
    // the face is 120 px between the eyes before the camera's 1.5x: 180 px on screen for 100 aligned units
    assertThat(frame.display().scale()).isCloseTo(1.8, within(0.01));
    double[] shown = frame.display().apply(ref);
    double worst = 0;
    for (int i = 0; i < shown.length; i += 2) {
      worst = Math.max(worst, Math.hypot(shown[i] - mean[i], shown[i + 1] - mean[i + 1]));
    }
    assertThat(worst).as("largest distance of a displayed reference point from the mean training point, px")
        .isLessThan(1.5);
  }

  @Test
  void selectPointsPicksTheSetAndRefusesFramesWithoutIt() {
    double[] face = SyntheticSession.neutralFace();
    double[] inner = LandmarkFrame.selectPoints(SET, 68, face);
    assertThat(inner).hasSize(102);
    assertThat(inner[0]).isEqualTo(face[2 * 17]);
    assertThat(LandmarkFrame.selectPoints(LandmarkSet.IBUG_53, 68, face)).as("no pupils in a 68-point frame").isNull();
  }
}
