package dev.mimik.sim.ego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.Headsets;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.junit.jupiter.api.Test;

/** Triangulation through the headset cameras' own projections. */
class TriangulatorTest {

  private final Headset collect = Headsets.builtIn("refa5-collect");

  private static double[] observe(HeadsetCamera c, Vector3D p) {
    Vector2D uv = c.intrinsics().camera().project(c.toCamera(p));
    double[] v = new double[2];
    v[0] = uv.getX();
    v[1] = uv.getY();
    return v;
  }

  @Test
  void twoViewsRecoverThePointWhateverThePriorAndOneViewKeepsThePriorsDepth() {
    List<HeadsetCamera> cams = List.of(collect.camera("boom_left"), collect.camera("boom_right"));
    Triangulator t = new Triangulator(cams, 1.0, 1000);
    Vector3D truth = new Vector3D(12, -70, 28);
    double[][] views = {observe(cams.get(0), truth), observe(cams.get(1), truth)};
    double[] x = t.point(views, 0, new double[] {0, -60, 10});
    assertThat(new Vector3D(x).distance(truth)).isLessThan(0.01);
    // one view and a tight prior: the point stays on that camera's ray, near the prior
    Triangulator tight = new Triangulator(cams, 1.0, 2);
    double[][] one = {views[0], {Double.NaN, Double.NaN}};
    double[] y = tight.point(one, 0, new double[] {12, -70, 38});
    double[] seen = observe(cams.get(0), new Vector3D(y));
    assertThat(seen[0]).isCloseTo(views[0][0], within(0.5));
    assertThat(seen[1]).isCloseTo(views[0][1], within(0.5));
    assertThat(tight.point(new double[][] {{Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}}, 0, y)).isNull();
  }
}
