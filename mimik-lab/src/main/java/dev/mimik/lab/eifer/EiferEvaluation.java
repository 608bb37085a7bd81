package dev.mimik.lab.eifer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.eval.report.Charts;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferTraining;
import dev.mimik.learn.eifer.FrameWindows;
import dev.mimik.learn.eifer.MapMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Both maps of an EIFER model measured on recordings with known blendshapes (held out of its training), with the
 * metrics of the EIFER experiment: EMG2Exp's Pearson r and MAE per moving blendshape, Exp2EMG's Pearson r and R² per
 * channel (on each recording's own resting level and span), each next to the linear baseline, per recording and over
 * the pooled frames, on all frames and, with pops detected, on those clear of them ({@code mimik emg eval}).
 */
public final class EiferEvaluation {

  /** One map's scores: the network's and the linear baseline's. */
  public record MapScores(MapMetrics network, MapMetrics linear) {}

  /**
   * A set of frames' scores.
   *
   * @param emg2exp EMG2Exp on all frames
   * @param exp2emg Exp2EMG on all frames
   * @param emg2expClean EMG2Exp on the frames whose input window is clear of pops
   * @param exp2emgClean Exp2EMG on the values clear of pops
   */
  public record Scores(MapScores emg2exp, MapScores exp2emg, MapScores emg2expClean, MapScores exp2emgClean) {}

  /**
   * One recording's frames, or several pooled: the truth, both maps' predictions and which values are clear of pops.
   *
   * @param times frame times, seconds from the recording's first envelope frame
   * @param weights true blendshapes {@code [frame][shape]}
   * @param envelopes recorded envelopes {@code [frame][channel]}
   * @param expression EMG2Exp's network and linear predictions
   * @param emg Exp2EMG's network and linear predictions
   * @param clean per channel, frames clear of pops
   * @param windowClean per shape, frames whose input window is clear on every channel
   */
  private record Frames(double[] times, double[][] weights, double[][] envelopes, double[][][] expression,
      double[][][] emg, boolean[][] clean, boolean[][] windowClean) {

    /**
     * Both maps on {@code p}: EMG2Exp on the whole recording, as {@code apply} runs it, Exp2EMG on the blendshapes
     * (with the covered frames' own envelope levels); scored on the covered frames.
     */
    static Frames of(EiferModel m, EmgInputs.Paired p) {
      EiferTraining.Recording r = p.recording();
      double[][] level = FrameWindows.levels(FrameWindows.log(r.envelopes()));
      boolean[][] clean = p.clean();
      if (clean == null) {
        clean = new boolean[p.envelopes().length][p.envelopes()[0].length];
        for (boolean[] row : clean) {
          Arrays.fill(row, true);
        }
      }
      double[] times = Arrays.stream(p.inside()).mapToDouble(f -> f / p.rate()).toArray();
      return new Frames(times, r.weights(), r.envelopes(),
          new double[][][] {p.at(m.expression(p.envelopes(), p.eog(), p.saccades(), p.clean(), false)),
              p.at(m.expression(p.envelopes(), p.eog(), p.saccades(), p.clean(), true))},
          new double[][][] {m.emg(r.weights(), false, level[0], level[1]),
              m.emg(r.weights(), true, level[0], level[1])},
          p.at(clean), p.at(EiferExperiment.windowsClean(clean, m.window(), r.weights()[0].length)));
    }

    static Frames pooled(List<Frames> all) {
      return new Frames(all.stream().flatMapToDouble(f -> Arrays.stream(f.times())).toArray(),
          cat(all, Frames::weights), cat(all, Frames::envelopes),
          new double[][][] {cat(all, f -> f.expression()[0]), cat(all, f -> f.expression()[1])},
          new double[][][] {cat(all, f -> f.emg()[0]), cat(all, f -> f.emg()[1])},
          all.stream().flatMap(f -> Stream.of(f.clean())).toArray(boolean[][]::new),
          all.stream().flatMap(f -> Stream.of(f.windowClean())).toArray(boolean[][]::new));
    }

    private static double[][] cat(List<Frames> all, Function<Frames, double[][]> part) {
      return all.stream().flatMap(f -> Stream.of(part.apply(f))).toArray(double[][]::new);
    }

    Scores scores() {
      return new Scores(
          new MapScores(MapMetrics.of(expression[0], weights), MapMetrics.of(expression[1], weights)),
          new MapScores(MapMetrics.of(emg[0], envelopes), MapMetrics.of(emg[1], envelopes)),
          new MapScores(MapMetrics.of(expression[0], weights, windowClean),
              MapMetrics.of(expression[1], weights, windowClean)),
          new MapScores(MapMetrics.of(emg[0], envelopes, clean), MapMetrics.of(emg[1], envelopes, clean)));
    }
  }

  private final EiferModel model;
  private final List<String> names;
  private final List<Frames> recordings;
  private final Frames pooled;
  private final boolean[] moving;
  private final boolean pops;

  /**
   * Evaluates {@code model} on paired recordings.
   *
   * @param names a label per recording (its file)
   * @param pops whether pops were looked for (the EIFER preset), so the clean-frame figures mean something
   */
  public EiferEvaluation(EiferModel model, List<String> names, List<EmgInputs.Paired> recordings, boolean pops) {
    this.model = model;
    this.names = List.copyOf(names);
    this.recordings = recordings.stream().map(p -> Frames.of(model, p)).toList();
    this.pooled = Frames.pooled(this.recordings);
    this.moving = EiferExperiment.moving(pooled.weights());
    this.pops = pops;
  }

  /** The scores of recording {@code i}. */
  public Scores recording(int i) {
    return recordings.get(i).scores();
  }

  /** The scores over every recording's frames pooled. */
  public Scores pooled() {
    return pooled.scores();
  }

  /** One line of the headline figures of a set of scores. */
  public String summary(Scores x) {
    String s = String.format(Locale.ROOT, "EMG2Exp r over %d moving blendshapes %.3f (linear %.3f), MAE %.3f;"
        + " Exp2EMG r over channels %.3f (linear %.3f), R2 %.3f", count(moving),
        EiferExperiment.mean(x.emg2exp().network().pearson(), moving),
        EiferExperiment.mean(x.emg2exp().linear().pearson(), moving),
        EiferExperiment.mean(x.emg2exp().network().mae(), moving),
        EiferExperiment.mean(x.exp2emg().network().pearson(), null),
        EiferExperiment.mean(x.exp2emg().linear().pearson(), null),
        EiferExperiment.mean(x.exp2emg().network().r2(), null));
    return !pops ? s : s + String.format(Locale.ROOT, "; clear of pops: EMG2Exp r %.3f (linear %.3f), Exp2EMG r %.3f"
        + " (linear %.3f)", EiferExperiment.mean(x.emg2expClean().network().pearson(), moving),
        EiferExperiment.mean(x.emg2expClean().linear().pearson(), moving),
        EiferExperiment.mean(x.exp2emgClean().network().pearson(), null),
        EiferExperiment.mean(x.exp2emgClean().linear().pearson(), null));
  }

  /** The figures as {@code metrics.json}: per recording and pooled, per moving blendshape and per channel. */
  public ObjectNode json() {
    ObjectNode json = new ObjectMapper().createObjectNode();
    ArrayNode per = json.putArray("recordings");
    for (int i = 0; i < recordings.size(); i++) {
      put(per.addObject().put("signals", names.get(i)), recording(i));
    }
    put(json.putObject("pooled"), pooled());
    return json;
  }

  private void put(ObjectNode node, Scores x) {
    ObjectNode shapes = node.putObject("emg2exp");
    for (int k = 0; k < moving.length; k++) {
      if (moving[k]) {
        ObjectNode s = shapes.putObject(model.blendshapes().get(k)).put("r", x.emg2exp().network().pearson()[k])
            .put("mae", x.emg2exp().network().mae()[k]).put("linear_r", x.emg2exp().linear().pearson()[k])
            .put("linear_mae", x.emg2exp().linear().mae()[k]);
        if (pops) {
          s.put("r_clean", x.emg2expClean().network().pearson()[k])
              .put("linear_r_clean", x.emg2expClean().linear().pearson()[k]);
        }
      }
    }
    ObjectNode channels = node.putObject("exp2emg");
    for (int c = 0; c < model.channels().size(); c++) {
      ObjectNode s = channels.putObject(model.channels().get(c)).put("r", x.exp2emg().network().pearson()[c])
          .put("r2", x.exp2emg().network().r2()[c]).put("linear_r", x.exp2emg().linear().pearson()[c])
          .put("linear_r2", x.exp2emg().linear().r2()[c]);
      if (pops) {
        s.put("r_clean", x.exp2emgClean().network().pearson()[c])
            .put("linear_r_clean", x.exp2emgClean().linear().pearson()[c]);
      }
    }
  }

  /** The report: summary, truth and prediction over time on the first recording, per-shape and per-channel tables. */
  public HtmlReport report(String modelName) {
    HtmlReport h = new HtmlReport("EIFER maps on recordings");
    h.paragraph("Model " + modelName + ", " + recordings.size() + " recording(s). Exp2EMG is scored on each"
        + " recording's own resting level and span (median and 98th percentile of its log envelopes)"
        + (pops ? "; \"clear of pops\": frames away from the electrode pops found in the raw signals." : "."));
    h.heading("Summary");
    List<List<?>> rows = new ArrayList<>();
    for (int i = 0; i < recordings.size(); i++) {
      rows.add(List.of(names.get(i), summary(recording(i))));
    }
    Scores all = pooled();
    rows.add(List.of("pooled frames", summary(all)));
    h.table(List.of("recording", "metrics"), rows);
    Frames first = recordings.get(0);
    h.chart("EMG2Exp on " + names.get(0) + ": the moving blendshapes that vary most, true and predicted (network)",
        traces(first.times(), first.weights(), first.expression()[0], model.blendshapes(), moving,
            "blendshape weight"));
    boolean[] everyChannel = new boolean[model.channels().size()];
    Arrays.fill(everyChannel, true);
    h.chart("Exp2EMG on " + names.get(0) + ": the channels that vary most, measured and predicted (network)",
        traces(first.times(), first.envelopes(), first.emg()[0], model.channels(), everyChannel, "envelope (uV)"));
    h.heading("EMG2Exp per moving blendshape (pooled frames)");
    rows = new ArrayList<>();
    MapScores e2x = all.emg2exp();
    for (int k = 0; k < moving.length; k++) {
      if (moving[k]) {
        rows.add(List.of(model.blendshapes().get(k), f(e2x.network().pearson()[k]), f(e2x.network().mae()[k]),
            f(e2x.linear().pearson()[k]), f(e2x.linear().mae()[k])));
      }
    }
    h.table(List.of("blendshape", "r", "MAE", "linear r", "linear MAE"), rows);
    h.heading("Exp2EMG per channel (pooled frames)");
    rows = new ArrayList<>();
    MapScores x2e = all.exp2emg();
    for (int c = 0; c < model.channels().size(); c++) {
      rows.add(List.of(model.channels().get(c), f(x2e.network().pearson()[c]), f(x2e.network().r2()[c]),
          f(x2e.linear().pearson()[c]), f(x2e.linear().r2()[c])));
    }
    h.table(List.of("channel", "r", "R²", "linear r", "linear R²"), rows);
    return h;
  }

  /** Truth and prediction over time of the three columns of {@code truth} (among {@code among}) that vary most. */
  private static org.knowm.xchart.XYChart traces(double[] times, double[][] truth, double[][] predicted,
      List<String> names, boolean[] among, String label) {
    double[] spread = new double[names.size()];
    for (int k = 0; k < spread.length; k++) {
      int col = k;
      double[] v = Arrays.stream(truth).mapToDouble(row -> row[col]).toArray();
      double mean = Arrays.stream(v).average().orElse(0);
      spread[k] = among[k] ? Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() : -1;
    }
    List<Charts.Series> series = new ArrayList<>();
    java.util.stream.IntStream.range(0, spread.length).boxed()
        .sorted((a, b) -> Double.compare(spread[b], spread[a])).limit(3).forEach(k -> {
          series.add(new Charts.Series(names.get(k), times, Arrays.stream(truth).mapToDouble(r -> r[k]).toArray()));
          series.add(new Charts.Series(names.get(k) + " predicted", times,
              Arrays.stream(predicted).mapToDouble(r -> r[k]).toArray()));
        });
    return Charts.timeSeries("", label, series);
  }

  private static int count(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    return n;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
