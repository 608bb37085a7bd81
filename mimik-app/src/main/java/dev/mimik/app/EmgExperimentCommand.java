package dev.mimik.app;

import dev.mimik.core.io.BadInputException;
import dev.mimik.lab.eifer.EiferExperiment;
import dev.mimik.lab.eifer.EiferReport;
import dev.mimik.learn.eifer.EiferModelFile;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.FridlundCalibration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik emg experiment}: EIFER's measurement on simulated Fridlund sessions (see {@link EiferExperiment}),
 * written as a model file, an HTML report and a muscle heat map.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = {
      "Measure EMG2Exp and Exp2EMG on simulated Fridlund sessions and against the real per-emotion table.",
      "Simulates Fridlund-montage sessions, trains both maps with their linear baselines on some participants, measures them on the others, and compare Exp2EMG at each emotion's apex with the real",
      "per-emotion table (fridlund.csv). The simulator's muscle amplitudes are calibrated on --calibrate only.",
      "",
      "Example: mimik emg experiment --fridlund ../shared/data/emg-fridlund/fridlund.csv --out eifer-report"
    })
public final class EmgExperimentCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin private EngineOptions engine;

  @Option(names = "--fridlund", required = true, description = "the real per-emotion table (fridlund.csv)")
  private Path fridlund;

  @Option(names = "--out", required = true, description = "output folder (created)")
  private Path out;

  @Option(names = "--train", defaultValue = "4", description = "training participants (default ${DEFAULT-VALUE})")
  private int train;

  @Option(names = "--test", defaultValue = "2", description = "test participants (default ${DEFAULT-VALUE})")
  private int test;

  @Option(names = "--seconds", defaultValue = "120", description = "seconds per session (default ${DEFAULT-VALUE})")
  private double seconds;

  @Option(names = "--rate", defaultValue = "2048",
      description = "simulated sEMG rate in Hz; the chain keeps EIFER's durations (default ${DEFAULT-VALUE})")
  private double rate;

  @Option(names = "--taps", defaultValue = "0",
      description = "FIR band-pass taps at --rate; 0 is 513 taps at 4096 Hz in duration, which blocks baseline wander"
          + " (EIFER's literal 129 at 4096 Hz do not: 65 at 2048 Hz) (default ${DEFAULT-VALUE})")
  private int taps;

  @Option(names = "--seed", defaultValue = "1", description = "seed of everything (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--calibrate", split = ",", defaultValue = "happy,surprise,disgust",
      description = "emotions whose real profiles calibrate the simulator; the default half activates the depressor"
          + " anguli oris and masseter only weakly, so the fit, shrunk towards the muscles' common level by the weight"
          + " that predicts a left-out calibration emotion best, puts them at 2 and 28 uV (0 unshrunk)"
          + " (default ${DEFAULT-VALUE})")
  private List<String> calibrate;

  @Option(names = "--eog-band", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "EMG2Exp (network and linear baseline) also takes each lead's EOG band (0.1-10 Hz), which carries"
          + " gaze and blinks; --no-eog-band is EIFER's envelope-only input (default ${DEFAULT-VALUE})")
  private boolean eogBand;

  @Option(names = "--saccade-integral", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "EMG2Exp (network and linear baseline) also takes each lead's saccade integral: gaze read from the"
          + " EOG band through baseline wander, by integrating the band's steps during saccades (default"
          + " ${DEFAULT-VALUE})")
  private boolean saccadeIntegral;

  @Override
  public Integer call() throws Exception {
    engine.apply();
    if (train < 1 || test < 1 || !(seconds >= 20) || !(rate >= 1024)) {
      throw new BadInputException("need --train and --test >= 1, --seconds >= 20 and --rate >= 1024");
    }
    List<Expression> cal = new ArrayList<>();
    for (String c : calibrate) {
      try {
        cal.add(Expression.valueOf(c.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--calibrate: unknown emotion '" + c + "'");
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    FridlundCalibration.Table table = FridlundCalibration.read(fridlund);
    EiferExperiment.Result r = new EiferExperiment(train, test, seconds, rate, seed, taps, cal, eogBand,
        saccadeIntegral).run(table, line -> {
      err.println(line);
      err.flush();
    });
    Files.createDirectories(out);
    EiferModelFile.write(r.model(), out.resolve("eifer-model.zip"));
    EiferReport.write(r, cal, out);
    spec.commandLine().getOut().print(EiferReport.summary(r));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
