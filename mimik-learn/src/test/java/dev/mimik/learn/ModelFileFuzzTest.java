package dev.mimik.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.io.BadInputException;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.eifer.EiferModelFile;
import dev.mimik.testing.Corruptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupts valid model files with a fixed seed, as bytes and inside their zip entries (the zip rebuilt around the
 * damage, so that it reaches the parsers): loading must either succeed or fail with {@link BadInputException}
 * naming the file; any other exception fails the test. Coverage-guided fuzzing of the same loaders is in
 * mimik-app's {@code InputFuzzTest}.
 */
class ModelFileFuzzTest {

  private static final int ROUNDS = 60;

  @TempDir Path dir;

  @Test
  void trackingModelsFailOnlyWithBadInput() throws Exception {
    byte[] valid = TinyModelFiles.trackingModel(dir, 1);
    try (TrackingModel m = TrackingModel.load(dir.resolve("tiny-1.mimik"))) {
      assertThat(m.blinks()).isPresent();
    }
    fuzz(valid, "f.mimik", f -> TrackingModel.load(f).close(), 21);
  }

  @Test
  void eiferModelsFailOnlyWithBadInput() throws Exception {
    byte[] valid = TinyModelFiles.eiferModel(dir, 1);
    assertThat(EiferModelFile.read(dir.resolve("tiny-1.zip")).channels()).hasSize(2);
    fuzz(valid, "f.zip", EiferModelFile::read, 22);
  }

  @Test
  void aParameterSizeClaimingGigabytesIsRefusedWithoutAllocatingThem() throws Exception {
    byte[] valid = TinyModelFiles.trackingModel(dir, 2);
    java.util.Map<String, byte[]> entries = Corruptions.entries(valid);
    byte[] params = entries.get("parameters.djl");
    // the first array's shape: its dimension count follows the data type's name
    byte[] type = "FLOAT32".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int at = indexOf(params, type) + type.length;
    java.nio.ByteBuffer.wrap(params, at, 4).putInt(Integer.MAX_VALUE);
    Path file = dir.resolve("huge.mimik");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrackingModel.load(file))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(file.toString())
        .hasMessageContaining("do not fit the configuration");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private void fuzz(byte[] valid, String name, Corruptions.Read load, long seed) throws Exception {
    Random rnd = new Random(seed);
    int rejected = Corruptions.requireCleanFailures(dir.resolve(name), ROUNDS, round -> round % 2 == 0
        ? Corruptions.corrupt(valid, rnd) : Corruptions.corruptZipEntry(valid, rnd), load, BadInputException.class);
    assertThat(rejected).as("some corruptions must be caught").isPositive();
  }
}
