package dev.mimik.track.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.learn.ego.EgoClip;
import dev.mimik.learn.ego.EgoFixtures;
import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoNetConfig;
import dev.mimik.learn.ego.EgoTrainer;
import dev.mimik.learn.ego.EgoTrainingOptions;
import dev.mimik.learn.ego.EgoViews;
import dev.mimik.track.Frame;
import dev.mimik.track.Stage;
import dev.mimik.track.TrackingPipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The headset path through the shared pipeline: cameras covered, the headset off, then back on. */
class EgoStagesTest {

  private static final int SIZE = 16;
  private static final int N = SIZE * SIZE;
  private static EgoModel model;

  @BeforeAll
  static void train() throws Exception {
    EgoNetConfig config = new EgoNetConfig(SIZE, new int[] {6, 12}, 16, 24, 16, true);
    List<EgoClip> real = EgoFixtures.clips(2, 150, SIZE, true, 0.2, 1);
    List<EgoClip> synthetic = EgoFixtures.clips(2, 150, SIZE, false, 0.2, 2);
    EgoTrainingOptions options = new EgoTrainingOptions(2, 40, 12, 3e-3, 0.3,
      EgoTrainingOptions.Augmentation.shifts(1), 5, false);
    model = new EgoTrainer(options).train(config, List.of("a", "b", "c", "d", "e"), real, synthetic, null).model();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void failedViewsAreFlaggedAndTheFaceEasesToNeutralWithoutJumping() {
    EgoClip clip = EgoFixtures.clips(1, 270, SIZE, true, 0.2, 9).get(0);
    List<Frame> frames = track(clip, new EgoCalibrationStage(model.statistics().peaks(), 2), f -> {
      if (f >= 150 && f < 210) {
        return EgoViews.COUNT; // the headset off: every view dark
      }
      return f >= 90 && f < 150 ? EgoViews.EYE_LEFT.ordinal() : -1; // the left eye camera covered
    });
    assertThat(frames).hasSize(270);
    long flaggedGood = frames.subList(0, 90).stream().filter(fr -> fr.viewProblem() != null).count();
    assertThat(flaggedGood).isLessThanOrEqualTo(9);
    assertThat(frames.subList(90, 150)).allMatch(fr -> "left eye dark".equals(fr.viewProblem()));
    assertThat(frames.subList(90, 150)).allMatch(fr -> Arrays.equals(fr.failedViews(),
        new boolean[] {true, false, false, false, false}));
    assertThat(frames.subList(150, 210)).allMatch(fr -> "headset off".equals(fr.viewProblem()));
    // the eased shapes never jump: the covered eye's while it is covered, every shape with the headset off (the
    // shapes the other cameras see follow the network, frame by frame, as the second test checks)
    List<Integer> leftEye = new java.util.ArrayList<>();
    for (String part : List.of("eyeBlink", "eyeSquint", "eyeWide", "eyeLookIn", "eyeLookOut", "eyeLookUp",
        "eyeLookDown")) {
      leftEye.add(Blendshapes.indexOf(part + "Left"));
    }
    double largestStep = 0;
    for (int f = 91; f < 210; f++) {
      double[] a = frames.get(f - 1).blendshapes();
      double[] b = frames.get(f).blendshapes();
      for (int k = 0; k < a.length; k++) {
        if (f > 150 || leftEye.contains(k)) {
          largestStep = Math.max(largestStep, Math.abs(a[k] - b[k]));
        }
      }
    }
    assertThat(largestStep).isLessThan(0.2);
    // the covered eye is neutral after two seconds; with the headset off, the whole face
    for (String part : List.of("eyeBlink", "eyeSquint", "eyeWide", "eyeLookIn", "eyeLookOut", "eyeLookUp",
        "eyeLookDown")) {
      assertThat(frames.get(149).blendshapes()[Blendshapes.indexOf(part + "Left")]).as(part).isLessThan(0.02);
    }
    assertThat(Arrays.stream(frames.get(209).blendshapes()).max().orElseThrow()).isLessThan(0.02);
  }

  /**
   * One camera covered at a time: the shapes it is responsible for ease to neutral, and every other shape is
   * exactly what the same pipeline gives when that camera's failure is not reported to the guard (so it is not eased
   * at all).
   */
  @Test
  void aCoveredCameraEasesOnlyTheShapesItSees() {
    EgoClip clip = EgoFixtures.clips(1, 150, SIZE, true, 0.2, 11).get(0);
    int[][] responsible = ViewShapes.responsible();
    for (EgoViews covered : List.of(EgoViews.EYE_LEFT, EgoViews.MOUTH_RIGHT, EgoViews.GLABELLA)) {
      IntPredicate coveredAt = f -> f >= 60;
      List<Frame> guarded = track(clip, new EgoCalibrationStage(null, 2),
          f -> coveredAt.test(f) ? covered.ordinal() : -1);
      List<Frame> unguarded = track(clip, new Unreported(new EgoCalibrationStage(null, 2), covered.ordinal()),
          f -> coveredAt.test(f) ? covered.ordinal() : -1);
      assertThat(guarded.subList(60, 150)).as(covered.describe())
          .allMatch(fr -> fr.failedViews() != null && fr.failedViews()[covered.ordinal()]);
      double keptPeak = 0;
      int eased = 0;
      for (int k = 0; k < Blendshapes.ARKIT_52.size(); k++) {
        String name = Blendshapes.ARKIT_52.get(k);
        boolean sees = Arrays.stream(responsible[k]).anyMatch(v -> v == covered.ordinal());
        for (int f = 60; f < 150; f++) {
          double g = guarded.get(f).blendshapes()[k];
          double u = unguarded.get(f).blendshapes()[k];
          if (!sees) {
            assertThat(g).as(covered.describe() + " covered, " + name + " at frame " + f).isEqualTo(u);
            keptPeak = Math.max(keptPeak, g);
          } else if (f >= 120) {
            assertThat(g).as(covered.describe() + " covered, " + name + " at frame " + f).isLessThan(0.02);
          }
        }
        eased += sees ? 1 : 0;
      }
      // the shapes kept move (so keeping them is seen), and the camera was responsible for some
      assertThat(keptPeak).as(covered.describe()).isGreaterThan(0.1);
      assertThat(eased).isEqualTo(switch (covered) {
        case EYE_LEFT, EYE_RIGHT -> 7;
        case GLABELLA -> 5;
        case MOUTH_LEFT, MOUTH_RIGHT -> 52 - 14 - 5;
      });
    }
  }

  /**
   * The clip through EgoNet (with its failure detector) and {@code calibration}; {@code covered} gives per frame
   * the view slot made dark, -1 for none, {@link EgoViews#COUNT} for all.
   */
  private static List<Frame> track(EgoClip clip, Stage calibration, java.util.function.IntUnaryOperator covered) {
    TrackingPipeline pipeline = new TrackingPipeline(null, List.of(new EgoNetStage(model), calibration));
    List<Frame> frames = new ArrayList<>();
    for (int f = 0; f < clip.frames(); f++) {
      byte[] views = clip.views()[f].clone();
      int v = covered.applyAsInt(f);
      if (v == EgoViews.COUNT) {
        Arrays.fill(views, (byte) 0);
      } else if (v >= 0) {
        Arrays.fill(views, v * N, (v + 1) * N, (byte) 0);
      }
      frames.addAll(pipeline.pushViews(f / 30.0, views));
    }
    frames.addAll(pipeline.finish());
    return frames;
  }

  /** A stage that hides one view's failure from the one it wraps (any other view's failure it passes on). */
  private record Unreported(Stage inner, int view) implements Stage {
    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public void process(Frame frame, Consumer<Frame> out) {
      boolean[] failed = frame.failedViews();
      if (failed != null) {
        boolean[] rest = failed.clone();
        rest[view] = false;
        frame.setFailedViews(java.util.stream.IntStream.range(0, rest.length).anyMatch(v -> rest[v]) ? rest : null);
      }
      inner.process(frame, out);
    }
  }
}
