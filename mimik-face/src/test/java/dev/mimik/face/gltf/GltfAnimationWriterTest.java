package dev.mimik.face.gltf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.GltfRigReader;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes animated .glb files and checks them with the Khronos validator and three.js's GLTFLoader (npm, in tools/). */
class GltfAnimationWriterTest {

  /** A seeded bumpy grid face with three named shapes. */
  private static FaceRig gridRig(long seed) {
    int n = 8;
    Random random = new Random(seed);
    float[] neutral = new float[3 * n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int v = 3 * (i * n + j);
        neutral[v] = j;
        neutral[v + 1] = i;
        neutral[v + 2] = (float) (0.1 * random.nextGaussian());
      }
    }
    int[] triangles = new int[6 * (n - 1) * (n - 1)];
    int t = 0;
    for (int i = 0; i + 1 < n; i++) {
      for (int j = 0; j + 1 < n; j++) {
        int a = i * n + j;
        int[] quad = {a, a + 1, a + n + 1, a, a + n + 1, a + n};
        System.arraycopy(quad, 0, triangles, t, 6);
        t += 6;
      }
    }
    List<String> names = List.of("jawOpen", "eyeBlinkLeft", "mouthSmileRight");
    List<float[]> deltas = names.stream().map(s -> {
      float[] d = new float[neutral.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = (float) random.nextGaussian();
      }
      return d;
    }).toList();
    int[] landmarks = new int[68];
    for (int i = 0; i < 68; i++) {
      landmarks[i] = i % (n * n);
    }
    Eyeball left = new Eyeball(new double[] {5, 5, 1}, 0.5, new double[] {0, 0, 1}, new int[] {9, 10, 11});
    Eyeball right = new Eyeball(new double[] {2, 5, 1}, 0.5, new double[] {0, 0, 1}, new int[] {13, 12});
    return new FaceRig("grid", neutral, triangles, names, deltas, List.of(), List.of(), landmarks, left, right, 10);
  }

  private static BlendshapeTrack track(List<String> names, int frames, long seed) {
    Random random = new Random(seed);
    double[] times = new double[frames];
    double[][] w = new double[frames][names.size()];
    for (int f = 0; f < frames; f++) {
      times[f] = f / 30.0;
      for (int k = 0; k < names.size(); k++) {
        w[f][k] = random.nextDouble();
      }
    }
    return new BlendshapeTrack(times, names, w);
  }

  @Test
  void roundTripsThroughTheRigReader(@TempDir Path tmp) throws IOException {
    FaceRig rig = gridRig(1);
    Path file = tmp.resolve("face.glb");
    new GltfAnimationWriter().write(rig, track(List.of("eyeBlinkLeft", "jawOpen"), 30, 2), file);
    FaceRig back = new GltfRigReader().read(file);
    assertThat(back.neutral()).containsExactly(rig.neutral());
    assertThat(back.triangles()).containsExactly(rig.triangles());
    assertThat(back.shapeNames()).isEqualTo(rig.shapeNames());
    assertThat(back.shapeDeltas().get(2)).containsExactly(rig.shapeDeltas().get(2));
    assertThat(back.millimetresPerUnit()).isEqualTo(10);
    assertThat(back.landmarkVertices()).containsExactly(rig.landmarkVertices());
    assertThat(back.leftEye().vertices()).containsExactly(9, 10, 11);
    assertThat(back.leftEye().centre()).containsExactly(5, 5, 1);
    assertThat(back.rightEye()).as("a non-contiguous eyeball is not written").isNull();
    assertThat(Files.list(tmp)).containsExactly(file);
  }

  @Test
  void aTrackStartingBeforeZeroIsMovedToStartAtZero() throws IOException {
    FaceRig rig = gridRig(1);
    BlendshapeTrack fromZero = track(List.of("eyeBlinkLeft", "jawOpen"), 5, 3);
    double[] early = fromZero.timesSeconds().clone();
    for (int f = 0; f < early.length; f++) {
      early[f] -= 2.5;
    }
    BlendshapeTrack before = new BlendshapeTrack(early, fromZero.names(), fromZero.weights());
    GltfAnimationWriter writer = new GltfAnimationWriter();
    assertThat(writer.toGlb(rig, before)).isEqualTo(writer.toGlb(rig, fromZero));
  }

  @Test
  void aTrackNamingShapesTheRigLacksWritesNothing(@TempDir Path tmp) {
    Path file = tmp.resolve("face.glb");
    assertThatThrownBy(() -> new GltfAnimationWriter().write(gridRig(1), track(List.of("tongueOut"), 3, 1), file))
        .hasMessageContaining("no shape named tongueOut");
    assertThat(file).doesNotExist();
  }

  @Test
  void theKhronosValidatorAndThreeJsAcceptTheFile(@TempDir Path tmp) throws Exception {
    Path tools = toolsOrSkip();
    FaceRig rig = gridRig(3);
    BlendshapeTrack track = track(rig.shapeNames(), 91, 4);
    Path file = tmp.resolve("grid.glb");
    new GltfAnimationWriter().write(rig, track, file);
    checkWithNode(tools, file, 3, 3.0);
  }

  @Test
  void theIctRigAsArkit52ValidatesAndLoads(@TempDir Path tmp) throws Exception {
    Path tools = toolsOrSkip();
    Path ict = Path.of(System.getProperty("mimik.shared", "../shared")).resolve("data/ict-facekit");
    Assumptions.assumeTrue(Files.isRegularFile(ict.resolve(IctFaceKit.EXPRESSIONS)), "shared ICT data absent");
    FaceRig rig = ArkitShapeMapper.toArkit(IctFaceKit.load(ict));
    Path file = tmp.resolve("ict.glb");
    new GltfAnimationWriter().write(rig, track(Blendshapes.ARKIT_52, 31, 5), file);
    JsonNode three = checkWithNode(tools, file, 52, 1.0);
    assertThat(three.at("/meshes/0/morphTargetNames").get(0).asText()).isEqualTo("eyeBlinkLeft");
  }

  private static JsonNode checkWithNode(Path tools, Path file, int targets, double duration) throws Exception {
    JsonNode report = node(tools, "validate-gltf.mjs", file);
    assertThat(report.at("/issues/numErrors").asInt(-1)).as(report.at("/issues/messages").toString()).isZero();
    assertThat(report.at("/issues/numWarnings").asInt(-1)).as(report.at("/issues/messages").toString()).isZero();
    assertThat(report.at("/info/animationCount").asInt()).isEqualTo(1);
    assertThat(report.at("/info/hasMorphTargets").asBoolean()).isTrue();

    JsonNode three = node(tools, "load-gltf-three.mjs", file);
    assertThat(three.at("/meshes/0/morphTargets").asInt()).isEqualTo(targets);
    assertThat(three.at("/meshes/0/morphTargetNames").size()).isEqualTo(targets);
    assertThat(three.at("/meshes/0/normals").asInt()).isEqualTo(three.at("/meshes/0/vertices").asInt());
    assertThat(three.at("/animations/0/duration").asDouble()).isCloseTo(duration, within(1e-6));
    assertThat(three.at("/animations/0/tracks/0/name").asText()).endsWith(".morphTargetInfluences");
    return three;
  }

  private static Path toolsOrSkip() throws InterruptedException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("tools/package.json"))) {
      dir = dir.getParent();
    }
    Assumptions.assumeTrue(dir != null, "no tools/package.json above " + Path.of("").toAbsolutePath());
    Path tools = dir.resolve("tools");
    Assumptions.assumeTrue(Files.isDirectory(tools.resolve("node_modules/gltf-validator"))
        && Files.isDirectory(tools.resolve("node_modules/three")),
        "tools/node_modules is missing: run `npm ci` in " + tools + " (.ci/install-test-tools does)");
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      Assumptions.assumeTrue(p.waitFor() == 0, "node does not run");
    } catch (IOException e) {
      Assumptions.abort("node is not installed: " + e.getMessage());
    }
    return tools;
  }

  private static JsonNode node(Path tools, String script, Path file) throws Exception {
    Process p = new ProcessBuilder("node", tools.resolve(script).toString(), file.toString())
        .directory(tools.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(script + " output: " + out).isZero();
    return new ObjectMapper().readTree(out);
  }
}
