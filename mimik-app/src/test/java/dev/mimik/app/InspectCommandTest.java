package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.openface.OpenFaceWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void openBciRecordingShowsItsChannels() {
    Path file = shared("openbci/OpenBCI_GUI-v6-blinks-jawClench-alpha.txt");
    assertThat(Main.run("inspect", file.toString())).isZero();
    String text = stdout();
    assertThat(text).contains("format: OpenBCI GUI raw text").contains("channels: 8").contains("annotations: 0");
    assertThat(text).containsPattern("EXG Channel 7 +uV +250\\.000 +22490 +89\\.960");
    assertThat(text).contains("duration: 89.960 s");
  }

  @Test
  void xdfRecordingShowsStreamsAndAnnotations() {
    assertThat(Main.run("inspect", shared("xdf/minimal.xdf").toString())).isZero();
    assertThat(stdout()).contains("format: XDF").contains("channels: 3").contains("annotations: 9")
        .containsPattern("ch0 +- +10\\.0000 +9 +0\\.900");
  }

  @Test
  void xdfRecordingListsEachStreamWithItsType() {
    // the values shared/data/xdf/README.md documents for minimal.xdf
    assertThat(Main.run("inspect", shared("xdf/minimal.xdf").toString())).isZero();
    assertThat(stdout()).contains("streams: 2")
        .containsPattern("0 +SendDataC +EEG +3 +10 +int16 +9 +2\\n")
        .containsPattern("46202862 +SendDataString +StringMarker +1 +10 +string +9 +0\\n");
  }

  @Test
  void gltfFaceRigShowsItsMeshTargetsWithTheirArkitNamesLandmarksAndEyes() {
    assertThat(Main.run("inspect", shared("ict-facekit/ict_face_expressions.glb").toString())).isZero();
    // the values shared/data/ict-facekit/README.md documents
    assertThat(stdout()).contains("format: glTF 2.0 face rig", "vertices: 12549", "triangles: 24724",
        "morph targets: 53", "landmarks: 68 vertices").containsPattern("size: 183\\.9 x 288\\.5 x 163\\.2 mm")
        .containsPattern("eyeBlink_L +eyeBlinkLeft\\n").containsPattern("browInnerUp_R +browInnerUp\\n");
  }

  @Test
  void trackingModelShowsItsChannelsRateLandmarksWindowAndBlinkDetector() throws Exception {
    dev.mimik.learn.TinyModelFiles.trackingModel(dir, 3);
    assertThat(Main.run("inspect", dir.resolve("tiny-3.mimik").toString())).isZero();
    assertThat(stdout()).contains("format: mimik tracking model (mimik-model/1)", "landmarks: IBUG_51 (51 points)",
        "channels: 1 (EXG1)", "sampling rate: 250 Hz", "window: 0.200 s = 10 feature samples at 50 Hz",
        "frame rate: 30 fps", "blink detector: EXG1, upward deflection",
        "EMG envelopes per channel: 1 (the whole band); inputs as they are");
  }

  @Test
  void eiferModelShowsItsChannelsBlendshapesRateWindowAndInputs() throws Exception {
    dev.mimik.learn.TinyModelFiles.eiferModel(dir, 3);
    assertThat(Main.run("inspect", dir.resolve("tiny-3.zip").toString())).isZero();
    assertThat(stdout()).contains("format: EIFER model (mimik-eifer/1)", "channels: 2 (Zyg li, Corr li)",
        "blendshapes: 2 (mouthSmileLeft, browDownLeft)", "frame rate: 30 fps", "window: 3 frames (0.100 s",
        "EMG2Exp inputs: 6 (envelopes over the window), layers 6 -> 2", "Exp2EMG inputs: 6");
  }

  @Test
  void aZipThatIsNoModelIsRefusedNamingIt() throws Exception {
    Path zip = dir.resolve("other.zip");
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
      z.write("{\"format\": \"something/2\"}".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertThat(Main.run("inspect", zip.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(zip.toString()).contains("'something/2'");
  }

  @Test
  void landmarkFileShowsFramesPointsAndMissing() throws Exception {
    double[] times = {0, 0.1, 0.2, 0.3};
    double[][] frames = new double[4][136];
    for (double[] f : frames) {
      Arrays.fill(f, 10);
    }
    Arrays.fill(frames[1], Double.NaN);
    Path file = dir.resolve("of.csv");
    new OpenFaceWriter().write(new LandmarkTrack(times, 68, frames, new boolean[] {false, true, false, false}), file);
    assertThat(Main.run("inspect", file.toString())).isZero();
    assertThat(stdout()).contains("format: OpenFace 2.0 CSV").contains("frames: 4").contains("points: 68")
        .contains("missing frames: 1").contains("frame rate: 10.000 fps");
  }

  @Test
  void blendshapeFileShowsFramesAndNames() throws Exception {
    Path file = dir.resolve("blendshapes.csv");
    BlendshapeCsv.write(new BlendshapeTrack(new double[] {0, 0.5}, Blendshapes.ARKIT_52, new double[2][52]), file);
    assertThat(Main.run("inspect", file.toString())).isZero();
    assertThat(stdout()).contains("format: blendshape CSV").contains("frames: 2").contains("blendshapes: 52")
        .contains(Blendshapes.ARKIT_52.get(0) + ", " + Blendshapes.ARKIT_52.get(1));
  }

  @Test
  void badFileExitsWithTwoAndOneLineNamingIt() throws Exception {
    Path file = dir.resolve("broken.csv");
    Files.writeString(file, "time_s,a\n0,1\n0.1,oops\n");
    assertThat(Main.run("inspect", file.toString())).isEqualTo(2);
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message.lines()).hasSize(1);
    assertThat(message).contains(file.toString()).contains("line 3");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void unknownAndMissingFilesExitWithTwo() throws Exception {
    Path unknown = dir.resolve("notes.txt");
    Files.writeString(unknown, "hello\n");
    assertThat(Main.run("inspect", unknown.toString())).isEqualTo(2);
    assertThat(Main.run("inspect", dir.resolve("absent.edf").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).contains("notes.txt").contains("unknown format"))
        .anySatisfy(l -> assertThat(l).contains("absent.edf").contains("no such file"));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Path shared(String relative) {
    return dev.mimik.testing.SharedData.file(relative);
  }
}
