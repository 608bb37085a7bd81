package dev.mimik.lab.ego;

import static dev.mimik.lab.ego.EgoSelectionTest.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.eval.refa.RefaScores;
import java.util.List;
import org.junit.jupiter.api.Test;

/** REFA's Table 2 read off a distillation's rows, and the heads ablation's summary over seeds. */
class EgoStudyTablesTest {

  @Test
  void theSingleTeacherIsTheRoundsBestSelectedModelAndTheCountsCompareItWithTheEnsemble() {
    EgoDistillStudy.Result r = new EgoDistillStudy.Result(List.of(
        row(0, "initial", 0.2, false, scores(0.1, 0.9, 0.9, 0.1, 0.9), 0.05),
        // the best score of round 1 was not selected here (as if another rule had left it out): never the teacher
        row(1, "raw-s1001", 0.9, false, scores(0.9, 0.9, 0.9, 0.9, 0.9), 0.01),
        row(1, "post-s1001", 0.5, true, scores(0.3, 0.8, 0.8, 0.5, 0.8), 0.040),
        row(1, "raw-s1002", 0.6, true, scores(0.4, 0.7, 0.9, 0.6, 0.8), 0.045),
        // better on semantic, neutral, eye closure and MAE; worse on smoothness; mouth closure tied
        row(1, "ensemble", 0.7, true, scores(0.5, 0.75, 0.85, 0.7, 0.8), 0.035),
        row(2, "post-s2001", 0.4, true, scores(0.3, 0.8, 0.8, 0.5, 0.8), 0.040),
        row(2, "ensemble", 0.4, true, scores(0.3, 0.8, 0.8, 0.5, 0.8), 0.040),
        row(3, "final", 0.4, false, scores(0.3, 0.8, 0.8, 0.5, 0.8), 0.040)));
    List<EgoDistillStudy.TeacherRow> t = EgoDistillStudy.teachers(r);
    assertThat(t).extracting(EgoDistillStudy.TeacherRow::round).containsExactly(1, 2);
    assertThat(t.get(0).single().name()).isEqualTo("raw-s1002");
    assertThat(t.get(0).ensemble().name()).isEqualTo("ensemble");
    assertThat(t.get(0).ensembleBetter()).isEqualTo(4);
    assertThat(t.get(0).singleBetter()).isEqualTo(1);
    // an ensemble of one is its member: neither is better on anything
    assertThat(t.get(1).single().name()).isEqualTo("post-s2001");
    assertThat(t.get(1).ensembleBetter()).isZero();
    assertThat(t.get(1).singleBetter()).isZero();
    String table = EgoDistillStudy.table(r);
    // every line of both tables, separators included, has eleven cells, as their headers
    assertThat(table.lines().filter(l -> l.startsWith("|")).toList()).hasSize(2 + r.rows().size() + 2 + 4)
        .allSatisfy(line -> assertThat(line.split("\\|", -1)).as(line).hasSize(13));
    assertThat(table).contains("| 1 | single teacher | raw-s1002 | 0.400 | 0.700 | 0.900 | 0.600 | 0.800 | 0.500"
        + " | 0.0450 | 1 of 6 |", "| 1 | ensemble | 2 members | ", "| 2 | ensemble | 1 members | ");
  }

  @Test
  void theLabelRowsFollowTheTablesWithTheirOwnHeaderAndNoSelection() {
    List<EgoDistillStudy.Row> models = List.of(row(0, "initial", 0.2, false, scores(0.1, 0.9, 0.9, 0.1, 0.9), 0.05));
    EgoDistillStudy.Result r = new EgoDistillStudy.Result(models, List.of(
        row(0, "truth", Double.NaN, false, scores(1, 1, 0.97, 1, 1), 0),
        row(1, "labels", Double.NaN, false, scores(0.65, 0.97, 0.86, 0.93, 0.99), 0.0294),
        row(1, "labels, post-processed", Double.NaN, false, scores(0.67, 1, 0.98, 0.95, 0.98), 0.0290)));
    String table = EgoDistillStudy.table(r);
    assertThat(new EgoDistillStudy.Result(models).labels()).isEmpty();
    assertThat(EgoDistillStudy.table(new EgoDistillStudy.Result(models))).doesNotContain("| round | labels |");
    String labels = table.substring(table.indexOf("| round | labels |"));
    // header, separator and three rows of ten cells (the round, the labels, the eight figures' columns)
    assertThat(labels.lines().filter(l -> l.startsWith("|")).toList()).hasSize(5)
        .allSatisfy(line -> assertThat(line.split("\\|", -1)).as(line).hasSize(11));
    assertThat(labels).contains("| 0 | truth | 1.000 | 1.000 | 0.970 | 1.000 | 1.000 | 0.500 | 0.0000 |",
        "| 1 | labels, post-processed | 0.670 | 1.000 | 0.980 | 0.950 | 0.980 | 0.500 | 0.0290 |");
  }

  @Test
  void theHeadsSummaryIsTheMeanAndSampleDeviationOverSeedsSkippingMissingFigures() {
    EgoDistillStudy.Row gt = row(0, "pseudo GT", Double.NaN, false, scores(0.7, 1, 0.9, 0.7, 1), 0.03);
    EgoHeadsStudy.Result r = new EgoHeadsStudy.Result(gt, List.of(
        new EgoHeadsStudy.Run(EgoHeadsStudy.Head.BRANCHES, 1, winks(0.9, 0.04)),
        new EgoHeadsStudy.Run(EgoHeadsStudy.Head.CONCATENATED, 1, winks(0.2, 0.05)),
        new EgoHeadsStudy.Run(EgoHeadsStudy.Head.BRANCHES, 2, winks(0.7, 0.06)),
        new EgoHeadsStudy.Run(EgoHeadsStudy.Head.CONCATENATED, 2, winks(Double.NaN, 0.07))));
    assertThat(r.mean(EgoHeadsStudy.Head.BRANCHES, EgoDistillStudy.Row::winkEyeClosure)).isCloseTo(0.8, within(1e-12));
    assertThat(r.spread(EgoHeadsStudy.Head.BRANCHES, EgoDistillStudy.Row::winkEyeClosure))
        .isCloseTo(Math.sqrt(0.02), within(1e-12));
    assertThat(r.mean(EgoHeadsStudy.Head.CONCATENATED, EgoDistillStudy.Row::winkEyeClosure)).isEqualTo(0.2);
    assertThat(r.spread(EgoHeadsStudy.Head.CONCATENATED, EgoDistillStudy.Row::winkEyeClosure)).isNaN();
    assertThat(r.mean(EgoHeadsStudy.Head.CONCATENATED, EgoDistillStudy.Row::trueMae)).isCloseTo(0.06, within(1e-12));
    assertThat(EgoHeadsStudy.table(r)).contains("over 2 seeds", "| eye + face MLPs | 0.500 ± 0.000 |",
        "| 0.800 ± 0.141 | 0.0500 ± 0.0141 |", "| one concatenated head | 2 | ");
  }

  private static EgoDistillStudy.Row winks(double wink, double mae) {
    return new EgoDistillStudy.Row(0, "m", 0, false, scores(0.5, 0.5, 0.5, 0.5, 0.5), wink, mae);
  }

  private static EgoDistillStudy.Row row(int round, String name, double score, boolean selected, RefaScores s,
      double mae) {
    return new EgoDistillStudy.Row(round, name, score, selected, s, 0.5, mae);
  }

}
