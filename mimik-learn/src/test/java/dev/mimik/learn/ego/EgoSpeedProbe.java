package dev.mimik.learn.ego;

import dev.mimik.learn.engine.TorchEngine;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** Not a test: prints training CPU seconds per step and batch-1 latency for a few sizes. */
public final class EgoSpeedProbe {

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    TorchEngine.setThreads(threads);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int a = 1; a < args.length; a++) {
      String[] p = args[a].split(":");
      int size = Integer.parseInt(p[0]);
      int[] widths = java.util.Arrays.stream(p[1].split(",")).mapToInt(Integer::parseInt).toArray();
      EgoNetConfig config = EgoNetConfig.defaults().withImageSize(size).withWidths(widths);
      List<EgoClip> real = EgoFixtures.clips(2, 200, size, true, 0.2, 1);
      List<EgoClip> syn = EgoFixtures.clips(2, 200, size, false, 0.2, 2);
      EgoTrainingOptions o = EgoTrainingOptions.defaults().withEpochs(2, 30);
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      EgoTrainer.Result r = new EgoTrainer(o).train(config, List.of("a", "b", "c", "d", "e"), real, syn, null);
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      double wall = (System.nanoTime() - t0) / 1e9;
      double[] ms = new double[300];
      try (EgoModel m = r.model()) {
        for (int i = 0; i < 350; i++) {
          long s = System.nanoTime();
          m.run(new byte[][] {real.get(0).views()[i % 200]});
          if (i >= 50) {
            ms[i - 50] = (System.nanoTime() - s) / 1e6;
          }
        }
      }
      java.util.Arrays.sort(ms);
      System.out.printf(Locale.ROOT, "threads %d size %d widths %s: train %.3f cpu s/step %.3f wall s/step (60 steps,"
          + " batch 64, incl. stats); infer p50 %.2f ms p99 %.2f ms%n", threads, size, p[1], cpu / 60, wall / 60,
          ms[150], ms[296]);
    }
  }
}
