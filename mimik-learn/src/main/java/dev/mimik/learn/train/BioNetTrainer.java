package dev.mimik.learn.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mimik.learn.bionet.BioNet;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.bionet.Normalisation;
import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.learn.loss.WingLoss;
import dev.mimik.learn.metric.NormalisedMeanError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Trains BioNet on windows {@code [frame][input][sample]} and aligned landmark targets {@code [frame][2*points]}:
 * Wing loss, Adam, a time-blocked validation split, early stopping on the validation NME (the best epoch's weights
 * are kept), and a checkpoint after every epoch from which a killed run resumes exactly. Fine-tuning starts from an
 * existing model's weights and normalisation instead of random ones.
 *
 * <p>Deterministic on CPU: the seed fixes the initial weights, the order of batches and the dropout masks of every
 * epoch, so the same data, options and seed give the same model, whether or not the run was interrupted.
 */
public final class BioNetTrainer {

  /** Windows per forward pass when validating. */
  static final int EVAL_BATCH = 512;
  /**
   * How often an epoch whose loss or validation error is not finite is run again from the weights and optimiser
   * state it started from. On this CPU build a training step now and then yields NaN weights (a few runs in ten of
   * the same tiny network in one process; not oneDNN's, whose convolutions switched off still do it); the epoch is
   * seeded, so a clean rerun computes what an undisturbed run would have. The NaNs come in bursts that outlasted
   * three reruns in a full test run (an untrained model was returned), hence ten.
   */
  static final int NON_FINITE_RETRIES = 10;

  private final TrainingOptions options;
  private final InputLayout layout;

  /** A trainer with these options, which must not ask for gain jitter (it needs to know the inputs). */
  public BioNetTrainer(TrainingOptions options) {
    this(options, null);
  }

  /**
   * A trainer with these options, whose gain jitter (if any) draws one gain per channel of {@code layout} for every
   * training window of every epoch (validation windows are left as they are).
   */
  public BioNetTrainer(TrainingOptions options, InputLayout layout) {
    if (options.gainJitter() > 0 && layout == null) {
      throw new IllegalArgumentException("gain jitter needs to know which channel each input comes from");
    }
    this.options = options;
    this.layout = layout;
  }

  /** The outcome of a training run: the model of the best validation epoch and the history of all epochs. */
  public record Result(BioNetModel model, List<EpochReport> history, int bestEpoch, double bestValidationNme) {}

  /**
   * Trains a new model.
   *
   * @param bandSettings the caller's description of how the windows were made, stored in the model unchanged
   * @param checkpoint the checkpoint file to resume from and write after each epoch, or null for none
   */
  public Result train(BioNetConfig config, JsonNode bandSettings, float[][][] windows, float[][] targets, Path checkpoint)
      throws IOException {
    checkData(config, windows, targets);
    checkLayout(config);
    TimeBlockedSplit.Split split = options.split().split(windows.length);
    Normalisation norm = Normalisation.fit(select(windows, split.train()), select(targets, split.train()));
    return run(config, norm, bandSettings, null, windows, targets, split, checkpoint);
  }

  /**
   * Fine-tunes a copy of {@code base} on new data (typically a few minutes of a new person), keeping its
   * architecture; {@code base} itself is unchanged. The input and target scaling are fitted afresh on the new
   * data's training frames: a new person's face shape and electrode gains differ from the population's, and a
   * network that keeps the population's scaling spends its few epochs learning that offset instead of the
   * person's expressions.
   *
   * @param bandSettings the settings to store with the result (the base's, or the base's updated for the new data)
   */
  public Result fineTune(BioNetModel base, JsonNode bandSettings, float[][][] windows, float[][] targets,
      Path checkpoint) throws IOException {
    checkData(base.config(), windows, targets);
    checkLayout(base.config());
    TimeBlockedSplit.Split split = options.split().split(windows.length);
    Normalisation norm = Normalisation.fit(select(windows, split.train()), select(targets, split.train()));
    return run(base.config(), norm, bandSettings, base.parameters(), windows, targets, split, checkpoint);
  }

  private Result run(BioNetConfig config, Normalisation norm, JsonNode bandSettings, byte[] initial,
      float[][][] windows, float[][] targets, TimeBlockedSplit.Split split, Path checkpointFile) throws IOException {
    String fingerprint = fingerprint(config, norm, initial, windows, targets);
    TrainingCheckpoint resumed = null;
    if (checkpointFile != null && Files.exists(checkpointFile)) {
      resumed = TrainingCheckpoint.read(checkpointFile);
      if (!resumed.fingerprint().equals(fingerprint)) {
        throw new dev.mimik.core.io.BadInputException(checkpointFile,
            "checkpoint belongs to another training run (different data, network or options); delete it to start afresh");
      }
    }
    NormalisedMeanError nme = new NormalisedMeanError(config.landmarks());
    WingLoss loss = loss(config, norm, targets, split.train());

    TorchEngine.get().setRandomSeed((int) options.seed());
    ResumableAdam adam = new ResumableAdam(options.learningRate());
    DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss).optOptimizer(adam).optDevices(new Device[] {Device.cpu()});
    try (Model model = TorchEngine.newModel("bionet-training")) {
      Block block = BioNet.build(config);
      model.setBlock(block);
      try (Trainer trainer = model.newTrainer(trainingConfig)) {
        trainer.initialize(BioNetModel.inputShape(config, 1));
        List<String> ids = block.getParameters().stream().map(Pair::getValue).map(Parameter::getId).toList();
        List<EpochReport> history = new ArrayList<>();
        int bestEpoch = 0;
        double bestNme = Double.POSITIVE_INFINITY;
        byte[] best;
        boolean stopped = false;
        if (resumed != null) {
          restore(block, config, resumed.current());
          adam.load(new DataInputStream(new ByteArrayInputStream(resumed.optimiser())), ids, model.getNDManager());
          history.addAll(resumed.history());
          bestEpoch = resumed.bestEpoch();
          bestNme = resumed.bestNme();
          best = resumed.best();
          stopped = resumed.stoppedEarly();
        } else {
          if (initial != null) {
            restore(block, config, initial);
          }
          best = BlockWeights.save(block);
        }
        int batches = (split.train().length + options.batchSize() - 1) / options.batchSize();
        try (ProgressBar bar = progressBar(history.size(), batches)) {
          for (int epoch = history.size() + 1; epoch <= options.epochs() && !stopped; epoch++) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            byte[] parametersBefore = BlockWeights.save(block);
            byte[] optimiserBefore = optimiserState(adam, ids);
            double trainLoss = trainEpoch(trainer, config, norm, windows, targets, split.train(), epoch, bar);
            double valNme = validate(trainer, config, norm, nme, windows, targets, split.validation());
            for (int retry = 1; retry <= NON_FINITE_RETRIES && !(Double.isFinite(trainLoss)
                && Double.isFinite(valNme)); retry++) {
              restore(block, config, parametersBefore);
              adam.load(new DataInputStream(new ByteArrayInputStream(optimiserBefore)), ids, model.getNDManager());
              trainLoss = trainEpoch(trainer, config, norm, windows, targets, split.train(), epoch, bar);
              valNme = validate(trainer, config, norm, nme, windows, targets, split.validation());
            }
            EpochReport report = new EpochReport(epoch, trainLoss, valNme, (System.nanoTime() - start) / 1e9,
                (processCpuNanos() - cpuStart) / 1e9);
            history.add(report);
            if (valNme < bestNme) {
              bestNme = valNme;
              bestEpoch = epoch;
              best = BlockWeights.save(block);
            }
            stopped = options.patience() > 0 && epoch - bestEpoch >= options.patience() && epoch < options.epochs();
            if (checkpointFile != null) {
              new TrainingCheckpoint(fingerprint, epoch, bestEpoch, bestNme, stopped, List.copyOf(history),
                  BlockWeights.save(block), best, optimiserState(adam, ids)).write(checkpointFile);
            }
            showEpoch(bar, report, bestNme);
          }
        }
        try {
          return new Result(BioNetModel.of(config, norm, bandSettings, best), List.copyOf(history), bestEpoch, bestNme);
        } catch (MalformedModelException e) {
          throw new IllegalStateException("trained parameters do not reload", e);
        }
      }
    }
  }

  /** The Wing loss for targets normalised by {@code norm}, in percent of the training frames' inter-ocular distance. */
  static WingLoss loss(BioNetConfig config, Normalisation norm, float[][] targets, int[] train) {
    NormalisedMeanError nme = new NormalisedMeanError(config.landmarks());
    double interOcular = 0;
    for (int f : train) {
      interOcular += nme.interOcular(targets[f]);
    }
    return WingLoss.forAlignedCoordinates(norm, interOcular / train.length);
  }

  /** CPU time of the whole process so far, all threads. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static byte[] optimiserState(ResumableAdam adam, List<String> ids) throws IOException {
    ByteArrayOutputStream state = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(state)) {
      adam.save(out, ids);
    }
    return state.toByteArray();
  }

  private double trainEpoch(Trainer trainer, BioNetConfig config, Normalisation norm, float[][][] windows,
      float[][] targets, int[] train, int epoch, ProgressBar bar) {
    // one seed per epoch, so a resumed run draws the same batches and dropout masks as an uninterrupted one
    long epochSeed = options.seed() * 1_000_003L + epoch;
    TorchEngine.seed(epochSeed);
    int[] order = train.clone();
    Random random = new Random(epochSeed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    Random gains = new Random(~epochSeed);
    double sum = 0;
    for (int from = 0; from < order.length; from += options.batchSize()) {
      int to = Math.min(order.length, from + options.batchSize());
      if (to - from < 2 && from > 0) {
        break; // batch norm cannot learn from a single window; it is dropped, the next epoch reshuffles
      }
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDList[] xy = batch(batch, config, norm, windows, targets, order, from, to,
            options.gainJitter() > 0 ? w -> layout.withRandomGains(w, options.gainJitter(), gains) : w -> w);
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList prediction = trainer.forward(xy[0]);
          NDArray value = trainer.getLoss().evaluate(xy[1], prediction);
          collector.backward(value);
          sum += value.getFloat() * (to - from);
        }
        trainer.step();
      }
      if (bar != null) {
        bar.step();
      }
    }
    return sum / order.length;
  }

  private double validate(Trainer trainer, BioNetConfig config, Normalisation norm, NormalisedMeanError nme,
      float[][][] windows, float[][] targets, int[] validation) {
    double sum = 0;
    for (int from = 0; from < validation.length; from += EVAL_BATCH) {
      int to = Math.min(validation.length, from + EVAL_BATCH);
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDList[] xy = batch(batch, config, norm, windows, targets, validation, from, to, w -> w);
        float[] out = trainer.evaluate(xy[0]).singletonOrThrow().toFloatArray();
        for (int i = from; i < to; i++) {
          float[] predicted = norm.denormaliseTarget(out, (i - from) * config.outputs());
          sum += nme.framePercent(predicted, targets[validation[i]]);
        }
      }
    }
    return sum / validation.length;
  }

  private static NDList[] batch(NDManager manager, BioNetConfig config, Normalisation norm, float[][][] windows,
      float[][] targets, int[] frames, int from, int to, java.util.function.UnaryOperator<float[][]> augment) {
    int per = config.inputs() * config.windowSamples();
    float[] x = new float[(to - from) * per];
    float[] y = new float[(to - from) * config.outputs()];
    for (int i = from; i < to; i++) {
      norm.normaliseWindow(augment.apply(windows[frames[i]]), x, (i - from) * per);
      norm.normaliseTarget(targets[frames[i]], y, (i - from) * config.outputs());
    }
    return new NDList[] {
      new NDList(manager.create(x, BioNetModel.inputShape(config, to - from))),
      new NDList(manager.create(y, new Shape(to - from, config.outputs())))
    };
  }

  private ProgressBar progressBar(int epochsDone, int batchesPerEpoch) {
    if (!options.showProgress() || System.console() == null) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("training")
        .setInitialMax((long) options.epochs() * batchesPerEpoch)
        .startsFrom((long) epochsDone * batchesPerEpoch, java.time.Duration.ZERO)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .build();
  }

  private void showEpoch(ProgressBar bar, EpochReport r, double bestNme) {
    String line = String.format(java.util.Locale.ROOT, "epoch %d/%d loss %.3f val NME %.2f%% (best %.2f%%)",
        r.epoch(), options.epochs(), r.trainLoss(), r.validationNme(), bestNme);
    if (bar != null) {
      bar.setExtraMessage(line);
    } else if (options.showProgress()) {
      System.err.println(line + String.format(java.util.Locale.ROOT, " %.1fs", r.seconds()));
    }
  }

  private void checkLayout(BioNetConfig config) {
    if (layout != null && layout.inputs() != config.inputs()) {
      throw new IllegalArgumentException("the input layout describes " + layout.inputs() + " inputs; the network takes "
          + config.inputs());
    }
  }

  private static void checkData(BioNetConfig config, float[][][] windows, float[][] targets) {
    if (windows.length != targets.length) {
      throw new IllegalArgumentException(windows.length + " windows but " + targets.length + " targets");
    }
    for (int f = 0; f < windows.length; f++) {
      if (windows[f].length != config.inputs() || targets[f].length != config.outputs()) {
        throw new IllegalArgumentException("frame " + f + " has " + windows[f].length + " inputs and "
            + targets[f].length + " target values; the network takes " + config.inputs() + " and " + config.outputs());
      }
      for (float[] input : windows[f]) {
        if (input.length != config.windowSamples()) {
          throw new IllegalArgumentException("frame " + f + " has a window of " + input.length + " samples, not "
              + config.windowSamples());
        }
      }
    }
  }

  static <T> T[] select(T[] all, int[] frames) {
    T[] out = java.util.Arrays.copyOf(all, frames.length);
    for (int i = 0; i < frames.length; i++) {
      out[i] = all[frames[i]];
    }
    return out;
  }

  /** Puts saved weights back into the block being trained ({@link BlockWeights#loadInPlace}). */
  private static void restore(Block block, BioNetConfig config, byte[] parameters) throws IOException {
    BlockWeights.loadInPlace(block, BioNet.build(config), BioNetModel.inputShape(config, 1), parameters,
        "network parameters");
  }

  private String fingerprint(BioNetConfig config, Normalisation norm, byte[] initial, float[][][] windows,
      float[][] targets) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((config + "|" + options.withEpochs(1).withProgress(false)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);
      for (double v : norm.inputMean()) {
        putFloat(digest, buffer, (float) v);
      }
      if (initial != null) {
        digest.update(initial);
      }
      for (int f = 0; f < windows.length; f++) {
        for (float[] input : windows[f]) {
          for (float v : input) {
            putFloat(digest, buffer, v);
          }
        }
        for (float v : targets[f]) {
          putFloat(digest, buffer, v);
        }
      }
      buffer.flip();
      digest.update(buffer);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putFloat(MessageDigest digest, ByteBuffer buffer, float v) {
    if (!buffer.hasRemaining()) {
      buffer.flip();
      digest.update(buffer);
      buffer.clear();
    }
    buffer.putFloat(v);
  }
}
