package dev.mimik.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.CsvSignalReader;
import dev.mimik.core.io.csv.CsvSignalWriter;
import dev.mimik.core.io.csv.LandmarkCsvReader;
import dev.mimik.core.io.csv.LandmarkCsvWriter;
import dev.mimik.core.io.openbci.OpenBciReader;
import dev.mimik.core.io.openface.OpenFaceReader;
import dev.mimik.core.io.openface.OpenFaceWriter;
import dev.mimik.core.io.xdf.XdfReader;
import dev.mimik.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupts valid files of every format (truncation, flipped bytes, deleted or duplicated lines, inserted text) with
 * a fixed seed: each reader must either read the result or throw {@link BadInputException} naming the file.
 */
class ReaderFuzzTest {

  private static final int ROUNDS = 60;

  /** A parser under test. */
  @FunctionalInterface
  interface Parse {
    void read(Path file) throws Exception;
  }

  @TempDir Path dir;

  @Test
  void xdfReaderFailsOnlyWithBadInput() throws Exception {
    for (String name : List.of("minimal.xdf", "empty_streams.xdf")) {
      fuzz(Files.readAllBytes(SharedData.file("xdf/" + name)), "f.xdf", f -> new XdfReader().read(f), 11);
    }
  }

  @Test
  void openBciReaderFailsOnlyWithBadInput() throws Exception {
    List<String> lines = Files.readAllLines(SharedData.file("openbci/OpenBCI_GUI-v6-blinks-jawClench-alpha.txt"));
    byte[] head = (String.join("\n", lines.subList(0, 200)) + "\n").getBytes(StandardCharsets.UTF_8);
    fuzz(head, "f.txt", f -> new OpenBciReader().read(f), 12);
  }

  @Test
  void csvReadersFailOnlyWithBadInput() throws Exception {
    Path signal = dir.resolve("s.csv");
    new CsvSignalWriter().write(Signal.of(List.of(new Channel("a", "uV", 100, new Random(1).doubles(100).toArray()),
        new Channel("b", "uV", 100, new Random(2).doubles(100).toArray()))), signal);
    fuzz(Files.readAllBytes(signal), "f.csv", f -> new CsvSignalReader().read(f), 13);

    Path landmarks = dir.resolve("l.csv");
    new LandmarkCsvWriter().write(LandmarkFixtures.track(4, 8, 68), landmarks);
    fuzz(Files.readAllBytes(landmarks), "f.csv", f -> new LandmarkCsvReader().read(f), 14);

    Path openFace = dir.resolve("o.csv");
    new OpenFaceWriter().write(LandmarkFixtures.track(5, 8, 68), openFace);
    fuzz(Files.readAllBytes(openFace), "f.csv", f -> new OpenFaceReader().read(f), 15);

    Path blend = dir.resolve("b.csv");
    double[][] w = new double[10][52];
    for (double[] row : w) {
      Arrays.fill(row, 0.5);
    }
    BlendshapeCsv.write(new BlendshapeTrack(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Blendshapes.ARKIT_52, w),
        blend);
    fuzz(Files.readAllBytes(blend), "f.csv", BlendshapeCsv::read, 16);
  }

  private void fuzz(byte[] valid, String name, Parse parse, long seed) throws Exception {
    Random rnd = new Random(seed);
    int rejected = dev.mimik.testing.Corruptions.requireCleanFailures(dir.resolve(name), ROUNDS,
        round -> corrupt(valid, rnd), parse::read, BadInputException.class);
    assertThat(rejected).as("some corruptions must be caught (seed " + seed + ")").isPositive();
  }

  private static byte[] corrupt(byte[] valid, Random rnd) {
    return dev.mimik.testing.Corruptions.corrupt(valid, rnd);
  }
}
