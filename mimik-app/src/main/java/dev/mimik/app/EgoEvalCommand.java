package dev.mimik.app;

import dev.mimik.core.data.ArtPriors;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.ArtPriorsCsv;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.PromptSegmentsCsv;
import dev.mimik.eval.refa.RecordingInput;
import dev.mimik.eval.refa.RefaEvaluation;
import dev.mimik.eval.refa.RefaJson;
import dev.mimik.eval.refa.RefaMetric;
import dev.mimik.eval.refa.SourceResult;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.eval.report.RefaSections;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.sim.ego.EgoDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik ego eval}: REFA's five metrics on blendshapes, at recording, subject and dataset level. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Score blendshapes with REFA's metrics (semantic accuracy, neutralness, smoothness, eye closure, mouth",
      "closure; docs/refa-metrics.md), which need only the protocol's segments and the art priors, per recording,",
      "subject and dataset, listing the worst. Where the exact truth exists, also MAE, Pearson r, mesh error and",
      "how well each metric follows the true error. Writes metrics.json and report.html.",
      "",
      "A dataset (from 'mimik ego simulate' or in its layout): its labels are scored, and its truth when present;",
      "--pred adds a prediction: a file for a one-recording dataset, or a folder with REC.csv or REC/blendshapes.csv",
      "per recording REC.",
      "",
      "Example: mimik ego eval --data ego --out ego-eval",
      "         mimik ego eval --pred blendshapes.csv --segments segments.csv --out eval"
    })
public final class EgoEvalCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--data", description = "a headset dataset folder")
  private Path data;

  @Option(names = "--pred", description = "predicted blendshapes (a blendshapes.csv, or a folder with --data)")
  private Path pred;

  @Option(names = "--segments", description = "the protocol segments of --pred (without --data)")
  private Path segments;

  @Option(names = "--truth", description = "the exact truth of --pred, a blendshapes.csv (without --data)")
  private Path truth;

  @Option(names = "--art-priors", description = "art-prior table (default: the dataset's, else mimik's own)")
  private Path artPriors;

  @Option(names = "--subject", defaultValue = "subject", description = "subject name of --pred without --data")
  private String subject;

  @Option(names = "--out", required = true, description = "output folder (created)")
  private Path out;

  @Override
  public Integer call() throws Exception {
    List<RecordingInput> inputs = new ArrayList<>();
    ArtPriors priors;
    if (data != null) {
      if (segments != null || truth != null) {
        throw new BadInputException("--segments and --truth go without --data (a dataset holds its own)");
      }
      EgoDataset d = EgoDataset.open(data);
      priors = artPriors != null ? ArtPriorsCsv.read(artPriors) : d.artPriors();
      for (EgoDataset.Entry e : d.recordings()) {
        List<PromptSegment> s = d.segments(e);
        if (s == null) {
          throw new BadInputException(d.folder(e), "has no segments.csv: REFA's metrics need the protocol");
        }
        Map<String, BlendshapeTrack> sources = new LinkedHashMap<>();
        if (pred != null) {
          sources.put("prediction", BlendshapeCsv.read(predictionFor(d, e)));
        }
        BlendshapeTrack labels = d.labels(e);
        if (labels != null) {
          sources.put(e.labels().equals("pseudo") ? "pseudo GT" : "labels", labels);
        }
        BlendshapeTrack exact = d.truth(e);
        if (sources.isEmpty() && exact == null) {
          throw new BadInputException(d.folder(e), "has nothing to score: no labels, no truth, no --pred");
        }
        inputs.add(new RecordingInput(e.subject(), e.recording(), s, sources, exact));
      }
    } else {
      if (pred == null || segments == null) {
        throw new BadInputException("give --data DATASET, or --pred FILE with --segments FILE");
      }
      priors = artPriors != null ? ArtPriorsCsv.read(artPriors) : ArtPriorsCsv.builtIn();
      inputs.add(new RecordingInput(subject, pred.getFileName().toString(), PromptSegmentsCsv.read(segments),
          Map.of("prediction", BlendshapeCsv.read(pred)), truth == null ? null : BlendshapeCsv.read(truth)));
    }
    List<SourceResult> results = new RefaEvaluation(priors, EmbeddedRig.load()).evaluate(inputs);
    Files.createDirectories(out);
    RefaJson.write(results, out.resolve("metrics.json"));
    HtmlReport report = new HtmlReport("mimik ego eval: REFA metrics");
    RefaSections.addTable1(report, results);
    for (SourceResult r : results) {
      RefaSections.addLevels(report, r, RefaJson.WORST);
    }
    RefaSections.addTruth(report, results, 12);
    inputs.stream().filter(i -> i.truth() != null && i.sources().keySet().stream().anyMatch(k -> !k.equals("labels")))
        .findFirst().ifPresent(i -> {
          report.heading("Over time: " + i.recording());
          RefaSections.addTimeline(report, i, List.of("jawOpen", "mouthSmileLeft", "eyeBlinkLeft", "browInnerUp"));
        });
    report.write(out.resolve("report.html"));
    print(spec.commandLine().getOut(), results);
    return 0;
  }

  private Path predictionFor(EgoDataset d, EgoDataset.Entry e) {
    if (Files.isRegularFile(pred)) {
      if (d.recordings().size() != 1) {
        throw new BadInputException(pred, "is one file but the dataset has " + d.recordings().size()
            + " recordings: give a folder with REC.csv or REC/blendshapes.csv per recording");
      }
      return pred;
    }
    for (Path p : List.of(pred.resolve(e.recording() + ".csv"), pred.resolve(e.recording()).resolve("blendshapes.csv"))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new BadInputException(pred, "holds no prediction for recording " + e.recording() + " (" + e.recording()
        + ".csv or " + e.recording() + "/blendshapes.csv)");
  }

  private static void print(PrintWriter out, List<SourceResult> results) throws IOException {
    out.printf(Locale.ROOT, "%-12s", "source");
    for (RefaMetric m : RefaMetric.values()) {
      out.printf(Locale.ROOT, " %17s", m.key());
    }
    out.println();
    for (SourceResult r : results) {
      out.printf(Locale.ROOT, "%-12s", r.source());
      for (RefaMetric m : RefaMetric.values()) {
        out.printf(Locale.ROOT, " %17.3f", r.table().dataset().scores().get(m));
      }
      if (r.errors() != null && !r.source().equals("truth")) {
        out.printf(Locale.ROOT, "   vs truth: MAE %.4f, mesh error %.3f mm", r.errors().mae(),
            r.errors().meshErrorMm());
      }
      out.println();
    }
    out.flush();
  }
}
