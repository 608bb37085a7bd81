package dev.mimik.lab.ego;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.eval.refa.RefaMetric;
import dev.mimik.eval.refa.RefaScores;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Distillation's selection guard: a face that never moves cannot outrank one that does. */
class EgoSelectionTest {

  @Test
  void aStillFaceRanksBelowAModelThatMovesThoughItsMeanIsHigher() {
    // what REFA's metrics give a face at rest throughout: nothing reaches its prior, no eye closes
    RefaScores still = scores(0, 1, 1, 0, 1);
    // a model that moves and errs: muted peaks, some noise, some missed closures
    RefaScores moving = scores(0.3, 0.6, 0.7, 0.4, 0.6);
    assertThat(still.overall()).isGreaterThan(moving.overall());
    assertThat(EgoDistillStudy.selectionScore(moving)).isGreaterThan(EgoDistillStudy.selectionScore(still));
    // among models that move, the mean still decides
    RefaScores better = scores(0.4, 0.7, 0.8, 0.5, 0.7);
    assertThat(EgoDistillStudy.selectionScore(better)).isGreaterThan(EgoDistillStudy.selectionScore(moving))
        .isEqualTo(better.overall());
  }

  @Test
  void aMetricWithoutSegmentsCountsAsNoMotion() {
    RefaScores noWinks = scores(0.05, 1, 1, Double.NaN, 1);
    assertThat(EgoDistillStudy.selectionScore(noWinks)).isEqualTo(noWinks.overall() - 1);
    RefaScores movesWithoutWinks = scores(0.3, 0.8, 0.8, Double.NaN, 0.8);
    assertThat(EgoDistillStudy.selectionScore(movesWithoutWinks)).isEqualTo(movesWithoutWinks.overall());
  }

  /** REFA's five metrics as given (the distillation tables' tests build their rows from these too). */
  static RefaScores scores(double semantic, double neutral, double smooth, double eye, double mouth) {
    Map<RefaMetric, Double> m = new EnumMap<>(RefaMetric.class);
    m.put(RefaMetric.SEMANTIC_ACCURACY, semantic);
    m.put(RefaMetric.NEUTRALNESS, neutral);
    m.put(RefaMetric.SMOOTHNESS, smooth);
    m.put(RefaMetric.EYE_CLOSURE, eye);
    m.put(RefaMetric.MOUTH_CLOSURE, mouth);
    return new RefaScores(m);
  }
}
