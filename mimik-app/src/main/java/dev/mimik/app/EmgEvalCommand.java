package dev.mimik.app;

import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.lab.eifer.EiferEvaluation;
import dev.mimik.lab.eifer.EmgInputs;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferModelFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik emg eval}: both maps of a model measured on recordings with known blendshapes
 * ({@link EiferEvaluation}); writes metrics.json and report.html.
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

  @Override
  public Integer call() throws Exception {
    EiferModel m = EiferModelFile.read(model);
    List<EmgInputs.Paired> recordings = new ArrayList<>();
    List<String> names = new ArrayList<>();
    PrintWriter err = spec.commandLine().getErr();
    for (int i = 0; i < files.count(); i++) {
      EmgInputs.Paired p = files.paired(i, chain, m.channels(), m.eogBand(), m.saccadeIntegral(), err);
      if (Math.abs(p.rate() - m.frameRate()) > 1e-6) {
        throw new BadInputException(files.signals.get(i), "envelopes at " + p.rate() + " Hz, the model's at "
            + m.frameRate() + " Hz");
      }
      recordings.add(p);
      names.add(files.signals.get(i).toString());
    }
    EiferEvaluation evaluation = new EiferEvaluation(m, names, recordings, chain.inputs().raw());
    PrintWriter o = spec.commandLine().getOut();
    for (int i = 0; i < recordings.size(); i++) {
      o.println(names.get(i) + ": " + evaluation.summary(evaluation.recording(i)));
    }
    o.println("pooled frames: " + evaluation.summary(evaluation.pooled()));
    HtmlReport report = evaluation.report(model.toString());
    Files.createDirectories(out);
    AtomicFiles.writeString(out.resolve("metrics.json"), evaluation.json().toPrettyString());
    report.write(out.resolve("report.html"));
    o.printf("wrote %s (metrics.json, report.html)%n", out);
    o.flush();
    return 0;
  }
}
