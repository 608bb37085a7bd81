package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.app.Main;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code mimik batch simulate} writes the files {@code mimik simulate} writes. */
class BatchSimulateTest {

  @Test
  void oneTaskPerSessionWritesWhatSimulateWrites() throws Exception {
    Path dir = TinyDataset.get().folder("simulate");
    String[] options = {"--participants", "2", "--sessions-per-participant", "2", "--minutes", "0.05", "--seed", "9"};
    String[] single = new String[options.length + 3];
    single[0] = "simulate";
    single[1] = "--out";
    single[2] = dir.resolve("single").toString();
    System.arraycopy(options, 0, single, 3, options.length);
    assertThat(Main.run(single)).isZero();
    String[] batch = new String[options.length + 7];
    System.arraycopy(single, 0, batch, 0, 3);
    batch[2] = dir.resolve("batch").toString();
    System.arraycopy(options, 0, batch, 3, options.length);
    System.arraycopy(new String[] {"--master", "local[2]", "--conf", "spark.ui.enabled=false"}, 0, batch,
        options.length + 3, 4);
    String[] r = BatchTrackTest.batch(batch);
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    for (String id : new String[] {"p01/s01", "p01/s02", "p02/s01", "p02/s02"}) {
      SameFiles.assertSame(dir.resolve("single").resolve(id), dir.resolve("batch").resolve(id));
    }
    assertThat(dir.resolve("batch/manifest.csv")).hasSameBinaryContentAs(dir.resolve("single/manifest.csv"));
  }
}
