package dev.mimik.face.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.face.camera.PinholeCamera;
import java.util.SplittableRandom;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Coverage, depth order and interpolation of the z-buffer rasterizer on hand-built triangles. */
class RasterizerTest {

  /** Draws triangles given as {u, v, w} per vertex, counter-clockwise on screen (front-facing). */
  private static VisibilityBuffer draw(int size, float[][] vertices, int[] triangles, boolean cullBack) {
    float[] u = new float[vertices.length];
    float[] v = new float[vertices.length];
    float[] w = new float[vertices.length];
    for (int i = 0; i < vertices.length; i++) {
      u[i] = vertices[i][0];
      v[i] = vertices[i][1];
      w[i] = vertices[i][2];
    }
    VisibilityBuffer buf = new VisibilityBuffer(size, size);
    Rasterizer.draw(u, v, w, triangles, 0, triangles.length / 3, cullBack, buf);
    return buf;
  }

  @Test
  void aRightTriangleCoversThePixelCentresInsideItAndNotItsBottomRightEdge() {
    // (0,0), (0,8), (8,0): counter-clockwise as seen on the screen (v down), so a front face
    VisibilityBuffer buf = draw(16, new float[][] {{0, 0, 1}, {0, 8, 1}, {8, 0, 1}}, new int[] {0, 1, 2}, true);
    // centres (i+.5, j+.5) with i+j <= 6 are inside; the 8 centres with i+j = 7 lie on the hypotenuse, a
    // bottom-right edge, which the top-left rule leaves out
    assertThat(buf.coveredPixels()).isEqualTo(28);
    assertThat(buf.triangle(0, 0)).isZero();
    assertThat(buf.triangle(6, 0)).isZero();
    assertThat(buf.triangle(7, 0)).isEqualTo(-1);
    assertThat(buf.triangle(3, 4)).isEqualTo(-1);
  }

  @Test
  void twoTrianglesSharingAnEdgeCoverEveryPixelOfTheirSquareExactlyOnce() {
    float[][] square = {{0, 0, 1}, {0, 8, 1}, {8, 8, 1}, {8, 0, 1}};
    VisibilityBuffer first = draw(16, square, new int[] {0, 1, 2}, true);
    VisibilityBuffer second = draw(16, square, new int[] {0, 2, 3}, true);
    VisibilityBuffer both = draw(16, square, new int[] {0, 1, 2, 0, 2, 3}, true);
    assertThat(first.coveredPixels() + second.coveredPixels()).isEqualTo(64);
    assertThat(both.coveredPixels()).isEqualTo(64);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aFanOfRandomTrianglesCoversItsPolygonWithoutGapsOrOverlaps(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 7 + r.nextInt(6);
    float[][] v = new float[n + 1][];
    v[0] = new float[] {(float) r.nextDouble(14, 18), (float) r.nextDouble(14, 18), 1};
    for (int k = 0; k < n; k++) {
      double a = -2 * Math.PI * (k + r.nextDouble(0.1, 0.9)) / n; // clockwise in (u, v-down) = ccw on screen
      double rad = r.nextDouble(6, 14);
      v[k + 1] = new float[] {(float) (v[0][0] + rad * Math.cos(a)), (float) (v[0][1] - rad * Math.sin(a)), 1};
    }
    int[] tri = new int[3 * n];
    int sum = 0;
    for (int k = 0; k < n; k++) {
      int[] one = {0, 1 + k, 1 + (k + 1) % n};
      System.arraycopy(one, 0, tri, 3 * k, 3);
      sum += draw(32, v, one, false).coveredPixels();
    }
    assertThat(draw(32, v, tri, false).coveredPixels()).isEqualTo(sum);
  }

  @Test
  void theNearerOfTwoOverlappingTrianglesWinsWhicheverIsDrawnFirst() {
    float[][] v = {{0, 0, 50}, {0, 16, 50}, {16, 0, 50}, {2, 2, 20}, {2, 14, 20}, {14, 2, 20}};
    VisibilityBuffer farFirst = draw(16, v, new int[] {0, 1, 2, 3, 4, 5}, true);
    VisibilityBuffer nearFirst = draw(16, v, new int[] {3, 4, 5, 0, 1, 2}, true);
    assertThat(farFirst.triangle(3, 3)).isEqualTo(1);
    assertThat(nearFirst.triangle(3, 3)).isZero();
    assertThat(farFirst.depth(3, 3)).isEqualTo(20f);
    assertThat(farFirst.triangle(0, 12)).isZero();
  }

  @Test
  void intersectingTrianglesSplitWhereTheirDepthsCross() {
    // triangle 0 is at depth 30 everywhere; triangle 1's depth runs from 10 at u=0 to 50 at u=32
    float[][] v = {{0, 0, 30}, {0, 32, 30}, {32, 0, 30}, {0, 0, 10}, {0, 32, 10}, {32, 0, 50}};
    VisibilityBuffer buf = draw(32, v, new int[] {0, 1, 2, 3, 4, 5}, true);
    // along the row v = 0.5 the tilted one is nearer until its depth passes 30
    int y = 0;
    int lastTilted = -1;
    for (int x = 0; x < 31; x++) {
      if (buf.triangle(x, y) == 1) {
        lastTilted = x;
      }
    }
    assertThat(buf.triangle(1, y)).isEqualTo(1);
    assertThat(buf.triangle(28, y)).isZero();
    // perspective-correct depth: 1/w is linear on screen, 1/w = 1/10 + (1/50 - 1/10) u/32 = 1/30 at u = 26.7
    // (interpolating w itself would put the crossing at u = 16)
    assertThat(lastTilted).isEqualTo(26);
  }

  @Test
  void backFacesAreCulledOrDrawnAndMarked() {
    float[][] v = {{0, 0, 1}, {8, 0, 1}, {0, 8, 1}}; // clockwise on screen: seen from behind
    assertThat(draw(16, v, new int[] {0, 1, 2}, true).coveredPixels()).isZero();
    VisibilityBuffer drawn = draw(16, v, new int[] {0, 1, 2}, false);
    assertThat(drawn.coveredPixels()).isEqualTo(28);
    assertThat(drawn.backFacing(1, 1)).isTrue();
  }

  @Test
  void verticesBehindTheCameraDropTheirTriangles() {
    VisibilityBuffer buf = draw(16, new float[][] {{0, 0, 1}, {0, 8, 0}, {8, 0, 1}}, new int[] {0, 1, 2}, true);
    assertThat(buf.coveredPixels()).isZero();
  }

  @Test
  void barycentricWeightsPutTheInterpolatedPointOnThePixelsRay() {
    PinholeCamera cam = new PinholeCamera(40, 16, 16, 32, 32);
    Vector3D[] p = {new Vector3D(-20, -15, -40), new Vector3D(18, -20, -90), new Vector3D(0, 25, -60)};
    float[][] v = new float[3][];
    for (int i = 0; i < 3; i++) {
      Vector2D uv = cam.project(p[i]);
      v[i] = new float[] {(float) uv.getX(), (float) uv.getY(), (float) -p[i].getZ()};
    }
    VisibilityBuffer buf = draw(32, v, new int[] {0, 1, 2}, false);
    int checked = 0;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        if (buf.triangle(x, y) < 0) {
          continue;
        }
        float[] b = buf.barycentric(x, y);
        Vector3D q = p[0].scalarMultiply(b[0]).add(b[1], p[1]).add(b[2], p[2]);
        Vector2D uv = cam.project(q);
        assertThat(uv.getX()).isCloseTo(x + 0.5, within(2e-3));
        assertThat(uv.getY()).isCloseTo(y + 0.5, within(2e-3));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }
}
