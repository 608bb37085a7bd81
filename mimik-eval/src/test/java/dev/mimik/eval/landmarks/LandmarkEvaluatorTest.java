package dev.mimik.eval.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LandmarkEvaluatorTest {

  private final LandmarkTrack truth = TestTracks.still(TestTracks.face(new Random(1)), 10);

  @Test
  void aKnownOffsetGivesAnExactNmeAndMae() {
    // every point 5 px off (3-4-5), eye corners 100 px apart: 5 % of the eye-corner distance, 4.5 mm of 90 mm
    LandmarkMetrics m = new LandmarkEvaluator().evaluate(TestTracks.shifted(truth, 3, 4), truth);

    assertThat(m.nmePercent()).isCloseTo(5.0, within(1e-12));
    assertThat(m.nmeStdPercent()).isCloseTo(0.0, within(1e-12));
    assertThat(m.maeMm()).isCloseTo(4.5, within(1e-12));
    assertThat(m.frames()).isEqualTo(10);
    assertThat(m.perLandmark()).hasSize(68).allSatisfy(e -> {
      assertThat(e.nmePercent()).isCloseTo(5.0, within(1e-12));
      assertThat(e.points()).isEqualTo(10);
    });
    assertThat(m.excludedLandmarks()).isEmpty();
    assertThat(m.frameNmePercent()).containsOnly(5.0);
  }

  @Test
  void theEyeCornerDistanceInMillimetresScalesOnlyTheMae() {
    LandmarkMetrics m = new LandmarkEvaluator(60, Optional.empty()).evaluate(TestTracks.shifted(truth, 0, 2), truth);
    assertThat(m.nmePercent()).isCloseTo(2.0, within(1e-12));
    assertThat(m.maeMm()).isCloseTo(1.2, within(1e-12));
  }

  @Test
  void errorsAreNormalisedFrameByFrame() {
    // the second half of the truth is twice as large (eye corners 200 px apart) with the same 4 px error
    double[][] frames = new double[4][];
    double[][] pred = new double[4][];
    for (int f = 0; f < 4; f++) {
      double scale = f < 2 ? 1 : 2;
      frames[f] = Arrays.stream(truth.frames()[0]).map(v -> v * scale).toArray();
      pred[f] = frames[f].clone();
      for (int i = 0; i < 68; i++) {
        pred[f][2 * i] += 4;
      }
    }
    double[] times = {0, 1 / 30.0, 2 / 30.0, 3 / 30.0};
    LandmarkMetrics m = new LandmarkEvaluator().evaluate(new LandmarkTrack(times, 68, pred, new boolean[4]),
        new LandmarkTrack(times, 68, frames, new boolean[4]));
    assertThat(m.frameNmePercent()).containsExactly(4.0, 4.0, 2.0, 2.0);
    assertThat(m.nmePercent()).isCloseTo(3.0, within(1e-12));
    assertThat(m.nmeStdPercent()).isCloseTo(1.0, within(1e-12));
    assertThat(m.maeMm()).isCloseTo(2.7, within(1e-12));
  }

  @Test
  void aFiftyOnePointPredictionExcludesAndReportsTheJaw() {
    LandmarkTrack pred = TestTracks.subset(TestTracks.shifted(truth, 1, 0), LandmarkSet.IBUG_51.ibugIndices());
    LandmarkMetrics m = new LandmarkEvaluator().evaluate(pred, truth);

    assertThat(m.excludedLandmarks()).containsExactly(IntStream.range(0, 17).boxed().toArray(Integer[]::new));
    assertThat(m.perLandmark()).extracting(LandmarkError::ibug).containsExactly(
        IntStream.range(17, 68).boxed().toArray(Integer[]::new));
    assertThat(m.nmePercent()).isCloseTo(1.0, within(1e-12));
    assertThat(m.pointsMissing()).isZero();
  }

  @Test
  void jawColumnsLeftEmptyInTheFileAreExcludedLikeAbsentOnes() {
    LandmarkTrack pred = TestTracks.shifted(truth, 1, 0);
    for (double[] f : pred.frames()) {
      Arrays.fill(f, 0, 34, Double.NaN);
    }
    LandmarkMetrics m = new LandmarkEvaluator().evaluate(pred, truth);
    assertThat(m.excludedLandmarks()).hasSize(17).containsSequence(0, 1, 2);
    assertThat(m.perLandmark()).hasSize(51);
    assertThat(m.pointsMissing()).isZero();
    assertThat(m.nmePercent()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aPointLostInOneFrameIsCountedAndLeftOut() {
    LandmarkTrack pred = TestTracks.shifted(truth, 1, 0);
    pred.frames()[3][2 * 50] = Double.NaN;
    LandmarkMetrics m = new LandmarkEvaluator().evaluate(pred, truth);
    assertThat(m.pointsMissing()).isEqualTo(1);
    assertThat(m.excludedLandmarks()).isEmpty();
    assertThat(m.perLandmark().get(50).points()).isEqualTo(9);
    assertThat(m.pointNmePercent()).hasSize(68 * 10 - 1);
  }

  @Test
  void restrictingToFiftyThreeEvaluatesTheInnerPointsAndReportsThePupilsTheTruthLacks() {
    LandmarkMetrics m = new LandmarkEvaluator(90, Optional.of(LandmarkSet.IBUG_53))
        .evaluate(TestTracks.shifted(truth, 2, 0), truth);
    assertThat(m.excludedLandmarks()).containsExactly(68, 69);
    assertThat(m.perLandmark()).hasSize(51);
    assertThat(m.nmePercent()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void thePupilsErrorIsReportedApartFromTheFace() {
    double[] face = TestTracks.face(new Random(2));
    double[] withPupils = java.util.Arrays.copyOf(face, 140);
    withPupils[136] = 130;
    withPupils[137] = 201;
    withPupils[138] = 170;
    withPupils[139] = 199;
    LandmarkTrack truth70 = TestTracks.still(withPupils, 5);
    // the face 1 unit off, the pupils 3 units off: eye corners 100 apart, so 1 % and 3 %
    LandmarkTrack pred = TestTracks.shifted(truth70, 1, 0);
    for (double[] f : pred.frames()) {
      f[136] += 2;
      f[138] += 2;
    }
    LandmarkMetrics m = new LandmarkEvaluator(90, Optional.of(LandmarkSet.IBUG_53)).evaluate(
        TestTracks.subset(pred, LandmarkSet.IBUG_53.ibugIndices()), truth70);
    assertThat(m.pupilNmePercent()).isCloseTo(3.0, within(1e-12));
    assertThat(m.nmePercent()).isCloseTo((51 * 1.0 + 2 * 3.0) / 53, within(1e-12));
    assertThat(MetricsJson.of(m).get("pupil_nme_percent").asDouble()).isCloseTo(3.0, within(1e-12));
    LandmarkMetrics faceOnly = new LandmarkEvaluator().evaluate(TestTracks.shifted(this.truth, 1, 0), this.truth);
    assertThat(faceOnly.pupilNmePercent()).isNaN();
    assertThat(MetricsJson.of(faceOnly).has("pupil_nme_percent")).isFalse();
  }

  @Test
  void framesAreMatchedWithinHalfAFrame() {
    LandmarkTrack pred = TestTracks.shifted(truth, 1, 0);
    assertThat(new LandmarkEvaluator().evaluate(TestTracks.delayed(pred, 0.4 / 30), truth).frames()).isEqualTo(10);
    LandmarkMetrics late = new LandmarkEvaluator().evaluate(TestTracks.delayed(pred, 0.6 / 30), truth);
    // each truth frame's nearest prediction is now 0.4 frame away, except the first (0.6 frame from any)
    assertThat(late.frames()).isEqualTo(9);
    assertThat(late.framesUnmatched()).isEqualTo(1);
    LandmarkMetrics none = new LandmarkEvaluator().evaluate(TestTracks.delayed(pred, 100), truth);
    assertThat(none.frames()).isZero();
    assertThat(none.framesUnmatched()).isEqualTo(10);
    assertThat(none.nmePercent()).isNaN();
  }

  @Test
  void missingFramesOnEitherSideAreSkipped() {
    LandmarkTrack pred = TestTracks.shifted(truth, 1, 0);
    pred.missing()[2] = true;
    LandmarkTrack gappy = new LandmarkTrack(truth.timesSeconds(), 68, truth.frames(), truth.missing().clone());
    gappy.missing()[7] = true;
    LandmarkMetrics m = new LandmarkEvaluator().evaluate(pred, gappy);
    assertThat(m.frames()).isEqualTo(8);
    assertThat(m.framesMissing()).isEqualTo(2);
    assertThat(m.frameTimes()).doesNotContain(2 / 30.0, 7 / 30.0);
  }

  @Test
  void aTruthWithoutEyeCornersOrAnUnknownLayoutIsRefused() {
    LandmarkTrack tiny = TestTracks.subset(truth, new int[] {30, 31, 32});
    assertThatThrownBy(() -> new LandmarkEvaluator().evaluate(truth, tiny))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 points");
    assertThatThrownBy(() -> new LandmarkEvaluator(0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
