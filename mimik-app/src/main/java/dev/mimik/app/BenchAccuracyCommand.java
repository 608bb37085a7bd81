package dev.mimik.app;

import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.demo.AccuracyBenchmark;
import dev.mimik.lab.demo.AccuracyCeiling;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.train.TrainingOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mimik bench accuracy}: the demo's protocol over several seeds, BioNet against the fair baseline. */
@Command(
    name = "accuracy",
    mixinStandardHelpOptions = true,
    description = {
      "The demo's protocol over several seeds: per participant, BioNet and the fair ridge baseline (the whole window,",
      "its penalty chosen on the training session) trained on one session and scored on a held-out one, with the",
      "mean face; prints every run and the mean and spread of each. Sessions are simulated under the realistic",
      "conditions (the earpiece put on afresh each session); the training camera's clock is the true one.",
      "",
      "Example: mimik bench accuracy --seeds 11,12,13"
    })
final class BenchAccuracyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin EngineOptions engine;

  @Option(names = "--seeds", split = ",", defaultValue = "11,12,13",
      description = "seeds of the simulation and training, none of which a design choice was made on"
          + " (default ${DEFAULT-VALUE})")
  List<Long> seeds;

  @Option(names = "--participants", defaultValue = "2", description = "participants per seed (default ${DEFAULT-VALUE})")
  int participants;

  @Option(names = "--minutes", defaultValue = "6", description = "minutes per session (default ${DEFAULT-VALUE})")
  double minutes;

  @Option(names = "--epochs", defaultValue = "30", description = "most training epochs (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--sub-bands", description = "EMG envelopes per channel over log-spaced sub-bands (default: the"
      + " front end's)")
  Integer subBands;

  @Option(names = "--window", description = "seconds of signal per frame (default: the front end's)")
  Double window;

  @Option(names = "--session-norm", negatable = true, description = "z-score every input on its own recording"
      + " (default: the front end's)")
  Boolean sessionNorm;

  @Option(names = "--gain-jitter", description = "log-gain standard deviation drawn per training window and channel"
      + " (BioNet only; default: the training defaults')")
  Double gainJitter;

  @Option(names = "--training-sessions", defaultValue = "1", description = "sessions per participant the models"
      + " train on, each put on afresh (default ${DEFAULT-VALUE})")
  int trainingSessions;

  @Option(names = "--ceiling", description = "instead of the benchmark: what the simulation leaves attainable on the"
      + " same held-out sessions (ridge from the simulation's truth; BioNet and ridge without re-donning, without"
      + " electrode noise)")
  boolean ceiling;

  @Option(names = "--truth-only", description = "with --ceiling: only the ridges from the simulation's truth (seconds,"
      + " no network trained)")
  boolean truthOnly;

  @Override
  public Integer call() throws Exception {
    if (seeds.isEmpty() || participants < 1 || !(minutes > 0) || epochs < 1 || trainingSessions < 1) {
      throw new ParameterException(spec.commandLine(), "need seeds, --participants >= 1, --minutes > 0, --epochs >= 1,"
          + " --training-sessions >= 1");
    }
    if ((subBands != null && (subBands < 1 || subBands > FrontEnd.MAX_SUB_BANDS))
        || (window != null && !(window > 0)) || (gainJitter != null && !(gainJitter >= 0))) {
      throw new ParameterException(spec.commandLine(), "need --sub-bands 1-" + FrontEnd.MAX_SUB_BANDS
          + ", --window > 0, --gain-jitter >= 0");
    }
    engine.apply();
    PrintWriter o = spec.commandLine().getOut();
    TrainingOptions options = TrainingOptions.defaults().withEpochs(epochs);
    if (ceiling) {
      List<AccuracyCeiling.Row> rows = new AccuracyCeiling(participants, minutes, options, !truthOnly).run(EmbeddedRig.load(),
          seeds, line -> {
            o.println(line);
            o.flush();
          });
      o.print(AccuracyCeiling.summary(rows));
      o.flush();
      return 0;
    }
    if (gainJitter != null) {
      options = options.withGainJitter(gainJitter);
    }
    AccuracyBenchmark bench = new AccuracyBenchmark(participants, minutes, options, fe -> {
      FrontEnd out = subBands != null ? fe.withEmgSubBands(subBands) : fe;
      out = window != null ? out.withWindowSeconds(window) : out;
      return sessionNorm != null ? out.withSessionNormalised(sessionNorm) : out;
    }, trainingSessions);
    List<AccuracyBenchmark.Run> runs = bench.run(EmbeddedRig.load(), seeds, line -> {
      o.println(line);
      o.flush();
    });
    o.print(AccuracyBenchmark.summary(runs));
    o.flush();
    return 0;
  }
}
