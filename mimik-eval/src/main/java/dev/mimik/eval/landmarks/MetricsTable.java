package dev.mimik.eval.landmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Landmark metrics aggregated per recording, then per participant, then over the dataset, as BioFace-3D's
 * Figure 4 reports them.
 *
 * <p>Each level weighs its children equally: a participant's NME is the mean of its recordings' NMEs, the dataset's
 * the mean of its participants'. The standard deviation at a level is the average of its children's (the paper's
 * "average standard deviation"); at a recording it is over all its point errors.
 *
 * @param recordings one entry per evaluated recording, in the order given
 */
public record MetricsTable(List<Entry> recordings) {

  /** One recording's metrics and whose it is. */
  public record Entry(String participant, String recording, LandmarkMetrics metrics) {
    public Entry {
      Objects.requireNonNull(participant, "participant");
      Objects.requireNonNull(recording, "recording");
      Objects.requireNonNull(metrics, "metrics");
    }
  }

  /**
   * One row of the table.
   *
   * @param name the recording, participant or "dataset"
   * @param recordings how many recordings the row summarises
   * @param frames frames evaluated over those recordings
   */
  public record Summary(String name, int recordings, long frames, double nmePercent, double nmeStdPercent,
      double maeMm, double maeStdMm) {}

  public MetricsTable {
    recordings = List.copyOf(recordings);
  }

  /** One row per recording, named {@code participant/recording}. */
  public List<Summary> perRecording() {
    return recordings.stream().map(e -> {
      LandmarkMetrics m = e.metrics();
      return new Summary(e.participant() + "/" + e.recording(), 1, m.frames(), m.nmePercent(), m.nmeStdPercent(),
          m.maeMm(), m.maeStdMm());
    }).toList();
  }

  /** One row per participant, in order of first appearance. */
  public List<Summary> perParticipant() {
    Map<String, List<Summary>> byParticipant = new LinkedHashMap<>();
    List<Summary> rows = perRecording();
    for (int i = 0; i < rows.size(); i++) {
      byParticipant.computeIfAbsent(recordings.get(i).participant(), k -> new ArrayList<>()).add(rows.get(i));
    }
    List<Summary> out = new ArrayList<>();
    byParticipant.forEach((name, children) -> out.add(average(name, children)));
    return out;
  }

  /** The dataset: the average over participants. */
  public Summary dataset() {
    return average("dataset", perParticipant());
  }

  private static Summary average(String name, List<Summary> children) {
    int k = children.size();
    return new Summary(name,
        children.stream().mapToInt(Summary::recordings).sum(),
        children.stream().mapToLong(Summary::frames).sum(),
        children.stream().mapToDouble(Summary::nmePercent).sum() / k,
        children.stream().mapToDouble(Summary::nmeStdPercent).sum() / k,
        children.stream().mapToDouble(Summary::maeMm).sum() / k,
        children.stream().mapToDouble(Summary::maeStdMm).sum() / k);
  }
}
