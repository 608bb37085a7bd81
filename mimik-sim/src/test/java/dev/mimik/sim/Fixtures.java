package dev.mimik.sim;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Seeded builders shared by the simulator's tests. */
public final class Fixtures {

  private Fixtures() {}

  /** A participant with unit gains, no electrode jitter, low noise, 50 Hz mains. */
  public static Participant typical() {
    return new Participant("t01", 7, new double[4], 0, 5, 0.5, 1, 1, 17, 0.25, 1, 50);
  }

  /** A performance holding {@code weights} for {@code seconds}, eyes still and open, head still. */
  public static Performance holding(double[] weights, double seconds) {
    int n = (int) (seconds * 120) + 1;
    double[][] w = new double[n][];
    for (int i = 0; i < n; i++) {
      w[i] = weights.clone();
    }
    return new Performance(120, w, new double[n], new double[n], new double[n][6], List.of(), List.of());
  }

  /** No weights at all. */
  public static double[] rest() {
    return new double[Blendshapes.ARKIT_52.size()];
  }

  /** A file of the shared data folder, or the test is skipped with the reason. */
  public static Path shared(String relative) {
    String root = System.getProperty("mimik.shared");
    Assumptions.assumeTrue(root != null, "system property mimik.shared is not set");
    Path p = Path.of(root, relative);
    Assumptions.assumeTrue(Files.isRegularFile(p), "shared data missing: " + p);
    return p;
  }
}
