package dev.mimik.face.rig.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.PosedMesh;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedRigTest {

  private static final FaceRig RIG = EmbeddedRig.load();

  @Test
  void rigHasTheCanonicalMeshTwoEyeballsAndAllArkitTargets() {
    assertThat(RIG.name()).isEqualTo("mimik-mediapipe");
    assertThat(RIG.vertexCount()).isEqualTo(468 + 2 * EyeballMesh.vertexCount());
    assertThat(RIG.shapeNames()).isEqualTo(Blendshapes.ARKIT_52);
    assertThat(RIG.identityNames()).hasSize(6);
    assertThat(RIG.landmarkVertices()).hasSize(68);
    assertThat(java.util.Arrays.stream(RIG.landmarkVertices()).max().getAsInt()).isLessThan(468);
    assertThat(RIG.millimetresPerUnit()).isEqualTo(10.0);
    // the canonical mesh is 898 triangles; the ones closing both eyes and the mouth are dropped
    int faceTriangles = (int) java.util.stream.IntStream.range(0, RIG.triangles().length / 3)
        .filter(t -> RIG.triangles()[3 * t] < 468).count();
    assertThat(faceTriangles).isBetween(850, 897);
  }

  @Test
  void faceIsAboutAHumanFaceInSizeInCentimetres() {
    // outer eye corners (iBUG 36, 45) of adults are about 9 cm apart; the face is about 18-20 cm tall here
    double eyes = dist(RIG.landmarkVertices()[36], RIG.landmarkVertices()[45]) * RIG.millimetresPerUnit();
    assertThat(eyes).isBetween(80.0, 100.0);
  }

  @Test
  void landmarksAreMirrorSymmetricLikeTheIbugScheme() {
    int[][] pairs = {{0, 16}, {4, 12}, {17, 26}, {21, 22}, {31, 35}, {36, 45}, {39, 42}, {48, 54}, {60, 64}};
    float[] v = RIG.neutral();
    for (int[] p : pairs) {
      int a = RIG.landmarkVertices()[p[0]];
      int b = RIG.landmarkVertices()[p[1]];
      assertThat(v[3 * a]).as("iBUG %d is on the subject's right (-X)", p[0]).isNegative();
      assertThat(v[3 * a]).isCloseTo(-v[3 * b], within(1e-4f));
      assertThat(v[3 * a + 1]).isCloseTo(v[3 * b + 1], within(1e-4f));
    }
  }

  @Test
  void jawOpenDropsTheChinAndLowerLipButNotTheUpperFace() {
    Map<Integer, double[]> d = moves("jawOpen", 152, 14, 13, 10, 1);
    assertThat(d.get(152)[1]).isLessThan(-1.0);
    assertThat(d.get(14)[1]).isLessThan(-1.5);
    assertThat(Math.abs(d.get(13)[1])).isLessThan(0.1);
    assertThat(norm(d.get(10))).isLessThan(1e-6);
    assertThat(norm(d.get(1))).isLessThan(0.01);
  }

  @Test
  void eyeBlinkLeftClosesOnlyTheSubjectsLeftEye() {
    float[] posed = pose(Map.of("eyeBlinkLeft", 1.0));
    float[] v = RIG.neutral();
    // left eye (+X): upper lid middle 386 meets lower lid middle 374
    assertThat(posed[3 * 386 + 1] - posed[3 * 374 + 1]).isBetween(-0.05f, 0.05f);
    assertThat(v[3 * 386 + 1] - v[3 * 374 + 1]).isGreaterThan(0.5f);
    assertThat(posed[3 * 159 + 1]).isEqualTo(v[3 * 159 + 1]);
  }

  @Test
  void smileRaisesAndWidensTheMouthCorner() {
    Map<Integer, double[]> d = moves("mouthSmileLeft", 291, 61);
    assertThat(d.get(291)[0]).isGreaterThan(0.2);
    assertThat(d.get(291)[1]).isGreaterThan(0.3);
    assertThat(norm(d.get(61))).isLessThan(0.05);
  }

  @Test
  void browsAndGazeMoveTheRightWay() {
    assertThat(moves("browInnerUp", 107).get(107)[1]).isGreaterThan(0.4);
    assertThat(moves("browInnerUp", 336).get(336)[1]).isGreaterThan(0.4);
    assertThat(moves("browDownRight", 105).get(105)[1]).isLessThan(-0.3);
    int leftPupil = RIG.leftEye().vertices()[0];
    int rightPupil = RIG.rightEye().vertices()[0];
    assertThat(moves("eyeLookOutLeft", leftPupil).get(leftPupil)[0]).isGreaterThan(0.3);
    assertThat(moves("eyeLookInRight", rightPupil).get(rightPupil)[0]).isGreaterThan(0.3);
    assertThat(moves("eyeLookUpLeft", leftPupil).get(leftPupil)[1]).isGreaterThan(0.3);
    assertThat(moves("eyeLookDownRight", rightPupil).get(rightPupil)[1]).isLessThan(-0.3);
  }

  @Test
  void everyTargetButTongueOutMovesTheFacePlausiblyFar() {
    for (int k = 0; k < RIG.shapeCount(); k++) {
      float[] d = RIG.shapeDeltas().get(k);
      double max = 0;
      for (int i = 0; i < d.length / 3; i++) {
        max = Math.max(max, Math.sqrt(d[3 * i] * d[3 * i] + d[3 * i + 1] * d[3 * i + 1] + d[3 * i + 2] * d[3 * i + 2]));
      }
      String name = RIG.shapeNames().get(k);
      if (name.equals("tongueOut")) {
        assertThat(max).isZero();
      } else {
        assertThat(max).as(name).isBetween(0.1, 3.0);
      }
    }
  }

  @Test
  void eyeSpacingIdentityMovesTheEyeballsApart() {
    int mode = RIG.identityNames().indexOf("eyeSpacing");
    float[] d = RIG.identityDeltas().get(mode);
    assertThat(d[3 * RIG.leftEye().vertices()[0]]).isGreaterThan(0.1f);
    assertThat(d[3 * RIG.rightEye().vertices()[0]]).isLessThan(-0.1f);
  }

  private static Map<Integer, double[]> moves(String shape, int... vertices) {
    float[] d = RIG.shapeDeltas().get(RIG.shapeIndex(shape));
    Map<Integer, double[]> m = new java.util.HashMap<>();
    for (int i : vertices) {
      m.put(i, new double[] {d[3 * i], d[3 * i + 1], d[3 * i + 2]});
    }
    return m;
  }

  private static float[] pose(Map<String, Double> expression) {
    double[] w = new double[RIG.shapeCount()];
    expression.forEach((n, x) -> w[RIG.shapeIndex(n)] = x);
    return PosedMesh.of(RIG, w, new double[0]);
  }

  private static double norm(double[] d) {
    return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
  }

  private static double dist(int a, int b) {
    float[] v = RIG.neutral();
    double dx = v[3 * a] - v[3 * b];
    double dy = v[3 * a + 1] - v[3 * b + 1];
    double dz = v[3 * a + 2] - v[3 * b + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
