package dev.mimik.learn.ego;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.mimik.core.io.BadInputException;
import dev.mimik.learn.ego.post.RangeOfMotion;
import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.learn.train.BlockWeights;
import dev.mimik.learn.train.ResumableAdam;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains an {@link EgoNet} as REFA §7.2 does, but for the loss: Adam, mini-batches of equal numbers of real
 * (pseudo-labelled) and synthetic frames, each view disturbed by the options' augmentation, and, when the options
 * give it a weight, a domain discriminator on the image features trained with binary cross-entropy through a
 * gradient reversal layer ({@link DomainAdversary}), whose weight ramps up over the first {@link #RAMP_EPOCHS}
 * epochs as Ganin et al.'s schedule does. Without frames of one domain, the batches are all of the other and there
 * is no discriminator. The default trains without it: in runs a CPU affords its reversed gradient outweighed the
 * regression's and the encoders learned nothing (docs/notes/ego.md).
 *
 * <p>The loss between outputs and labels is the mean squared error, not REFA's L1. Most labels of a headset
 * recording are 0 (a shape is at rest most of the time), so L1, whose optimum is each output's median, pulls every
 * output to 0 with equal force from all the frames at rest; in the short runs a CPU affords, the networks trained
 * with it gave a still face on their own training frames (docs/notes/ego.md). The squared error's optimum is the
 * mean, and the frames where a shape moves pull on it in proportion to how far it moved.
 *
 * <p>A checkpoint is written after every epoch; a run started again with the same data, network and options (the
 * number of epochs aside) resumes from it and ends with the same model as an uninterrupted run (every epoch draws
 * its batches and shifts from its own seed). Deterministic on the CPU for a given seed.
 */
public final class EgoTrainer {

  /**
   * Epochs over which the reversal's weight ramps up: Ganin et al.'s schedule {@code 2 / (1 + exp(-10 p)) - 1} with
   * {@code p} the share of these epochs done, so that a longer run resumed from a shorter one's checkpoint follows
   * the same schedule.
   */
  static final int RAMP_EPOCHS = 8;

  /** Frames the model's statistics ({@link EgoStatistics}) are measured on, at most. */
  static final int STATISTICS_FRAMES = 3000;

  private final EgoTrainingOptions options;

  public EgoTrainer(EgoTrainingOptions options) {
    this.options = options;
  }

  /**
   * What one epoch achieved.
   *
   * @param epoch 1-based
   * @param loss mean squared error of the outputs over the epoch's batches
   * @param domainLoss mean binary cross-entropy of the discriminator (NaN without one)
   * @param domainAccuracy share of frames whose domain the discriminator told right (NaN without one)
   * @param seconds wall time of the epoch
   */
  public record Epoch(int epoch, double loss, double domainLoss, double domainAccuracy, double seconds) {}

  /** A trained model and its epochs. */
  public record Result(EgoModel model, List<Epoch> history) {}

  /**
   * Trains a new model.
   *
   * @param cameras the camera name of each view slot, stored in the model
   * @param real recordings of the real domain with their (pseudo) labels; unlabelled ones are skipped
   * @param synthetic recordings of the synthetic domain with exact labels
   * @param checkpoint file to resume from and write after each epoch, or null
   */
  public Result train(EgoNetConfig config, List<String> cameras, List<EgoClip> real, List<EgoClip> synthetic,
      Path checkpoint) throws IOException {
    List<EgoClip> r = real.stream().filter(c -> c.labels() != null).toList();
    List<EgoClip> s = synthetic.stream().filter(c -> c.labels() != null).toList();
    if (r.isEmpty() && s.isEmpty()) {
      throw new IllegalArgumentException("no labelled recording to train on");
    }
    for (EgoClip c : concat(r, s)) {
      if (c.imageSize() != config.imageSize()) {
        throw new IllegalArgumentException("recording " + c.id() + " has " + c.imageSize() + "-pixel views; the"
            + " network takes " + config.imageSize());
      }
    }
    String fingerprint = fingerprint(config, cameras, r, s);
    EgoCheckpoint resumed = null;
    if (checkpoint != null && Files.exists(checkpoint)) {
      resumed = EgoCheckpoint.read(checkpoint);
      if (!resumed.fingerprint().equals(fingerprint)) {
        throw new BadInputException(checkpoint, "checkpoint belongs to another training run (different data,"
            + " network or options); delete it to start afresh");
      }
    }
    int[][] realFrames = frames(r);
    int[][] syntheticFrames = frames(s);
    boolean adversarial = !r.isEmpty() && !s.isEmpty() && options.adversarialWeight() > 0;
    int perDomain = r.isEmpty() || s.isEmpty() ? 2 * options.batchPerDomain() : options.batchPerDomain();

    TorchEngine.seed(options.seed());
    ResumableAdam adam = new ResumableAdam((float) options.learningRate());
    DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam)
        .optDevices(new Device[] {Device.cpu()});
    byte[] finalParameters;
    List<Epoch> history = new ArrayList<>();
    // oneDNN's convolution backward is unreliable here (TorchEngine.setOneDnn)
    boolean oneDnn = TorchEngine.setOneDnn(false);
    try {
      try (Model model = TorchEngine.newModel("egonet-training")) {
        DomainAdversary block = new DomainAdversary(new EgoNet(config));
        model.setBlock(block);
        try (Trainer trainer = model.newTrainer(trainingConfig)) {
          trainer.initialize(EgoNet.inputShape(config, 2));
          List<String> ids = block.getParameters().stream().map(Pair::getValue).map(Parameter::getId).toList();
          if (resumed != null) {
            BlockWeights.loadInPlace(block, new DomainAdversary(new EgoNet(config)), EgoNet.inputShape(config, 2),
                resumed.parameters(), "checkpoint weights");
            adam.load(new DataInputStream(new ByteArrayInputStream(resumed.optimiser())), ids, model.getNDManager());
            history.addAll(resumed.history());
          }
          long rampSteps = (long) RAMP_EPOCHS * options.stepsPerEpoch();
          for (int epoch = history.size() + 1; epoch <= options.epochs(); epoch++) {
            long start = System.nanoTime();
            long epochSeed = options.seed() * 1_000_003L + epoch;
            TorchEngine.seed(epochSeed);
            SplittableRandom random = new SplittableRandom(epochSeed);
            double regression = 0;
            double bce = 0;
            double correct = 0;
            for (int step = 0; step < options.stepsPerEpoch(); step++) {
              long global = (long) (epoch - 1) * options.stepsPerEpoch() + step;
              double p = Math.min(1, (double) global / rampSteps);
              block.setLambda(adversarial ? options.adversarialWeight() * (2 / (1 + Math.exp(-10 * p)) - 1) : 0);
              double[] losses = step(trainer, config, r, realFrames, s, syntheticFrames, perDomain, adversarial,
                  random);
              regression += losses[0];
              bce += losses[1];
              correct += losses[2];
            }
            int n = options.stepsPerEpoch();
            Epoch report = new Epoch(epoch, regression / n, adversarial ? bce / n : Double.NaN,
                adversarial ? correct / n : Double.NaN, (System.nanoTime() - start) / 1e9);
            history.add(report);
            if (checkpoint != null) {
              ByteArrayOutputStream state = new ByteArrayOutputStream();
              try (DataOutputStream out = new DataOutputStream(state)) {
                adam.save(out, ids);
              }
              new EgoCheckpoint(fingerprint, epoch, List.copyOf(history), BlockWeights.save(block), state.toByteArray())
                  .write(checkpoint);
            }
            if (options.showProgress()) {
              System.err.printf(Locale.ROOT, "epoch %d/%d loss %.5f domain loss %.3f accuracy %.2f %.1fs%n", epoch,
                  options.epochs(), report.loss(), report.domainLoss(), report.domainAccuracy(), report.seconds());
            }
          }
          finalParameters = BlockWeights.save(block.net());
        }
      }
    } finally {
      TorchEngine.setOneDnn(oneDnn);
    }
    try {
      EgoModel bare = EgoModel.of(config, cameras, null, finalParameters);
      List<double[][]> exact = (s.isEmpty() ? r : s).stream().map(EgoClip::labels).toList();
      EgoStatistics statistics = FailureDetector.measure(bare, concat(r, s), RangeOfMotion.peaks(exact),
          STATISTICS_FRAMES);
      EgoModel trained = bare.withStatistics(statistics);
      bare.close();
      return new Result(trained, List.copyOf(history));
    } catch (MalformedModelException e) {
      throw new IllegalStateException("trained parameters do not reload", e);
    }
  }

  /** One mini-batch: its squared error, its domain loss and the discriminator's accuracy on it. */
  private double[] step(Trainer trainer, EgoNetConfig config, List<EgoClip> real, int[][] realFrames,
      List<EgoClip> synthetic, int[][] syntheticFrames, int perDomain, boolean adversarial, SplittableRandom random) {
    int fromReal = realFrames.length == 0 ? 0 : perDomain;
    int fromSynthetic = syntheticFrames.length == 0 ? 0 : perDomain;
    int batch = fromReal + fromSynthetic;
    int s = config.imageSize();
    int per = EgoViews.COUNT * s * s;
    float[] x = new float[batch * per];
    float[] y = new float[batch * EgoOutputs.SIZE];
    float[] domain = new float[batch];
    for (int i = 0; i < batch; i++) {
      boolean isReal = i < fromReal;
      int[][] pool = isReal ? realFrames : syntheticFrames;
      int[] pick = pool[random.nextInt(pool.length)];
      EgoClip clip = (isReal ? real : synthetic).get(pick[0]);
      byte[] frame = clip.views()[pick[1]];
      for (int v = 0; v < EgoViews.COUNT; v++) {
        ViewImages.standardise(frame, v, s, options.augmentation().draw(random), random, x, i * per + v * s * s);
      }
      System.arraycopy(EgoOutputs.target(clip.labels()[pick[1]]), 0, y, i * EgoOutputs.SIZE, EgoOutputs.SIZE);
      domain[i] = isReal ? 1 : 0;
    }
    try (NDManager m = trainer.getManager().newSubManager()) {
      NDArray input = m.create(x, EgoNet.inputShape(config, batch));
      NDArray target = m.create(y, new Shape(batch, EgoOutputs.SIZE));
      double[] out = new double[3];
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList o = trainer.forward(new NDList(input));
        NDArray regression = o.get(0).sub(target).square().mean();
        NDArray total = regression;
        if (adversarial) {
          NDArray z = o.get(1);
          NDArray d = m.create(domain);
          // binary cross-entropy with logits, in its stable form: max(z, 0) - z d + log(1 + exp(-|z|))
          NDArray bce = z.maximum(0).sub(z.mul(d)).add(z.abs().neg().exp().add(1).log()).mean();
          total = regression.add(bce);
          out[1] = bce.getFloat();
          float[] logits = z.toFloatArray();
          int right = 0;
          for (int i = 0; i < batch; i++) {
            right += (logits[i] > 0) == (domain[i] > 0.5f) ? 1 : 0;
          }
          out[2] = (double) right / batch;
        }
        collector.backward(total);
        out[0] = regression.getFloat();
      }
      trainer.step();
      return out;
    }
  }

  /** Every labelled frame of the recordings as {recording, frame}. */
  private static int[][] frames(List<EgoClip> clips) {
    List<int[]> out = new ArrayList<>();
    for (int c = 0; c < clips.size(); c++) {
      for (int f = 0; f < clips.get(c).frames(); f++) {
        out.add(new int[] {c, f});
      }
    }
    return out.toArray(int[][]::new);
  }

  private static List<EgoClip> concat(List<EgoClip> a, List<EgoClip> b) {
    List<EgoClip> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private String fingerprint(EgoNetConfig config, List<String> cameras, List<EgoClip> real,
      List<EgoClip> synthetic) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      // the number of epochs is left out: a longer run resumes from a shorter one's checkpoint
      digest.update((config + "|" + options.withProgress(false).withEpochs(1, options.stepsPerEpoch()) + "|" + cameras).getBytes(StandardCharsets.UTF_8));
      ByteBuffer buffer = ByteBuffer.allocate(8 * 52);
      for (List<EgoClip> domain : List.of(real, synthetic)) {
        digest.update((byte) '|');
        for (EgoClip c : domain) {
          digest.update(c.id().getBytes(StandardCharsets.UTF_8));
          for (int f = 0; f < c.frames(); f++) {
            digest.update(c.views()[f]);
            buffer.clear();
            for (double w : c.labels()[f]) {
              buffer.putDouble(w);
            }
            buffer.flip();
            digest.update(buffer);
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
