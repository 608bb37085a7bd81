package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.learn.eifer.MapMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mimik fit} on a simulated session's landmarks, whose true blendshapes are known. */
class FitCommandTest {

  @TempDir static Path dir;
  static Path session;

  @BeforeAll
  static void simulate() {
    Path data = dir.resolve("sim");
    CapturedRun.Result sim = CapturedRun.run("simulate", "--out", data.toString(), "--participants", "1",
        "--sessions-per-participant", "1", "--minutes", "0.4", "--seed", "5");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    session = data.resolve("p01/s01");
  }

  @Test
  void theFittedBlendshapesFollowTheTrueOnesAndTheFaceIsWritten() throws Exception {
    Path out = dir.resolve("fitted");
    // the exact landmarks (70 points, biosignal clock) line up with the true blendshapes frame by frame
    CapturedRun.Result r = CapturedRun.run("fit", "--landmarks", session.resolve("truth/landmarks.csv").toString(),
        "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("ibug_53");
    BlendshapeTrack fitted = BlendshapeCsv.read(out.resolve("blendshapes.csv"));
    BlendshapeTrack truth = BlendshapeCsv.read(session.resolve("truth/blendshapes.csv"));
    assertThat(fitted.names()).isEqualTo(Blendshapes.ARKIT_52);
    assertThat(fitted.frameCount()).isEqualTo(truth.frameCount());
    for (String name : new String[] {"jawOpen", "eyeBlinkLeft", "mouthSmileRight", "eyeLookInLeft"}) {
      assertThat(MapMetrics.pearson(fitted.column(name), truth.column(name))).as(name).isGreaterThan(0.8);
    }
    assertThat(Files.size(out.resolve("face.glb"))).isGreaterThan(10_000);
    assertThat(Files.readString(out.resolve("report.html"))).contains("The fitted face", "data:image/png");
  }

  @Test
  void theOpenFaceFileOfTheSessionFitsWithOrWithoutItsPupils() {
    Path openFace = session.resolve("landmarks.csv");
    CapturedRun.Result pupils = CapturedRun.run("fit", "--landmarks", openFace.toString(), "--out",
        dir.resolve("of53").toString(), "--no-eye-adjust");
    assertThat(pupils.exitCode()).as(pupils.err()).isZero();
    assertThat(pupils.out()).contains("ibug_53");
    CapturedRun.Result face = CapturedRun.run("fit", "--landmarks", openFace.toString(), "--out",
        dir.resolve("of68").toString(), "--points", "68");
    assertThat(face.exitCode()).as(face.err()).isZero();
    assertThat(face.out()).contains("ibug_68");
  }

  @Test
  void landmarksWithoutPupilsCannotBeFittedAs53AndNothingIsWritten() throws Exception {
    Path file = dir.resolve("face68.csv");
    StringBuilder text = new StringBuilder("time_s");
    for (int i = 0; i < 68; i++) {
      text.append(",x").append(i).append(",y").append(i);
    }
    text.append("\n0.0");
    for (int i = 0; i < 136; i++) {
      text.append(",").append(300 + i);
    }
    Files.writeString(file, text.append('\n'));
    Path out = dir.resolve("nothing");
    CapturedRun.Result r = CapturedRun.run("fit", "--landmarks", file.toString(), "--out", out.toString(), "--points",
        "53");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).contains(file.toString()).contains("pupils");
    assertThat(out).doesNotExist();
  }
}
