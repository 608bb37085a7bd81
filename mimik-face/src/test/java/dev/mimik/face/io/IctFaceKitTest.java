package dev.mimik.face.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.FaceRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the shared ICT FaceKit conversion and checks it against the facts its README states. */
class IctFaceKitTest {

  private static Path dir;
  private static FaceRig rig;

  @BeforeAll
  static void load() {
    dir = Path.of(System.getProperty("mimik.shared", "../shared")).resolve("data/ict-facekit");
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve(IctFaceKit.EXPRESSIONS)),
        "shared ICT FaceKit data absent at " + dir);
    rig = IctFaceKit.load(dir);
  }

  @Test
  void loadsTheCountsTheReadmeGives() {
    assertThat(rig.vertexCount()).isEqualTo(12_549);
    assertThat(rig.triangles()).hasSize(3 * 24_724);
    assertThat(rig.shapeCount()).isEqualTo(53);
    assertThat(rig.shapeNames()).startsWith("browDown_L", "browDown_R").contains("jawOpen", "mouthClose");
    assertThat(rig.identityNames()).hasSize(100).startsWith("identity000").endsWith("identity099");
    assertThat(rig.landmarkVertices()).hasSize(68);
    assertThat(rig.landmarkVertices()[8]).isEqualTo(966);
    assertThat(rig.millimetresPerUnit()).isEqualTo(10);
  }

  @Test
  void geometryMatchesTheReadmeMeasurements() {
    // outer eye corners (iBUG 36, 45) are 8.92 cm apart
    assertThat(distance(rig.neutral(), rig.landmarkVertices()[36], rig.landmarkVertices()[45]))
        .isCloseTo(8.92, within(0.01));
    // jawOpen moves the chin (landmark 8, vertex 966) by (0, -2.82, -2.91) cm
    float[] jaw = rig.shapeDeltas().get(rig.shapeIndex("jawOpen"));
    assertThat(jaw[3 * 966]).isCloseTo(0f, within(0.01f));
    assertThat(jaw[3 * 966 + 1]).isCloseTo(-2.817f, within(0.001f));
    assertThat(jaw[3 * 966 + 2]).isCloseTo(-2.906f, within(0.001f));
    assertThat(rig.leftEye().centre()).containsExactly(new double[] {3.101, 3.604, 7.874}, within(0.001));
    assertThat(rig.leftEye().radius()).isCloseTo(1.527, within(0.001));
    assertThat(rig.leftEye().vertices()).hasSize(1570);
    assertThat(rig.rightEye().centre()[0]).isCloseTo(-3.101, within(0.01));
  }

  @Test
  void arkitMappingKeepsTheSubjectsSides() {
    ArkitShapeMapper mapper = ArkitShapeMapper.forNames(rig.shapeNames());
    assertThat(mapper.missing()).containsExactly("tongueOut");
    assertThat(mapper.unused()).isEmpty();
    assertThat(mapper.sourcesOf("browInnerUp")).hasSize(2);
    // ARKit's eyeBlinkLeft closes the subject's left eye, which lies at +X
    int blinkLeft = mapper.sourcesOf("eyeBlinkLeft").get(0);
    assertThat(rig.shapeNames().get(blinkLeft)).isEqualTo("eyeBlink_L");
    assertThat(meanXOfMovedVertices(rig.shapeDeltas().get(blinkLeft))).isGreaterThan(2);
    int blinkRight = mapper.sourcesOf("eyeBlinkRight").get(0);
    assertThat(meanXOfMovedVertices(rig.shapeDeltas().get(blinkRight))).isLessThan(-2);

    FaceRig arkit = ArkitShapeMapper.toArkit(rig);
    assertThat(arkit.shapeNames()).isEqualTo(Blendshapes.ARKIT_52);
    float[] inner = arkit.shapeDeltas().get(arkit.shapeIndex("browInnerUp"));
    float[] l = rig.shapeDeltas().get(rig.shapeIndex("browInnerUp_L"));
    float[] r = rig.shapeDeltas().get(rig.shapeIndex("browInnerUp_R"));
    assertThat(inner[3 * 268 + 1]).isEqualTo(l[3 * 268 + 1] + r[3 * 268 + 1]);
    float[] tongue = arkit.shapeDeltas().get(arkit.shapeIndex("tongueOut"));
    assertThat(tongue).containsOnly(0f);
  }

  @Test
  void aTruncatedGlbIsRejectedWithItsFileName(@TempDir Path tmp) throws IOException {
    byte[] whole = Files.readAllBytes(dir.resolve(IctFaceKit.EXPRESSIONS));
    Path cut = tmp.resolve("cut.glb");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> new GltfRigReader().read(cut))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(cut.toString());
  }

  @Test
  void aFolderWithoutTheIdentityFileIsRejected(@TempDir Path tmp) throws IOException {
    Files.copy(dir.resolve(IctFaceKit.EXPRESSIONS), tmp.resolve(IctFaceKit.EXPRESSIONS));
    assertThatThrownBy(() -> IctFaceKit.load(tmp))
        .isInstanceOf(BadInputException.class).hasMessageContaining(IctFaceKit.IDENTITY);
  }

  private static double distance(float[] v, int a, int b) {
    double dx = v[3 * a] - v[3 * b];
    double dy = v[3 * a + 1] - v[3 * b + 1];
    double dz = v[3 * a + 2] - v[3 * b + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  private static double meanXOfMovedVertices(float[] delta) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < rig.vertexCount(); i++) {
      double d = Math.sqrt(delta[3 * i] * delta[3 * i] + delta[3 * i + 1] * delta[3 * i + 1]
          + delta[3 * i + 2] * delta[3 * i + 2]);
      if (d > 0.1) {
        sum += rig.neutral()[3 * i];
        n++;
      }
    }
    return sum / n;
  }
}
