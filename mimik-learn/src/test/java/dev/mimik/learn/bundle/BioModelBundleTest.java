package dev.mimik.learn.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.BadInputException;
import dev.mimik.learn.SyntheticTask;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.train.BioNetTrainer;
import dev.mimik.learn.train.TrainingOptions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BioModelBundleTest {

  static final BioNetConfig CONFIG =
      new BioNetConfig(2, 16, LandmarkSet.IBUG_53, new int[] {4}, new int[] {3}, 2, 16, 0.1f);
  static SyntheticTask task;
  @TempDir static Path dir;
  static Path saved;

  @BeforeAll
  static void trainAndSave() throws Exception {
    task = SyntheticTask.generate(200, 2, 16, LandmarkSet.IBUG_53, 3);
    ObjectNode bands = JsonNodeFactory.instance.objectNode();
    bands.putArray("bands").add("emg").add("eog");
    bands.put("rate_hz", 500);
    saved = dir.resolve("model.mimik");
    try (BioNetModel model = new BioNetTrainer(new TrainingOptions(2, 32, 1e-3f, 0, 1, 0.2, 2, 1, false))
        .train(CONFIG, bands, task.windows(), task.targets(), null).model()) {
      BioModelBundle.save(model, saved);
    }
  }

  @Test
  void aSavedModelLoadsAndPredictsIdentically(@TempDir Path tmp) throws Exception {
    try (BioNetModel first = BioModelBundle.load(saved)) {
      Path copy = tmp.resolve("again.mimik");
      BioModelBundle.save(first, copy);
      try (BioNetModel second = BioModelBundle.load(copy)) {
        assertThat(second.config()).isEqualTo(CONFIG);
        assertThat(second.landmarkSet()).isEqualTo(LandmarkSet.IBUG_53);
        assertThat(second.bandSettings().path("rate_hz").asInt()).isEqualTo(500);
        assertThat(second.normalisation().targetStd()).containsExactly(first.normalisation().targetStd());
        float[][] a = first.predict(task.windows());
        assertThat(second.predict(task.windows())).isDeepEqualTo(a);
        assertThat(a[0]).hasSize(106);
        for (int f = 0; f < 5; f++) { // batch 1 takes another kernel path: equal up to float rounding
          assertThat(second.predictFrame(task.windows()[f])).containsExactly(a[f], org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
    }
  }

  @Test
  void aTruncatedFileIsRejectedWithItsName(@TempDir Path tmp) throws Exception {
    byte[] bytes = Files.readAllBytes(saved);
    Path broken = tmp.resolve("truncated.mimik");
    Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> BioModelBundle.load(broken))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(broken.toString());
  }

  @Test
  void garbageAndMissingFilesAreRejectedWithTheirNames(@TempDir Path tmp) throws Exception {
    Path text = tmp.resolve("notes.mimik");
    Files.writeString(text, "hello, not a model");
    assertThatThrownBy(() -> BioModelBundle.load(text))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(text.toString());
    Path missing = tmp.resolve("missing.mimik");
    assertThatThrownBy(() -> BioModelBundle.load(missing))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(missing.toString());
  }

  @Test
  void anotherFormatVersionIsRejected(@TempDir Path tmp) throws Exception {
    Path future = rewrite(tmp.resolve("future.mimik"), "manifest.json",
        s -> s.replace("mimik-model/1", "mimik-model/2"));
    assertThatThrownBy(() -> BioModelBundle.load(future))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(future.toString())
        .hasMessageContaining("mimik-model/2");
  }

  @Test
  void damagedWeightsAreRejected(@TempDir Path tmp) throws Exception {
    Path damaged = rewrite(tmp.resolve("damaged.mimik"), "parameters.djl", s -> s.substring(0, s.length() / 3));
    assertThatThrownBy(() -> BioModelBundle.load(damaged))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(damaged.toString());
  }

  /** A copy of the saved model with one entry changed (as ISO-8859-1 text, so bytes survive). */
  private static Path rewrite(Path target, String entry, java.util.function.UnaryOperator<String> change) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(saved); ZipInputStream zin = new ZipInputStream(in);
        ZipOutputStream zout = new ZipOutputStream(bytes)) {
      for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
        byte[] content = zin.readAllBytes();
        if (e.getName().equals(entry)) {
          content = change.apply(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1))
              .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        zout.putNextEntry(new ZipEntry(e.getName()));
        zout.write(content);
      }
    }
    try (OutputStream out = Files.newOutputStream(target)) {
      out.write(bytes.toByteArray());
    }
    return target;
  }
}
