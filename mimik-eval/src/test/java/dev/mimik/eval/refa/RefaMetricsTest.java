package dev.mimik.eval.refa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.ArtPriors;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.data.PromptSegment.Eyes;
import dev.mimik.core.data.PromptSegment.Kind;
import dev.mimik.core.data.PromptSegment.Lips;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each REFA metric on hand-built blendshape curves whose answer is known. */
class RefaMetricsTest {

  private static final double FPS = 30;
  private static RefaMetrics metrics;
  private static final ArtPriors PRIORS = new ArtPriors(Map.of(
      "jaw_drop", Map.of("jawOpen", 0.7),
      "smile_open", Map.of("mouthSmileLeft", 0.6, "mouthSmileRight", 0.6, "jawOpen", 0.2)));

  @BeforeAll
  static void setUp() {
    metrics = new RefaMetrics(PRIORS, new AvatarGauge(EmbeddedRig.load()));
  }

  /** Three seconds at 30 fps; {@code row} sets each frame's weights. */
  private static BlendshapeTrack track(IntFunction<Map<String, Double>> row) {
    int n = 90;
    double[] t = new double[n];
    double[][] w = new double[n][52];
    for (int f = 0; f < n; f++) {
      t[f] = f / FPS;
      double[] r = w[f];
      row.apply(f).forEach((name, v) -> r[Blendshapes.indexOf(name)] = v);
    }
    return new BlendshapeTrack(t, Blendshapes.ARKIT_52, w);
  }

  /** A segment whose apex holds frames 30..59 (1.0 s to 1.967 s). */
  private static PromptSegment segment(String prompt, Kind kind, Eyes eyes, Lips lips) {
    return new PromptSegment(prompt, kind, 0.5, 0.99, 1.98, 2.5, eyes, lips);
  }

  private static RefaScores score(BlendshapeTrack t, PromptSegment s) {
    return metrics.score(t, List.of(s));
  }

  @Test
  void semanticAccuracyGivesFullMarksFrom80PercentOfThePriorAndNoneBelow40() {
    PromptSegment jaw = segment("jaw_drop", Kind.PEAK, Eyes.OPEN, Lips.OPEN);
    assertThat(score(track(f -> Map.of("jawOpen", 0.7)), jaw).get(RefaMetric.SEMANTIC_ACCURACY)).isEqualTo(1.0);
    assertThat(score(track(f -> Map.of("jawOpen", 0.56)), jaw).get(RefaMetric.SEMANTIC_ACCURACY))
        .isCloseTo(1.0, within(1e-9));
    // 60 % of the prior is halfway between 40 % and 80 %
    assertThat(score(track(f -> Map.of("jawOpen", 0.42)), jaw).get(RefaMetric.SEMANTIC_ACCURACY))
        .isCloseTo(0.5, within(1e-9));
    assertThat(score(track(f -> Map.of("jawOpen", 0.2)), jaw).get(RefaMetric.SEMANTIC_ACCURACY)).isZero();
    // the reach is the 90th percentile over the apex: a single spike does not count
    BlendshapeTrack spike = track(f -> Map.of("jawOpen", f == 45 ? 1.0 : 0.0));
    assertThat(score(spike, jaw).get(RefaMetric.SEMANTIC_ACCURACY)).isZero();
  }

  @Test
  void semanticAccuracyAveragesTheKeysOfAPrompt() {
    PromptSegment smile = segment("smile_open", Kind.PEAK, Eyes.OPEN, Lips.OPEN);
    BlendshapeTrack t = track(f -> Map.of("mouthSmileLeft", 0.6, "mouthSmileRight", 0.36, "jawOpen", 0.0));
    assertThat(score(t, smile).get(RefaMetric.SEMANTIC_ACCURACY)).isCloseTo((1 + 0.5 + 0) / 3, within(1e-9));
    // a prompt without priors is not scored
    assertThat(score(t, segment("unknown", Kind.PEAK, Eyes.OPEN, Lips.OPEN)).get(RefaMetric.SEMANTIC_ACCURACY))
        .isNaN();
  }

  @Test
  void neutralnessIsTheShareOfRestFramesWithEveryShapeUnder015ExceptBlinksAndGaze() {
    PromptSegment rest = segment("neutral", Kind.NEUTRAL, Eyes.ANY, Lips.CLOSED);
    BlendshapeTrack t = track(f -> f >= 30 && f < 36 ? Map.of("mouthSmileLeft", 0.2)
        : Map.of("eyeBlinkLeft", 1.0, "eyeLookUpLeft", 0.5, "browInnerUp", 0.15));
    assertThat(score(t, rest).get(RefaMetric.NEUTRALNESS)).isCloseTo(24 / 30.0, within(1e-9));
  }

  @Test
  void smoothnessFollowsTheMeanSecondDerivativeOfTheMovingShapes() {
    PromptSegment rest = segment("neutral", Kind.NEUTRAL, Eyes.ANY, Lips.CLOSED);
    assertThat(score(track(f -> Map.of("jawOpen", 0.01 * f)), rest).get(RefaMetric.SMOOTHNESS))
        .isCloseTo(1.0, within(1e-9));
    assertThat(score(track(f -> Map.of()), rest).get(RefaMetric.SMOOTHNESS)).isEqualTo(1.0);
    // a 1 Hz sine of amplitude 0.2: mean |w''| = 0.2 (2 pi)^2 * 2/pi = 5.03 per s^2
    double a = 0.2;
    double expected = Math.exp(-a * Math.pow(2 * Math.PI, 2) * 2 / Math.PI / RefaMetrics.SMOOTHNESS_SCALE);
    BlendshapeTrack sine = track(f -> Map.of("jawOpen", 0.5 + a * Math.sin(2 * Math.PI * f / FPS)));
    assertThat(score(sine, rest).get(RefaMetric.SMOOTHNESS)).isCloseTo(expected, within(0.002));
    // frame-to-frame jitter of +-0.05 on one shape: |w''| = 4 * 0.05 * 900 = 180 per s^2
    BlendshapeTrack jitter = track(f -> Map.of("jawOpen", 0.5 + (f % 2 == 0 ? 0.05 : -0.05)));
    assertThat(score(jitter, rest).get(RefaMetric.SMOOTHNESS)).isCloseTo(Math.exp(-180 / 88.0), within(1e-9));
  }

  @Test
  void eyeClosureNeedsTheAskedEyesShutAndInAWinkTheOtherOpen() {
    PromptSegment closed = segment("eyes_closed", Kind.PEAK, Eyes.CLOSED, Lips.CLOSED);
    PromptSegment wink = segment("wink_left", Kind.PEAK, Eyes.LEFT_CLOSED, Lips.CLOSED);
    BlendshapeTrack both = track(f -> Map.of("eyeBlinkLeft", 0.9, "eyeBlinkRight", 0.9));
    BlendshapeTrack half = track(f -> Map.of("eyeBlinkLeft", 0.7, "eyeBlinkRight", 0.9));
    BlendshapeTrack left = track(f -> Map.of("eyeBlinkLeft", 1.0, "eyeBlinkRight", f < 45 ? 0.0 : 0.6));
    assertThat(score(both, closed).get(RefaMetric.EYE_CLOSURE)).isEqualTo(1.0);
    assertThat(score(half, closed).get(RefaMetric.EYE_CLOSURE)).isZero();
    assertThat(score(both, wink).get(RefaMetric.EYE_CLOSURE)).isZero();
    assertThat(score(left, wink).get(RefaMetric.EYE_CLOSURE)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void winkEyeClosureAveragesTheWinkSegmentsAloneAndIsNaNWithoutThem() {
    // three seconds: a closed-eye segment on frames 0..29, a left wink on 30..59, a right wink on 60..89
    PromptSegment closed = new PromptSegment("eyes_closed", Kind.PEAK, 0, 0, 0.97, 0.99, Eyes.CLOSED, Lips.CLOSED);
    PromptSegment left = new PromptSegment("wink_left", Kind.PEAK, 0.99, 0.99, 1.98, 1.99, Eyes.LEFT_CLOSED,
        Lips.CLOSED);
    PromptSegment right = new PromptSegment("wink_right", Kind.PEAK, 1.99, 1.99, 2.97, 2.99, Eyes.RIGHT_CLOSED,
        Lips.CLOSED);
    // both eyes shut throughout: the closed-eye segment passes, both winks fail (the other eye is not open)
    BlendshapeTrack both = track(f -> Map.of("eyeBlinkLeft", 1.0, "eyeBlinkRight", 1.0));
    // the left wink held on its first 15 frames only, the right wink throughout; the closed eyes never close
    BlendshapeTrack winks = track(f -> f < 30 ? Map.of()
        : f < 60 ? Map.of("eyeBlinkLeft", f < 45 ? 1.0 : 0.0, "eyeBlinkRight", 0.0)
        : Map.of("eyeBlinkLeft", 0.0, "eyeBlinkRight", 1.0));
    List<PromptSegment> protocol = List.of(closed, left, right);
    assertThat(metrics.winkEyeClosure(both, protocol)).isZero();
    assertThat(metrics.score(both, protocol).get(RefaMetric.EYE_CLOSURE)).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(metrics.winkEyeClosure(winks, protocol)).isCloseTo((0.5 + 1.0) / 2, within(1e-9));
    assertThat(metrics.score(winks, protocol).get(RefaMetric.EYE_CLOSURE)).isCloseTo((0 + 0.5 + 1.0) / 3,
        within(1e-9));
    assertThat(metrics.winkEyeClosure(winks, List.of(closed))).isNaN();
    assertThat(RefaMetrics.isWink(left)).isTrue();
    assertThat(RefaMetrics.isWink(closed)).isFalse();
  }

  @Test
  void mouthClosureIsTheShareOfFramesWhoseLipsPartAtMost1mmBeyondNeutral() {
    PromptSegment pressed = segment("lips_press", Kind.PEAK, Eyes.OPEN, Lips.CLOSED);
    BlendshapeTrack shut = track(f -> Map.of("mouthPressLeft", 0.5, "mouthPressRight", 0.5));
    BlendshapeTrack ajar = track(f -> Map.of("jawOpen", f % 3 == 0 ? 0.3 : 0.0));
    assertThat(score(shut, pressed).get(RefaMetric.MOUTH_CLOSURE)).isEqualTo(1.0);
    assertThat(score(ajar, pressed).get(RefaMetric.MOUTH_CLOSURE)).isCloseTo(2 / 3.0, within(1e-9));
    // a segment that does not ask for closed lips is not scored
    assertThat(score(ajar, segment("jaw_drop", Kind.PEAK, Eyes.OPEN, Lips.OPEN)).get(RefaMetric.MOUTH_CLOSURE))
        .isNaN();
  }

  @Test
  void theAvatarGaugeMeasuresLidsAndLips() {
    AvatarGauge g = new AvatarGauge(EmbeddedRig.load());
    double[] w = new double[52];
    w[Blendshapes.indexOf("eyeBlinkLeft")] = 1;
    assertThat(g.eyeClosure(w, true)).isCloseTo(1, within(0.02));
    assertThat(g.eyeClosure(w, false)).isCloseTo(0, within(0.02));
    w[Blendshapes.indexOf("jawOpen")] = 1;
    assertThat(g.lipGapMm(w)).isGreaterThan(10);
  }
}
