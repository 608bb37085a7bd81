package dev.mimik.sim.ego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.png.GrayPng;
import dev.mimik.face.headset.Headsets;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.sim.performance.Performance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small simulated dataset (a synthetic and a real subject, 5 s each, 16-pixel views): its layout, determinism,
 * the pseudo ground truth, and the reader's rejection of broken image folders.
 */
class EgoDatasetTest {

  @TempDir static Path dir;
  private static Path data;
  private static Path small;
  private static List<EgoRecording> recordings;

  private static EgoSettings settings(int subjects, double seconds, int threads) {
    FaceRig rig = EmbeddedRig.load();
    return new EgoSettings(subjects, 1, seconds / 60.0, 4, Headsets.builtIn("refa5"),
        Headsets.builtIn("refa5-collect").groundTruthCameras(), List.of(Domain.SYNTHETIC, Domain.REAL), 16, threads,
        rig, rig, rig, PseudoLabeller.SPARSITY);
  }

  @BeforeAll
  static void simulate() throws IOException {
    data = dir.resolve("ego");
    recordings = new EgoSimulator(settings(2, 5, 2)).write(data, f -> { });
    small = dir.resolve("small");
    new EgoSimulator(settings(1, 1, 1)).write(small, f -> { });
  }

  @Test
  void theLayoutHoldsViewsLabelsSegmentsAndTruthApart() throws IOException {
    EgoDataset d = EgoDataset.open(data);
    assertThat(d.recordings()).extracting(EgoDataset.Entry::recording).containsExactly("s01/r01", "s02/r01");
    assertThat(d.recordings()).extracting(EgoDataset.Entry::labels).containsExactly("exact", "pseudo");
    for (EgoDataset.Entry e : d.recordings()) {
      assertThat(e.frames()).isEqualTo(151);
      int[][] sizes = d.checkViews(e, 1, f -> { });
      for (int[] size : sizes) {
        assertThat(size).containsExactly(16, 16);
      }
      assertThat(d.segments(e)).isNotEmpty();
      assertThat(d.labels(e).frameCount()).isEqualTo(151);
      assertThat(d.truth(e).frameCount()).isEqualTo(151);
    }
    assertThat(data.resolve("truth/s02/r01/donning.csv")).exists();
    assertThat(data.resolve("s01/r01/truth")).doesNotExist();
    assertThat(d.artPriors().prompts()).contains("jaw_drop");
  }

  @Test
  void theSameSettingsGiveTheSameBytesWhateverTheThreads() throws IOException {
    Path again = dir.resolve("again");
    new EgoSimulator(settings(2, 5, 1)).write(again, f -> { });
    for (String f : List.of("manifest.csv", "s01/r01/labels.csv", "s02/r01/labels.csv", "s02/r01/segments.csv",
        "s02/r01/views/mouth_left/000120.png", "s01/r01/views/eye_right/000007.png")) {
      assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(data.resolve(f)));
    }
  }

  @Test
  void syntheticLabelsAreExactAndPseudoLabelsFollowButMuteTheTruth() {
    EgoRecording synthetic = recordings.get(0);
    EgoRecording real = recordings.get(1);
    assertThat(synthetic.labels().weights()).isDeepEqualTo(synthetic.truth().weights());
    BlendshapeTrack l = real.labels();
    BlendshapeTrack t = real.truth();
    assertThat(l.weights()).isNotEqualTo(t.weights());
    // over the peak apexes, the shapes the prompt moves most reach less in the labels than in the truth
    double truthReach = 0;
    double labelReach = 0;
    for (PromptSegment s : real.segments()) {
      if (s.kind() != PromptSegment.Kind.PEAK) {
        continue;
      }
      int f = (int) Math.round(0.5 * (s.apexStartS() + s.apexEndS()) * 30);
      int k = argmax(t.weights()[f]);
      truthReach += t.weights()[f][k];
      labelReach += l.weights()[f][k];
    }
    assertThat(truthReach).isGreaterThan(0.3);
    assertThat(labelReach).isLessThan(truthReach).isGreaterThan(0.2 * truthReach);
    assertThat(real.subject().id()).isEqualTo("s02");
  }

  private static int argmax(double[] w) {
    int best = 0;
    for (int k = 1; k < w.length; k++) {
      if (w[k] > w[best] && !Blendshapes.ARKIT_52.get(k).startsWith("eyeLook")) {
        best = k;
      }
    }
    return best;
  }

  /** A copy of the small (one-second, one-subject) dataset to break. */
  private static Path copy(String name) throws IOException {
    Path to = dir.resolve(name);
    try (Stream<Path> all = Files.walk(small)) {
      for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
        Path q = to.resolve(small.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
    }
    return to;
  }

  private static void assertBad(Path dataset, String problem) throws IOException {
    EgoDataset d = EgoDataset.open(dataset);
    assertThatThrownBy(() -> {
      for (EgoDataset.Entry e : d.recordings()) {
        d.checkViews(e, 1, f -> { });
      }
    }).isInstanceOf(BadInputException.class).hasMessageContaining(problem);
  }

  @Test
  void brokenImageFoldersAreRejectedWithTheFileAndTheProblem() throws IOException {
    Path gap = copy("gap");
    Files.delete(gap.resolve("s01/r01/views/glabella/000010.png"));
    assertBad(gap, "glabella/000011.png: is out of sequence: expected 000010.png");

    Path stray = copy("stray");
    Files.writeString(stray.resolve("s01/r01/views/eye_left/notes.txt"), "x");
    assertBad(stray, "eye_left/notes.txt: is beyond the recording's 31 frames");

    Path corrupt = copy("corrupt");
    Files.writeString(corrupt.resolve("s01/r01/views/mouth_right/000003.png"), "not an image");
    assertBad(corrupt, "mouth_right/000003.png: not a PNG image");

    Path resized = copy("resized");
    GrayPng.write(resized.resolve("s01/r01/views/eye_right/000020.png"), 20, 16, new byte[320]);
    assertBad(resized, "eye_right/000020.png: is 20x16, the camera's first image 16x16");

    Path missing = copy("missing");
    try (Stream<Path> s = Files.walk(missing.resolve("s01/r01/views/mouth_left"))) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    assertBad(missing, "mouth_left: is missing: the headset has a camera mouth_left");

    Path foreign = copy("foreign");
    Files.createDirectories(foreign.resolve("s01/r01/views/chin"));
    assertBad(foreign, "chin: is not a camera of the headset");
  }

  @Test
  void aBrokenManifestIsRejectedWhenOpened() throws IOException {
    Path frames = copy("frames");
    Files.writeString(frames.resolve("manifest.csv"), Files.readString(frames.resolve("manifest.csv"))
        .replace(",31,", ",30,"));
    assertBad(frames, "holds 31 images, the manifest says 30 frames");
    Path noManifest = copy("nomanifest");
    Files.delete(noManifest.resolve("manifest.csv"));
    assertThatThrownBy(() -> EgoDataset.open(noManifest)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("has no manifest.csv");
    Path badRow = copy("badrow");
    Files.writeString(badRow.resolve("manifest.csv"), Files.readString(badRow.resolve("manifest.csv"))
        .replace("s01/r01,", "../x,"));
    assertThatThrownBy(() -> EgoDataset.open(badRow)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 2: recording \"../x\" is not a relative folder path");
  }

  @Test
  void theSubjectsPerformanceHasTheRecordingsFrames() {
    Performance p = new EgoPerformer(120).perform(recordings.get(0).subject(), 5, 1).performance();
    assertThat(p.durationSeconds()).isBetween(4.99, 5.01);
  }
}
