package dev.mimik.face.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.face.headset.CameraRole;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.Headsets;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REFA's placement metrics on the built-in headsets and on placements whose answer is clear. */
class PlacementMetricsTest {

  private static PlacementMetrics metrics;

  @BeforeAll
  static void setUp() {
    metrics = new PlacementMetrics(EmbeddedRig.load(), 1, 2, 1, 32);
  }

  /** The headset with its glabella camera moved to {@code position}, looking at {@code target}. */
  private static Headset withGlabella(Headset h, Vector3D position, Vector3D target) {
    List<HeadsetCamera> cams = new ArrayList<>();
    for (HeadsetCamera c : h.embeddedCameras()) {
      cams.add(c.role() != CameraRole.GLABELLA ? c : new HeadsetCamera(c.name(), c.role(), c.side(), false, position,
          HeadsetCamera.lookAt(position, target, 0), c.intrinsics()));
    }
    return h.withCameras(h.name() + "-moved", cams);
  }

  @Test
  void aCameraFacingARegionSeesItBetterThanOneGrazingIt() {
    Headset refa5 = Headsets.builtIn("refa5");
    Vector3D glabella = new Vector3D(0, 16, 26);
    CameraScore front = glabella(metrics.evaluate(withGlabella(refa5, new Vector3D(0, 16, 66), glabella)));
    CameraScore grazing = glabella(metrics.evaluate(withGlabella(refa5, new Vector3D(0, 66, 30), glabella)));
    CameraScore away = glabella(metrics.evaluate(withGlabella(refa5, new Vector3D(0, 16, 66),
        new Vector3D(0, 16, 120))));
    assertThat(front.visibility()).isGreaterThan(0.8);
    assertThat(grazing.visibility()).isLessThan(front.visibility() - 0.3);
    // looking away: the region is behind the camera, nothing of it is in view
    assertThat(away.inView()).isZero();
    assertThat(front.inView()).isGreaterThan(0.9);
  }

  @Test
  void rangeOfMotionGrowsAsTheCameraComesCloser() {
    Headset refa5 = Headsets.builtIn("refa5");
    Vector3D glabella = new Vector3D(0, 16, 26);
    double near = glabella(metrics.evaluate(withGlabella(refa5, new Vector3D(0, 16, 56), glabella)))
        .rangeOfMotionPx();
    double far = glabella(metrics.evaluate(withGlabella(refa5, new Vector3D(0, 16, 86), glabella)))
        .rangeOfMotionPx();
    // pinhole: image motion falls about as 1 / distance (30 mm -> 60 mm from the brows)
    assertThat(near / far).isCloseTo(2.0, within(0.4));
  }

  @Test
  void refa5RanksAboveTheAlternativesAndTheSearchKeepsSymmetry() {
    PlacementResult refa5 = metrics.evaluate(Headsets.builtIn("refa5"));
    PlacementResult nasal = metrics.evaluate(Headsets.builtIn("alt-nasal"));
    PlacementResult temple = metrics.evaluate(Headsets.builtIn("alt-temple"));
    assertThat(refa5.objective()).isGreaterThan(nasal.objective()).isGreaterThan(temple.objective());
    assertThat(refa5.meanOf(CameraRole.MOUTH, CameraScore::visibility))
        .isGreaterThan(temple.meanOf(CameraRole.MOUTH, CameraScore::visibility));
    List<PlacementSearch.Candidate> ranked = new PlacementSearch(metrics, 10, 5, 10)
        .run(Headsets.builtIn("refa5"), 3, 2, f -> { });
    assertThat(ranked).hasSize(4);
    for (int i = 1; i < ranked.size(); i++) {
      assertThat(ranked.get(i).result().objective()).isLessThanOrEqualTo(ranked.get(i - 1).result().objective());
    }
    for (PlacementSearch.Candidate c : ranked) {
      Headset h = c.headset();
      Vector3D l = h.camera("eye_left").positionMm();
      Vector3D r = h.camera("eye_right").positionMm();
      assertThat(l.getX()).isCloseTo(-r.getX(), within(1e-9));
      assertThat(l.getY()).isCloseTo(r.getY(), within(1e-9));
      assertThat(h.camera("glabella").positionMm().getX()).isZero();
      if (!h.name().equals("refa5")) {
        assertThat(c.result().clearanceMm()).isGreaterThanOrEqualTo(10);
      }
    }
  }

  private static CameraScore glabella(PlacementResult r) {
    return r.cameras().stream().filter(c -> c.camera().role() == CameraRole.GLABELLA).findFirst().orElseThrow();
  }
}
