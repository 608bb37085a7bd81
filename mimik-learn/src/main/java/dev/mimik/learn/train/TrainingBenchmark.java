package dev.mimik.learn.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.signal.RunningMedian;
import java.io.IOException;
import java.util.Arrays;

/**
 * BioNet's training and inference speed with a given number of intra-op threads ({@code mimik bench train}): a few
 * epochs on given windows and targets, timed per epoch, then batch-1 predictions timed one by one, as live tracking
 * makes them. The figures choose mimik's default thread count.
 *
 * @param config the network
 * @param options the training options (their epochs are the epochs timed)
 */
public record TrainingBenchmark(BioNetConfig config, TrainingOptions options) {

  /** Batch-1 predictions timed after training. */
  public static final int PREDICTIONS = 1000;

  /**
   * One timed run.
   *
   * @param threads intra-op threads
   * @param epochSeconds wall seconds of each epoch
   * @param epochCpuSeconds CPU seconds of the whole process in each epoch
   * @param predictionMillis milliseconds of each batch-1 prediction, sorted
   */
  public record Result(int threads, double[] epochSeconds, double[] epochCpuSeconds, double[] predictionMillis) {

    /** Median wall seconds per epoch after the warm-up epoch ({@link #afterWarmUp}). */
    public double secondsPerEpoch() {
      return afterWarmUp(epochSeconds);
    }

    /** Median CPU seconds per epoch after the warm-up epoch. */
    public double cpuSecondsPerEpoch() {
      return afterWarmUp(epochCpuSeconds);
    }

    /** A percentile (0-1, nearest rank) of the prediction times. */
    public double predictionMillis(double p) {
      return predictionMillis[Math.max(0, (int) Math.ceil(p * predictionMillis.length) - 1)];
    }
  }

  /**
   * The median of per-epoch figures, leaving out the first (it warms the engine up) when there are others: one epoch
   * slowed by other work on the machine does not move it.
   */
  static double afterWarmUp(double[] perEpoch) {
    double[] timed = Arrays.copyOfRange(perEpoch, perEpoch.length > 1 ? 1 : 0, perEpoch.length);
    return timed.length == 0 ? Double.NaN : RunningMedian.median(timed, timed.length);
  }

  /** Trains on {@code windows} and {@code targets} with {@code threads} intra-op threads, then times predictions. */
  public Result run(float[][][] windows, float[][] targets, int threads) throws IOException {
    TorchEngine.setThreads(threads);
    BioNetTrainer.Result trained = new BioNetTrainer(options.withProgress(false))
        .train(config, JsonNodeFactory.instance.objectNode(), windows, targets, null);
    double[] epochs = trained.history().stream().mapToDouble(EpochReport::seconds).toArray();
    double[] cpu = trained.history().stream().mapToDouble(EpochReport::cpuSeconds).toArray();
    double[] millis = new double[PREDICTIONS];
    try (BioNetModel model = trained.model()) {
      for (int i = 0; i < 100 + PREDICTIONS; i++) {
        long t0 = System.nanoTime();
        model.predictFrame(windows[i % windows.length]);
        if (i >= 100) {
          millis[i - 100] = (System.nanoTime() - t0) / 1e6;
        }
      }
    }
    Arrays.sort(millis);
    return new Result(threads, epochs, cpu, millis);
  }
}
