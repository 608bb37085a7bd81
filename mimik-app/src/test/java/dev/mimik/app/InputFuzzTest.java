package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mimik.app.serve.IngestDecoder;
import dev.mimik.app.serve.SampleBlock;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.TextTable;
import dev.mimik.learn.TinyModelFiles;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.eifer.EiferModelFile;
import dev.mimik.signal.reference.BipolarPairs;
import dev.mimik.testing.Corruptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing (Jazzer) of the inputs the corruption tests cannot reach by chance: model files
 * ({@code .mimik} through {@link TrackingModel#load}, EIFER zips through {@link EiferModelFile#read}), bipolar
 * pairs files ({@link BipolarPairs#parse}) and ingest messages (both forms of {@link IngestDecoder}). A file may
 * only load or fail with {@link BadInputException} naming it; a message may only decode or fail with
 * {@link IllegalArgumentException} (the server's {@code {"error": ...}} reply). Anything else, a hang (libFuzzer's
 * {@code -timeout}) or running out of memory is a finding. Seeds are valid inputs made by code.
 *
 * <p>A model file is fuzzed two ways, picked by the input's first byte: as the zip's raw bytes (the zip layer), and
 * as its entries, each a 2-byte length and its bytes in a fixed order, zipped afresh (so that mutations get past
 * the zip's checksums to the JSON and network parameters behind them).
 *
 * <p>{@link #everyInput} takes all four (the first byte picks one) and is what the normal test run fuzzes for a
 * few seconds; the others fuzz one input each for a long run, one per JVM (Jazzer fuzzes one test per run), as
 * docs/notes/fuzzing.md describes. Without {@code JAZZER_FUZZ} they replay their seeds only.
 */
class InputFuzzTest {

  private static final List<String> MODEL_ENTRIES = List.of("manifest.json", "config.json", "normalisation.json",
      "band-settings.json", "parameters.djl");
  private static final List<String> EIFER_ENTRIES = List.of("manifest.json", "emg2exp.json", "exp2emg.json",
      "emg2exp-linear.json", "exp2emg-linear.json");
  private static final Path DIR;
  private static final Map<String, AtomicLong> CASES = new LinkedHashMap<>();

  static {
    try {
      DIR = Files.createTempDirectory("mimik-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String input : List.of("model", "eifer", "pairs", "ingest")) {
      CASES.put(input, new AtomicLong());
    }
  }

  @MethodSource("allSeeds")
  @FuzzTest(maxDuration = "10s")
  void everyInput(byte[] data) throws Exception {
    if (data.length == 0) {
      return;
    }
    byte[] rest = java.util.Arrays.copyOfRange(data, 1, data.length);
    switch (Math.floorMod(data[0], 4)) {
      case 0 -> modelFiles(rest);
      case 1 -> eiferFiles(rest);
      case 2 -> pairsFiles(rest);
      default -> ingestMessages(rest);
    }
  }

  @MethodSource("modelSeeds")
  @FuzzTest(maxDuration = "10m")
  void modelFiles(byte[] data) throws Exception {
    read("model", "f.mimik", asZip(data, MODEL_ENTRIES), f -> TrackingModel.load(f).close());
  }

  @MethodSource("eiferSeeds")
  @FuzzTest(maxDuration = "10m")
  void eiferFiles(byte[] data) throws Exception {
    read("eifer", "f.zip", asZip(data, EIFER_ENTRIES), EiferModelFile::read);
  }

  @MethodSource("pairsSeeds")
  @FuzzTest(maxDuration = "10m")
  void pairsFiles(byte[] data) throws Exception {
    read("pairs", "f.csv", data, f -> BipolarPairs.parse(TextTable.read(f)));
  }

  @MethodSource("ingestSeeds")
  @FuzzTest(maxDuration = "10m")
  void ingestMessages(byte[] data) {
    CASES.get("ingest").incrementAndGet();
    try {
      IngestDecoder.decodeBinary(ByteBuffer.wrap(data));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    try {
      IngestDecoder.decodeJson(new String(data, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @AfterAll
  static void report() {
    StringBuilder line = new StringBuilder("fuzz cases run:");
    CASES.forEach((input, n) -> line.append(' ').append(input).append(' ').append(n.get()));
    System.out.println(line);
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(DIR);
    } catch (IOException e) {
      // a temporary folder left behind: nothing else to do
    }
  }

  /** One case of a file input: written, then read; it may only be read or refused naming the file. */
  private static void read(String input, String name, byte[] bytes, Corruptions.Read reader) throws IOException {
    CASES.get(input).incrementAndGet();
    Corruptions.requireCleanFailures(DIR.resolve(name), 1, round -> bytes, reader, BadInputException.class);
  }

  /**
   * A model file from a fuzz input: after an even first byte the rest as it is (a zip's bytes); after an odd one,
   * the rest read as entries (2-byte big-endian length, then the bytes; an entry the input runs out before is
   * missing) and zipped.
   */
  static byte[] asZip(byte[] data, List<String> names) throws IOException {
    if (data.length == 0) {
      return data;
    }
    if (data[0] % 2 == 0) {
      return java.util.Arrays.copyOfRange(data, 1, data.length);
    }
    ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        if (in.remaining() < 2) {
          break;
        }
        byte[] entry = new byte[Math.min(Short.toUnsignedInt(in.getShort()), in.remaining())];
        in.get(entry);
        zip.putNextEntry(new ZipEntry(name));
        zip.write(entry);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** The two fuzz inputs of a valid model file: its bytes, and its entries as {@link #asZip} reads them. */
  private static Stream<Arguments> zipSeeds(byte[] zip, List<String> names) {
    Map<String, byte[]> entries = Corruptions.entries(zip);
    java.io.ByteArrayOutputStream split = new java.io.ByteArrayOutputStream();
    split.write(1);
    for (String name : names) {
      byte[] entry = entries.get(name);
      split.write(entry.length >> 8);
      split.write(entry.length & 0xff);
      split.writeBytes(entry);
    }
    byte[] raw = new byte[zip.length + 1];
    System.arraycopy(zip, 0, raw, 1, zip.length);
    return Stream.of(Arguments.of((Object) raw), Arguments.of((Object) split.toByteArray()));
  }

  static Stream<Arguments> modelSeeds() throws IOException {
    return zipSeeds(TinyModelFiles.trackingModel(DIR, 1), MODEL_ENTRIES);
  }

  static Stream<Arguments> eiferSeeds() throws IOException {
    return zipSeeds(TinyModelFiles.eiferModel(DIR, 1), EIFER_ENTRIES);
  }

  static Stream<Arguments> pairsSeeds() {
    return Stream.of(Arguments.of((Object) "channel,plus,minus\nZyg li,EXG3,EXG1\n\nCorr li , EXG1 , EXG2\n"
        .getBytes(StandardCharsets.UTF_8)));
  }

  static Stream<Arguments> ingestSeeds() {
    byte[] binary = IngestDecoder.encodeBinary(new SampleBlock(42, 250, new double[][] {{1, 2, 3}, {-1.5, 0, 3.5}}))
        .array();
    byte[] json = "{\"seq\": 17, \"rate\": 250.0, \"samples\": [[12.5, 13.1], [-3.0, -2.8]]}"
        .getBytes(StandardCharsets.UTF_8);
    return Stream.of(Arguments.of((Object) binary), Arguments.of((Object) json));
  }

  /** Every seed of the four inputs, each behind the byte that picks its input in {@link #everyInput}. */
  static Stream<Arguments> allSeeds() throws IOException {
    List<Arguments> all = new ArrayList<>();
    List<Stream<Arguments>> inputs = List.of(modelSeeds(), eiferSeeds(), pairsSeeds(), ingestSeeds());
    for (int k = 0; k < inputs.size(); k++) {
      byte selector = (byte) k;
      inputs.get(k).forEach(a -> {
        byte[] seed = (byte[]) a.get()[0];
        byte[] tagged = new byte[seed.length + 1];
        tagged[0] = selector;
        System.arraycopy(seed, 0, tagged, 1, seed.length);
        all.add(Arguments.of((Object) tagged));
      });
    }
    return all.stream();
  }
}
