package dev.mimik.learn.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.engine.TorchEngine;
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
   * @param epochSeconds seconds of each epoch
   * @param predictionMillis milliseconds of each batch-1 prediction, sorted
   */
  public record Result(int threads, double[] epochSeconds, double[] predictionMillis) {

    /** Mean seconds per epoch, leaving out the first (it warms the engine up) when there are others. */
    public double secondsPerEpoch() {
      double[] timed = epochSeconds.length > 1 ? Arrays.copyOfRange(epochSeconds, 1, epochSeconds.length)
          : epochSeconds;
      return Arrays.stream(timed).average().orElse(Double.NaN);
    }

    /** A percentile (0-1, nearest rank) of the prediction times. */
    public double predictionMillis(double p) {
      return predictionMillis[Math.max(0, (int) Math.ceil(p * predictionMillis.length) - 1)];
    }
  }

  /** Trains on {@code windows} and {@code targets} with {@code threads} intra-op threads, then times predictions. */
  public Result run(float[][][] windows, float[][] targets, int threads) throws IOException {
    TorchEngine.setThreads(threads);
    BioNetTrainer.Result trained = new BioNetTrainer(options.withProgress(false))
        .train(config, JsonNodeFactory.instance.objectNode(), windows, targets, null);
    double[] epochs = trained.history().stream().mapToDouble(EpochReport::seconds).toArray();
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
    return new Result(threads, epochs, millis);
  }
}
