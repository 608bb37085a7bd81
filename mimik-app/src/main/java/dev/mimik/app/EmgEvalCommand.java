package dev.mimik.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.eval.report.Charts;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferModelFile;
import dev.mimik.learn.eifer.EiferTraining;
import dev.mimik.learn.eifer.FrameWindows;
import dev.mimik.learn.eifer.MapMetrics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik emg eval}: both maps of a model measured on recordings with known blendshapes (held out of its
 * training), with the metrics of the EIFER experiment: EMG2Exp's Pearson r and MAE per moving blendshape, Exp2EMG's
 * Pearson r and R² per channel (on each recording's own resting level and span), each next to the linear baseline,
 * per recording and over the pooled frames, on all frames and on those clear of electrode pops.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measure a model's two maps on recordings paired with their blendshape CSV files.",
      "Pairs the files as 'train' does. EMG2Exp r and MAE per moving blendshape, Exp2EMG r and R2 per channel, network and linear baseline, per recording and",
      "pooled; with --preset eifer also on the frames clear of electrode pops. Writes metrics.json and report.html.",
      "",
      "Example: mimik emg eval --model eifer.zip --signals p3.bdf --blendshapes p3.csv --preset eifer --out p3-eval"
    })
public final class EmgEvalCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, description = "model file from 'mimik emg train'")
  private Path model;

  @Mixin private EmgPairedFiles files;

  @Mixin private EmgChainOptions chain;

  @Option(names = "--out", required = true, description = "output folder (created)")
  private Path out;

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
  private record Frames(double[] times, double[][] weights, double[][] envelopes, double[][][] expression, double[][][] emg,
      boolean[][] clean, boolean[][] windowClean) {

    /**
     * Both maps on {@code p}: EMG2Exp on the whole recording, as {@code apply} runs it, Exp2EMG on the blendshapes
     * (with the covered frames' own envelope levels); scored on the covered frames.
     */
    static Frames of(EiferModel m, EmgRecordings.Paired p) {
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

    /** EMG2Exp (network, linear) and Exp2EMG (network, linear), on all frames and on pop-free ones. */
    MapMetrics[] metrics() {
      return new MapMetrics[] {MapMetrics.of(expression[0], weights), MapMetrics.of(expression[1], weights),
          MapMetrics.of(emg[0], envelopes), MapMetrics.of(emg[1], envelopes),
          MapMetrics.of(expression[0], weights, windowClean), MapMetrics.of(expression[1], weights, windowClean),
          MapMetrics.of(emg[0], envelopes, clean), MapMetrics.of(emg[1], envelopes, clean)};
    }
  }

  @Override
  public Integer call() throws Exception {
    EiferModel m = EiferModelFile.read(model);
    List<Frames> recordings = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < files.count(); i++) {
      EmgRecordings.Paired p = EmgRecordings.paired(files.signals.get(i), files.blendshapes.get(i), chain, m.channels(),
          m.eogBand(), m.saccadeIntegral(), spec.commandLine().getErr());
      if (Math.abs(p.rate() - m.frameRate()) > 1e-6) {
        throw new BadInputException(files.signals.get(i), "envelopes at " + p.rate() + " Hz, the model's at "
            + m.frameRate() + " Hz");
      }
      recordings.add(Frames.of(m, p));
      names.add(files.signals.get(i).toString());
    }
    Frames pooled = Frames.pooled(recordings);
    boolean[] moving = EiferExperiment.moving(pooled.weights());
    boolean pops = "eifer".equals(chain.preset);
    ObjectNode json = new ObjectMapper().createObjectNode();
    ArrayNode per = json.putArray("recordings");
    PrintWriter o = spec.commandLine().getOut();
    for (int i = 0; i < recordings.size(); i++) {
      MapMetrics[] x = recordings.get(i).metrics();
      o.println(names.get(i) + ": " + summary(x, moving, pops));
      ObjectNode node = per.addObject().put("signals", names.get(i));
      put(node, x, m, moving, pops);
    }
    MapMetrics[] all = pooled.metrics();
    o.println("pooled frames: " + summary(all, moving, pops));
    put(json.putObject("pooled"), all, m, moving, pops);
    HtmlReport report = report(m, all, moving, pops, recordings, names);
    Files.createDirectories(out);
    AtomicFiles.writeString(out.resolve("metrics.json"), json.toPrettyString());
    report.write(out.resolve("report.html"));
    o.printf("wrote %s (metrics.json, report.html)%n", out);
    o.flush();
    return 0;
  }

  private static String summary(MapMetrics[] x, boolean[] moving, boolean pops) {
    String s = String.format(Locale.ROOT, "EMG2Exp r over %d moving blendshapes %.3f (linear %.3f), MAE %.3f;"
        + " Exp2EMG r over channels %.3f (linear %.3f), R2 %.3f", count(moving),
        EiferExperiment.mean(x[0].pearson(), moving), EiferExperiment.mean(x[1].pearson(), moving),
        EiferExperiment.mean(x[0].mae(), moving), EiferExperiment.mean(x[2].pearson(), null),
        EiferExperiment.mean(x[3].pearson(), null), EiferExperiment.mean(x[2].r2(), null));
    return !pops ? s : s + String.format(Locale.ROOT, "; clear of pops: EMG2Exp r %.3f (linear %.3f), Exp2EMG r %.3f"
        + " (linear %.3f)", EiferExperiment.mean(x[4].pearson(), moving), EiferExperiment.mean(x[5].pearson(), moving),
        EiferExperiment.mean(x[6].pearson(), null), EiferExperiment.mean(x[7].pearson(), null));
  }

  private static void put(ObjectNode node, MapMetrics[] x, EiferModel m, boolean[] moving, boolean pops) {
    ObjectNode shapes = node.putObject("emg2exp");
    for (int k = 0; k < moving.length; k++) {
      if (moving[k]) {
        ObjectNode s = shapes.putObject(m.blendshapes().get(k)).put("r", x[0].pearson()[k])
            .put("mae", x[0].mae()[k]).put("linear_r", x[1].pearson()[k]).put("linear_mae", x[1].mae()[k]);
        if (pops) {
          s.put("r_clean", x[4].pearson()[k]).put("linear_r_clean", x[5].pearson()[k]);
        }
      }
    }
    ObjectNode channels = node.putObject("exp2emg");
    for (int c = 0; c < m.channels().size(); c++) {
      ObjectNode s = channels.putObject(m.channels().get(c)).put("r", x[2].pearson()[c]).put("r2", x[2].r2()[c])
          .put("linear_r", x[3].pearson()[c]).put("linear_r2", x[3].r2()[c]);
      if (pops) {
        s.put("r_clean", x[6].pearson()[c]).put("linear_r_clean", x[7].pearson()[c]);
      }
    }
  }

  private HtmlReport report(EiferModel m, MapMetrics[] all, boolean[] moving, boolean pops, List<Frames> recordings,
      List<String> names) {
    HtmlReport h = new HtmlReport("EIFER maps on recordings");
    h.paragraph("Model " + model + ", " + recordings.size() + " recording(s). Exp2EMG is scored on each recording's"
        + " own resting level and span (median and 98th percentile of its log envelopes)"
        + (pops ? "; \"clear of pops\": frames away from the electrode pops found in the raw signals." : "."));
    h.heading("Summary");
    List<List<?>> rows = new ArrayList<>();
    for (int i = 0; i < recordings.size(); i++) {
      rows.add(List.of(names.get(i), summary(recordings.get(i).metrics(), moving, pops)));
    }
    rows.add(List.of("pooled frames", summary(all, moving, pops)));
    h.table(List.of("recording", "metrics"), rows);
    Frames first = recordings.get(0);
    h.chart("EMG2Exp on " + names.get(0) + ": the moving blendshapes that vary most, true and predicted (network)",
        traces(first.times(), first.weights(), first.expression()[0], m.blendshapes(), moving, "blendshape weight"));
    boolean[] everyChannel = new boolean[m.channels().size()];
    Arrays.fill(everyChannel, true);
    h.chart("Exp2EMG on " + names.get(0) + ": the channels that vary most, measured and predicted (network)",
        traces(first.times(), first.envelopes(), first.emg()[0], m.channels(), everyChannel, "envelope (uV)"));
    h.heading("EMG2Exp per moving blendshape (pooled frames)");
    rows = new ArrayList<>();
    for (int k = 0; k < moving.length; k++) {
      if (moving[k]) {
        rows.add(List.of(m.blendshapes().get(k), f(all[0].pearson()[k]), f(all[0].mae()[k]), f(all[1].pearson()[k]),
            f(all[1].mae()[k])));
      }
    }
    h.table(List.of("blendshape", "r", "MAE", "linear r", "linear MAE"), rows);
    h.heading("Exp2EMG per channel (pooled frames)");
    rows = new ArrayList<>();
    for (int c = 0; c < m.channels().size(); c++) {
      rows.add(List.of(m.channels().get(c), f(all[2].pearson()[c]), f(all[2].r2()[c]), f(all[3].pearson()[c]),
          f(all[3].r2()[c])));
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
