package dev.mimik.face.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.FaceRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads rigs from OBJ folders laid out as ICT FaceKit's, built by a seeded generator. */
class ObjRigReaderTest {

  /** A grid of n x n vertices with quads (written with v/vt/vn tokens), jittered by a seeded offset. */
  private static String grid(int n, long seed, double amplitude, boolean faces) {
    Random random = new Random(seed);
    StringBuilder s = new StringBuilder("# generated\n");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s.append(String.format(Locale.ROOT, "v %.6f %.6f %.6f%n", (double) j, (double) i,
            amplitude * random.nextGaussian()));
      }
    }
    if (faces) {
      for (int i = 0; i + 1 < n; i++) {
        for (int j = 0; j + 1 < n; j++) {
          int a = i * n + j + 1;
          s.append(String.format(Locale.ROOT, "f %d/%d/%d %d/1/1 %d/1/1 %d/1/1%n", a, a, a, a + 1, a + n + 1, a + n));
        }
      }
    }
    return s.toString();
  }

  @Test
  void readsNeutralShapesAndIdentityModesAsDeltas(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("generic_neutral_mesh.obj"), grid(4, 1, 0, true));
    Files.writeString(dir.resolve("jawOpen.obj"), grid(4, 2, 0.5, false));
    Files.writeString(dir.resolve("eyeBlink_L.obj"), grid(4, 3, 0.5, false));
    Files.writeString(dir.resolve("identity000.obj"), grid(4, 4, 0.5, false));
    FaceRig rig = new ObjRigReader().readDirectory(dir, "generic_neutral_mesh.obj", 10);

    assertThat(rig.vertexCount()).isEqualTo(16);
    assertThat(rig.triangles()).hasSize(3 * 2 * 9).startsWith(0, 1, 5, 0, 5, 4);
    assertThat(rig.shapeNames()).containsExactly("eyeBlink_L", "jawOpen");
    assertThat(rig.identityNames()).containsExactly("identity000");
    Random jaw = new Random(2);
    float[] delta = rig.shapeDeltas().get(1);
    for (int v = 0; v < 16; v++) {
      assertThat(delta[3 * v]).isZero();
      assertThat((double) delta[3 * v + 2]).isCloseTo(0.5 * jaw.nextGaussian(), within(1e-6));
    }
  }

  @Test
  void negativeIndicesAndPolygonsAreTriangulatedAsAFan(@TempDir Path dir) throws IOException {
    Path neutral = dir.resolve("n.obj");
    Files.writeString(neutral, "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0.5 1.5 0\nv 0 1 0\nf -5 -4 -3 -2 -1\n");
    FaceRig rig = new ObjRigReader().read("pentagon", neutral, List.of(), List.of(), 1);
    assertThat(rig.triangles()).containsExactly(0, 1, 2, 0, 2, 3, 0, 3, 4);
  }

  @Test
  void aShapeWithOtherVerticesIsRejectedWithItsFileName(@TempDir Path dir) throws IOException {
    Path neutral = dir.resolve("n.obj");
    Path shape = dir.resolve("jawOpen.obj");
    Files.writeString(neutral, grid(3, 1, 0, true));
    Files.writeString(shape, grid(4, 1, 0, false));
    assertThatThrownBy(() -> new ObjRigReader().read("x", neutral, List.of(shape), List.of(), 1))
        .isInstanceOf(BadInputException.class).hasMessage(shape + ": has 16 vertices, the neutral 9");
  }

  @Test
  void aBadNumberOrFaceIndexNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.obj");
    Files.writeString(bad, "v 0 0 0\nv 1 0 zero\n");
    assertThatThrownBy(() -> new ObjRigReader().read("x", bad, List.of(), List.of(), 1))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(bad + ": line 2: not a number");
    Files.writeString(bad, "v 0 0 0\nv 1 0 0\nv 1 1 0\nf 1 2 4\n");
    assertThatThrownBy(() -> new ObjRigReader().read("x", bad, List.of(), List.of(), 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("line 4: face vertex 4 does not exist");
  }
}
