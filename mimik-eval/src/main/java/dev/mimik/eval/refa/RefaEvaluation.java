package dev.mimik.eval.refa;

import dev.mimik.core.data.ArtPriors;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every source of blendshapes of a set of recordings with {@link RefaMetrics}, aggregates them
 * ({@link RefaTable}) and, where the exact truth exists, measures their errors ({@link TruthComparison}) and how well
 * each REFA metric follows the mesh error (which REFA, having no true ground truth, could not measure).
 */
public final class RefaEvaluation {

  private final RefaMetrics metrics;
  private final TruthComparison truth;

  /** An evaluation against {@code priors}, with eyes, lips and mesh error measured on {@code avatar}. */
  public RefaEvaluation(ArtPriors priors, FaceRig avatar) {
    this.metrics = new RefaMetrics(priors, new AvatarGauge(avatar));
    this.truth = new TruthComparison(avatar);
  }

  /** One result per source name, in order of first appearance (the truth last, under {@code "truth"}). */
  public List<SourceResult> evaluate(List<RecordingInput> recordings) {
    Map<String, List<RefaTable.Entry>> entries = new LinkedHashMap<>();
    Map<String, TruthErrors> errors = new LinkedHashMap<>();
    Map<String, Map<RefaMetric, List<double[]>>> pairs = new LinkedHashMap<>();
    for (RecordingInput r : recordings) {
      Map<String, BlendshapeTrack> sources = new LinkedHashMap<>(r.sources());
      if (r.truth() != null) {
        sources.putIfAbsent("truth", r.truth());
      }
      for (var s : sources.entrySet()) {
        BlendshapeTrack track = s.getValue();
        List<SegmentScore> segs = metrics.segmentScores(track, r.segments());
        RefaScores scores = metrics.score(track, r.segments());
        entries.computeIfAbsent(s.getKey(), k -> new ArrayList<>())
            .add(new RefaTable.Entry(r.subject(), r.recording(), scores));
        if (r.truth() == null) {
          continue;
        }
        TruthComparison.Result cmp = truth.compare(track, r.truth());
        errors.computeIfAbsent(s.getKey(), k -> new TruthErrors()).add(cmp.errors());
        Map<RefaMetric, List<double[]>> p = pairs.computeIfAbsent(s.getKey(), k -> new EnumMap<>(RefaMetric.class));
        for (RefaMetric m : RefaMetric.values()) {
          if (m == RefaMetric.SMOOTHNESS) {
            p.computeIfAbsent(m, k -> new ArrayList<>())
                .add(new double[] {scores.get(m), cmp.errors().meshErrorMm()});
          } else {
            p.computeIfAbsent(m, k -> new ArrayList<>())
                .addAll(TruthComparison.pairs(segs, cmp, track.timesSeconds(), m));
          }
        }
      }
    }
    List<SourceResult> out = new ArrayList<>();
    for (var e : entries.entrySet()) {
      Map<RefaMetric, SourceResult.Agreement> agreement = new EnumMap<>(RefaMetric.class);
      Map<RefaMetric, List<double[]>> p = pairs.getOrDefault(e.getKey(), Map.of());
      p.forEach((m, list) -> agreement.put(m, new SourceResult.Agreement(Spearman.of(list), list.size())));
      out.add(new SourceResult(e.getKey(), new RefaTable(e.getValue()), errors.get(e.getKey()), agreement));
    }
    return out;
  }
}
