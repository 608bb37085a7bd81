package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Signal;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.learn.bioface.SessionSignals;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long work killed with SIGKILL part way (a real {@code mimik} process, killed as the kernel kills it) leaves no
 * partial output under the output's name, and the same command run again resumes where it stopped and ends with what
 * an uninterrupted run writes.
 */
class KillAndResumeTest {

  @TempDir Path dir;

  /** Starts {@code mimik ARGS} in a process of its own, its output discarded. */
  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Kills {@code p} with SIGKILL as soon as {@code file} exists (within two minutes). */
  private static void killWhenExists(Process p, Path file) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.exists(file) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(Files.exists(file)).as("%s appeared before the process ended", file).isTrue();
    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void aKilledSimulationResumesAndWritesWhatAnUninterruptedOneWrites() throws Exception {
    String[] settings = {"--participants", "3", "--minutes", "0.2", "--seed", "4"};
    Path out = dir.resolve("killed");
    Process p = start(concat(new String[] {"simulate", "--out", out.toString()}, settings));
    killWhenExists(p, dir.resolve(".killed.partial/p01/s01/.done"));
    assertThat(out).as("no partial dataset under the output's name").doesNotExist();

    CapturedRun.Result again = CapturedRun.run(concat(new String[] {"simulate", "--out", out.toString()}, settings));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("written by an earlier run");
    assertThat(dir.resolve(".killed.partial")).doesNotExist();

    Path whole = dir.resolve("whole");
    CapturedRun.Result once = CapturedRun.run(concat(new String[] {"simulate", "--out", whole.toString()}, settings));
    assertThat(once.exitCode()).as(once.err()).isZero();
    assertThat(files(out)).isEqualTo(files(whole));
    for (Path f : files(whole)) {
      assertThat(Files.readAllBytes(out.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(whole.resolve(f)));
    }
  }

  @Test
  void aSimulationLeftUnfinishedByAnotherIsRefusedRatherThanMixedIn() throws Exception {
    Path out = dir.resolve("mixed");
    Files.createDirectories(dir.resolve(".mixed.partial"));
    Files.writeString(dir.resolve(".mixed.partial/.simulation"), "something else\n");
    CapturedRun.Result r = CapturedRun.run("simulate", "--out", out.toString(), "--minutes", "0.1");
    assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.err()).contains(".mixed.partial").contains("another simulation");
    assertThat(out).doesNotExist();
  }

  @Test
  void aKilledTrainingResumesFromItsCheckpointAndEndsWithTheSameModel() throws Exception {
    Path data = dir.resolve("sim");
    CapturedRun.Result sim = CapturedRun.run("simulate", "--out", data.toString(), "--minutes", "0.3", "--seed", "2");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    String manifest = data.resolve("manifest.csv").toString();
    Path model = dir.resolve("killed.mimik");
    Process p = start("train", "--manifest", manifest, "--out", model.toString(), "--epochs", "4");
    killWhenExists(p, dir.resolve("killed.mimik.checkpoint"));
    assertThat(model).as("no model before training ends").doesNotExist();

    CapturedRun.Result again = CapturedRun.run("train", "--manifest", manifest, "--out", model.toString(),
        "--epochs", "4");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).doesNotContain("epoch 1/4").contains("epoch 4/4");
    assertThat(dir.resolve("killed.mimik.checkpoint")).doesNotExist();

    Path whole = dir.resolve("whole.mimik");
    CapturedRun.Result once = CapturedRun.run("train", "--manifest", manifest, "--out", whole.toString(),
        "--epochs", "4");
    assertThat(once.exitCode()).as(once.err()).isZero();
    Signal signal = SignalFormats.standard().read(data.resolve("p01/s01/signals.edf"));
    try (TrackingModel resumed = TrackingModel.load(model); TrackingModel uninterrupted = TrackingModel.load(whole)) {
      double[][] raw = SessionSignals.select(signal, resumed.frontEnd(), data, w -> { });
      float[][] window = new float[resumed.frontEnd().inputCount()][resumed.frontEnd().windowSamples()];
      for (int i = 0; i < window.length; i++) {
        for (int s = 0; s < window[i].length; s++) {
          window[i][s] = (float) raw[i / 2][1000 + 7 * s] / 50f;
        }
      }
      assertThat(resumed.network().predictFrame(window))
          .containsExactly(uninterrupted.network().predictFrame(window));
    }
  }

  @Test
  void aKilledEmgTrainingKeepsItsFinishedMapAndEndsWithTheSameModel() throws Exception {
    Path sim = dir.resolve("fridlund");
    CapturedRun.Result r = CapturedRun.run("simulate", "--out", sim.toString(), "--minutes", "0.4", "--montage",
        "fridlund", "--rate", "1024", "--seed", "6");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] args = {"--signals", sim.resolve("p01/s01/signals.edf").toString(), "--blendshapes",
        sim.resolve("p01/s01/truth/blendshapes.csv").toString(), "--preset", "eifer"};
    Path model = dir.resolve("killed.zip");
    Process p = start(concat(concat(new String[] {"emg", "train"}, args), new String[] {"--out", model.toString()}));
    killWhenExists(p, dir.resolve("killed.zip.checkpoint"));
    assertThat(model).doesNotExist();
    CapturedRun.Result again = CapturedRun.run(concat(concat(new String[] {"emg", "train"}, args),
        new String[] {"--out", model.toString()}));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(dir.resolve("killed.zip.checkpoint")).doesNotExist();
    Path whole = dir.resolve("whole.zip");
    CapturedRun.Result once = CapturedRun.run(concat(concat(new String[] {"emg", "train"}, args),
        new String[] {"--out", whole.toString()}));
    assertThat(once.exitCode()).as(once.err()).isZero();
    EiferModel resumed = EiferModelFile.read(model);
    EiferModel uninterrupted = EiferModelFile.read(whole);
    for (int layer = 0; layer < uninterrupted.emg2exp().weights().size(); layer++) {
      assertThat(resumed.emg2exp().weights().get(layer)).isDeepEqualTo(uninterrupted.emg2exp().weights().get(layer));
    }
    for (int layer = 0; layer < uninterrupted.exp2emg().weights().size(); layer++) {
      assertThat(resumed.exp2emg().weights().get(layer)).isDeepEqualTo(uninterrupted.exp2emg().weights().get(layer));
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
