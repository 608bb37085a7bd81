package dev.mimik.learn;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.train.BioNetTrainer;
import dev.mimik.learn.train.EpochReport;
import dev.mimik.learn.train.TrainingOptions;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints BioNet's training time per epoch on 10 minutes of 30 fps data (18000 windows, 4 inputs, default network,
 * 53 landmarks) and its inference latency at batch 1 (p50, p99). Not a test: run with
 * {@code java -cp ... dev.mimik.learn.BioNetTrainBenchmark [epochs] [windowSamples]} and the DJL environment
 * ({@code DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_WAIT_POLICY=PASSIVE -Dai.djl.offline=true}).
 */
public final class BioNetTrainBenchmark {

  private BioNetTrainBenchmark() {}

  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int frames = 18000;
    SyntheticTask task = SyntheticTask.generate(frames, 4, samples, LandmarkSet.IBUG_53, 1);
    BioNetConfig config = BioNetConfig.defaults(4, samples, LandmarkSet.IBUG_53);
    TrainingOptions options = TrainingOptions.defaults().withEpochs(epochs).withGapFrames(2).withProgress(false);
    System.out.printf(Locale.ROOT, "BioNet %s, %d windows, batch %d, %d threads available%n", config, frames,
        options.batchSize(), Runtime.getRuntime().availableProcessors());
    BioNetTrainer.Result result = new BioNetTrainer(options)
        .train(config, JsonNodeFactory.instance.objectNode(), task.windows(), task.targets(), null);
    for (EpochReport r : result.history()) {
      System.out.printf(Locale.ROOT, "epoch %d: %.2f s, loss %.3f, val NME %.2f%%%n", r.epoch(), r.seconds(),
          r.trainLoss(), r.validationNme());
    }
    double mean = result.history().stream().mapToDouble(EpochReport::seconds).average().orElse(0);
    System.out.printf(Locale.ROOT, "training: %.2f s per epoch (mean of %d)%n", mean, epochs);
    try (BioNetModel model = result.model()) {
      int warmup = 200;
      int runs = 2000;
      long[] nanos = new long[runs];
      for (int i = 0; i < warmup + runs; i++) {
        float[][] window = task.windows()[i % frames];
        long start = System.nanoTime();
        model.predictFrame(window);
        if (i >= warmup) {
          nanos[i - warmup] = System.nanoTime() - start;
        }
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "inference batch 1: p50 %.3f ms, p99 %.3f ms (%d runs)%n",
          nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, runs);
    }
  }
}
