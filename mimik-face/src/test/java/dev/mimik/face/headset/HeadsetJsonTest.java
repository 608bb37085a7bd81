package dev.mimik.face.headset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The headset description: built-ins, a round trip, and one clear message per kind of bad file. */
class HeadsetJsonTest {

  @TempDir Path dir;

  private static final String CAMERA = "{\"name\": \"eye_left\", \"role\": \"eye\", \"side\": \"left\","
      + " \"position_mm\": [36, -16, 42], \"look_at_mm\": [31, 14, 12],"
      + " \"intrinsics\": {\"model\": \"pinhole\", \"fov_deg\": 85, \"resolution\": [400, 400]}}";
  private static final String LED = "{\"name\": \"led\", \"position_mm\": [40, -16, 42], \"power_mw_per_sr\": 4}";

  private static String headset(String camera, String led) {
    return "{\"format\": \"mimik-headset/1\", \"name\": \"h\", \"fps\": 30, \"cameras\": [" + camera
        + "], \"illuminators\": [" + led + "]}";
  }

  @Test
  void theBuiltInHeadsetsLoadWithTheirCameras() {
    Headset refa5 = Headsets.builtIn("refa5");
    assertThat(refa5.cameras()).extracting(HeadsetCamera::name)
        .containsExactly("eye_left", "eye_right", "mouth_left", "mouth_right", "glabella");
    assertThat(refa5.cameras()).allSatisfy(c -> assertThat(c.intrinsics().width()).isEqualTo(400));
    assertThat(refa5.fps()).isEqualTo(30);
    Headset collect = Headsets.builtIn("refa5-collect");
    assertThat(collect.embeddedCameras()).hasSize(5);
    assertThat(collect.groundTruthCameras()).extracting(HeadsetCamera::name)
        .containsExactly("boom_left", "boom_right", "eye_gt_left", "eye_gt_right", "glabella_gt");
    for (String name : Headsets.NAMES) {
      Headset h = Headsets.builtIn(name);
      assertThat(h.embeddedCameras()).extracting(HeadsetCamera::role)
          .containsExactly(CameraRole.EYE, CameraRole.EYE, CameraRole.MOUTH, CameraRole.MOUTH, CameraRole.GLABELLA);
    }
  }

  @Test
  void aCameraLooksAtItsTargetWithTheHeadsUpOnTop() {
    Headset h = HeadsetJson.parse(Path.of("x.json"), headset(CAMERA, LED).getBytes(StandardCharsets.UTF_8));
    HeadsetCamera c = h.camera("eye_left");
    Vector3D target = c.toCamera(new Vector3D(31, 14, 12));
    assertThat(target.getX()).isCloseTo(0, within(1e-9));
    assertThat(target.getY()).isCloseTo(0, within(1e-9));
    assertThat(target.getZ()).isNegative();
    // a point above the target appears above the image centre
    assertThat(c.projection(400).project(c.toCamera(new Vector3D(31, 24, 12))).getY()).isLessThan(200);
  }

  @Test
  void writingAndReadingGivesTheSameHeadset() throws IOException {
    for (String name : Headsets.NAMES) {
      Headset h = Headsets.builtIn(name);
      Path file = dir.resolve(name + ".json");
      HeadsetJson.write(h, file);
      Headset back = HeadsetJson.read(file);
      assertThat(back.cameras()).hasSameSizeAs(h.cameras());
      for (int i = 0; i < h.cameras().size(); i++) {
        HeadsetCamera a = h.cameras().get(i);
        HeadsetCamera b = back.cameras().get(i);
        assertThat(b.name()).isEqualTo(a.name());
        assertThat(b.positionMm().distance(a.positionMm())).isLessThan(1e-5);
        assertThat(b.opticalAxis().distance(a.opticalAxis())).isLessThan(1e-6);
        assertThat(b.intrinsics().focalPx()).isCloseTo(a.intrinsics().focalPx(), within(1e-5));
        assertThat(b.groundTruth()).isEqualTo(a.groundTruth());
      }
    }
  }

  @Test
  void donningMovesCamerasAndLedsTogether() {
    Headset h = Headsets.builtIn("refa5");
    Headset moved = h.donned(Donning.of(2, -3, 1, 0, 0, 0));
    assertThat(moved.camera("glabella").positionMm().subtract(h.camera("glabella").positionMm()))
        .isEqualTo(new Vector3D(2, -3, 1));
    assertThat(moved.illuminators().get(0).positionMm().subtract(h.illuminators().get(0).positionMm()))
        .isEqualTo(new Vector3D(2, -3, 1));
    Headset turned = h.donned(Donning.of(0, 0, 0, 0, 0, 5));
    assertThat(Math.toDegrees(Vector3D.angle(turned.camera("eye_left").opticalAxis(),
        h.camera("eye_left").opticalAxis()))).isBetween(0.1, 5.01);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "not JSON|{\"format\": |not valid JSON",
    "an array|[1, 2]|the top level must be a JSON object",
    "wrong format|{\"format\": \"x\"}|format must be \"mimik-headset/1\"",
    "no cameras|{\"format\": \"mimik-headset/1\", \"name\": \"h\", \"cameras\": [], \"illuminators\": []}|cameras must be a non-empty array",
  })
  void aBadFileIsRejectedWithItsNameAndTheProblem(String what, String json, String problem) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> HeadsetJson.read(file)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ": ").hasMessageContaining(problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "unknown role|\"role\": \"eye\"|\"role\": \"nose\"|cameras[0].role must be one of eye, mouth, glabella, not \"nose\"",
    "unknown key|\"side\": \"left\"|\"side\": \"left\", \"fov\": 3|cameras[0].fov is not a known key",
    "fov too wide|\"fov_deg\": 85|\"fov_deg\": 175|cameras[0].intrinsics.fov_deg must be in (1, 170] for a pinhole camera",
    "two orientations|\"look_at_mm\": [31, 14, 12]|\"look_at_mm\": [31, 14, 12], \"rotation_deg\": [0, 0, 0]|needs exactly one of look_at_mm and rotation_deg",
    "fractional pixels|[400, 400]|[400.5, 400]|cameras[0].intrinsics.resolution must be two whole numbers",
    "looks at itself|[31, 14, 12]|[36, -16, 42]|cameras[0].look_at_mm is less than 1 mm from position_mm",
    "a folder-unsafe name|\"eye_left\"|\"eye/left\"|cameras[0].name must be 1-64 letters",
    "position a string|[36, -16, 42]|\"here\"|cameras[0].position_mm must be an array of 3 numbers",
  })
  void aBadCameraIsRejectedWithItsPath(String what, String from, String to, String problem) throws IOException {
    Path file = dir.resolve("camera.json");
    Files.writeString(file, headset(CAMERA.replace(from, to), LED));
    assertThatThrownBy(() -> HeadsetJson.read(file)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ": ").hasMessageContaining(problem);
  }

  @Test
  void twoCamerasWithOneNameAndABadLedAreRejected() throws IOException {
    Path twins = dir.resolve("twins.json");
    Files.writeString(twins, headset(CAMERA + ", " + CAMERA, LED));
    assertThatThrownBy(() -> HeadsetJson.read(twins)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("cameras[1].name \"eye_left\" is used by another camera");
    Path dark = dir.resolve("dark.json");
    Files.writeString(dark, headset(CAMERA, LED.replace("4}", "0}")));
    assertThatThrownBy(() -> HeadsetJson.read(dark)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("illuminators[0].power_mw_per_sr must be a positive number");
    assertThatThrownBy(() -> HeadsetJson.read(dir.resolve("missing.json"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("missing.json: cannot be read");
  }
}
