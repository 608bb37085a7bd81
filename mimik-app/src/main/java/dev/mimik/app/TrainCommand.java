package dev.mimik.app;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.bioface.TrainingSetFile;
import dev.mimik.learn.train.TrainingOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mimik train}: trains a person's BioNet from sessions recorded with the camera, and reports it next to the
 * ridge baseline on the same time-blocked validation frames.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train BioNet (biosignal windows -> aligned 2D landmarks) from sessions recorded with a camera.",
      "",
      "Example: mimik train --manifest sim/manifest.csv --out me.mimik --epochs 20"
    })
public final class TrainCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private EngineOptions engine;

  @Option(names = "--session", paramLabel = "SIGNALS,LANDMARKS", description = "a recorded session (repeatable)")
  private List<String> sessions;

  @Option(names = "--manifest", paramLabel = "FILE.csv",
      description = "sessions listed in a CSV: signals,landmarks[,participant][,offset_s][,drift_ppm]")
  private Path manifest;

  @Option(names = "--training-set", paramLabel = "SET.parquet",
      description = "train on a columnar training set from 'mimik batch training-set' instead of sessions (the set"
          + " fixes the landmarks and the front end; the model gets no blink detector: that needs the raw sessions)")
  private Path trainingSet;

  @Option(names = "--participant", description = "train only on this participant's manifest sessions")
  private String participant;

  @Option(names = "--out", required = true, paramLabel = "MODEL.mimik", description = "the model file to write")
  private Path out;

  @Option(names = "--landmarks", defaultValue = "51", description = "landmark set: 51, 53 or 68 (default ${DEFAULT-VALUE})")
  private int landmarks;

  @Option(names = "--epochs", defaultValue = "40", description = "most epochs, early stopping may end sooner (default ${DEFAULT-VALUE})")
  private int epochs;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the initial weights and batches (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--sync", defaultValue = "none",
      description = "clock sync when no offset is given: none or auto (default ${DEFAULT-VALUE})")
  private String sync;

  @Option(names = "--fine-tune", paramLabel = "BASE.mimik",
      description = "start from this model (e.g. a cross-participant one) and adapt it to these sessions")
  private Path fineTune;

  @Option(names = "--fps", defaultValue = "30", description = "frame rate the landmarks are resampled to (default ${DEFAULT-VALUE})")
  private double fps;

  @Override
  public Integer call() throws Exception {
    engine.apply();
    PrintWriter err = spec.commandLine().getErr();
    if (trainingSet != null) {
      return fromTrainingSet(err);
    }
    List<Session> data = TrainCommand.load(sessions, manifest, participant, sync, err);
    LandmarkSet set = landmarkSet(landmarks);
    if (fineTune != null && spec.commandLine().getParseResult().hasMatchedOption("--landmarks")) {
      throw new BadInputException("--landmarks cannot be combined with --fine-tune: the base model fixes the set");
    }
    if (epochs < 1 || epochs > 10_000) {
      throw new BadInputException("--epochs must be 1..10000, not " + epochs);
    }
    Path checkpoint = out.resolveSibling(out.getFileName() + ".checkpoint");
    ModelTraining.Outcome outcome;
    if (fineTune != null) {
      try (TrackingModel base = TrackingModel.load(fineTune)) {
        outcome = ModelTraining.fineTune(base, data, EmbeddedRig.load(),
            TrainingOptions.fineTuning().withEpochs(Math.min(epochs, TrainingOptions.fineTuning().epochs()))
                .withSeed(seed), checkpoint, w -> warn(err, w));
      }
    } else {
      outcome = train(data, set, fps, TrainingOptions.defaults().withEpochs(epochs).withSeed(seed), checkpoint, err);
    }
    outcome.model().save(out);
    Files.deleteIfExists(checkpoint);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "wrote %s: %d sessions, %d frames, best epoch %d, validation NME %.2f%% (ridge baseline %.2f%%)%n",
        out, data.size(), outcome.data().size(), outcome.result().bestEpoch(), outcome.result().bestValidationNme(),
        ModelTraining.ridgeValidationNme(outcome.data(), set,
            ModelTraining.withWindowGap(TrainingOptions.defaults(), outcome.model().frontEnd())));
    outcome.model().close();
    return 0;
  }

  /** {@code --training-set}: training on frames extracted already, by {@code mimik batch training-set}. */
  private int fromTrainingSet(PrintWriter err) throws java.io.IOException {
    var parsed = spec.commandLine().getParseResult();
    for (String other : List.of("--session", "--manifest", "--participant", "--fine-tune", "--landmarks", "--sync",
        "--fps")) {
      if (parsed.hasMatchedOption(other)) {
        throw new BadInputException(other + " cannot be combined with --training-set: the set fixes it");
      }
    }
    if (epochs < 1 || epochs > 10_000) {
      throw new BadInputException("--epochs must be 1..10000, not " + epochs);
    }
    TrainingSetFile.Contents set = TrainingSetFile.read(trainingSet);
    warn(err, "a training set carries no blink calibration: the model has no blink detector (the eyes follow the"
        + " tracked eyelids)");
    Path checkpoint = out.resolveSibling(out.getFileName() + ".checkpoint");
    TrainingOptions options = TrainingOptions.defaults().withEpochs(epochs).withSeed(seed);
    LandmarkSet landmarkSet = set.data().frame().set();
    ModelTraining.Outcome outcome = ModelTraining.train(set.data(), trainingSet, set.frontEnd(), landmarkSet,
        EmbeddedRig.load(), java.util.Optional.empty(), options, checkpoint);
    outcome.model().save(out);
    Files.deleteIfExists(checkpoint);
    spec.commandLine().getOut().printf(Locale.ROOT,
        "wrote %s: %d sessions, %d frames, best epoch %d, validation NME %.2f%% (ridge baseline %.2f%%)%n", out,
        set.sessions().size(), outcome.data().size(), outcome.result().bestEpoch(),
        outcome.result().bestValidationNme(), ModelTraining.ridgeValidationNme(outcome.data(), landmarkSet,
            ModelTraining.withWindowGap(TrainingOptions.defaults(), outcome.model().frontEnd())));
    outcome.model().close();
    return 0;
  }

  /** Trains with progress lines on {@code err}. */
  static ModelTraining.Outcome train(List<Session> data, LandmarkSet set, double fps, TrainingOptions options,
      Path checkpoint, PrintWriter err) throws java.io.IOException {
    FrontEnd frontEnd = ModelTraining.frontEndFor(data, fps);
    return ModelTraining.train(data, frontEnd, set, EmbeddedRig.load(), options, checkpoint, w -> warn(err, w));
  }

  private static void warn(PrintWriter err, String warning) {
    err.println("warning: " + warning);
    err.flush();
  }

  static List<Session> load(List<String> pairs, Path manifest, String participant, String sync, PrintWriter err)
      throws java.io.IOException {
    SessionFiles.Sync mode = switch (sync) {
      case "none" -> SessionFiles.Sync.NONE;
      case "auto" -> SessionFiles.Sync.AUTO;
      default -> throw new BadInputException("--sync must be none or auto, not '" + sync + "'");
    };
    if ((pairs == null || pairs.isEmpty()) == (manifest == null)) {
      throw new BadInputException("give either --session (one or more) or --manifest");
    }
    SessionFiles files = new SessionFiles(mode, err);
    List<Session> all = manifest != null ? files.fromManifest(manifest) : files.fromPairs(pairs);
    if (participant == null) {
      return all;
    }
    List<Session> mine = all.stream().filter(s -> s.participant().equals(participant)).toList();
    if (mine.isEmpty()) {
      throw new BadInputException(manifest, "lists no session of participant '" + participant + "'");
    }
    return mine;
  }

  static LandmarkSet landmarkSet(int points) {
    return switch (points) {
      case 51 -> LandmarkSet.IBUG_51;
      case 53 -> LandmarkSet.IBUG_53;
      case 68 -> LandmarkSet.IBUG_68;
      default -> throw new BadInputException("--landmarks must be 51, 53 or 68, not " + points);
    };
  }
}
