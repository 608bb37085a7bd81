package dev.mimik.face.placement;

import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.Side;
import dev.mimik.face.render.SurfaceMesh;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Samples camera placements inside a mounting volume and ranks them by {@link PlacementResult#objective()}: each
 * right or centre camera moves anywhere in a box of {@code boxMm} around its designed position (a centre camera
 * stays on the midline) and aims at the centroid of its regions' keypoints on the average face, give or take
 * {@code aimMm}; left cameras mirror their right partners, so placements stay symmetric. Candidates closer to the
 * face than {@code minClearanceMm} are drawn again.
 */
public final class PlacementSearch {

  private static final int TRIES = 50;

  /** One sampled headset and its figures. */
  public record Candidate(Headset headset, PlacementResult result) {}

  private final PlacementMetrics metrics;
  private final double boxMm;
  private final double aimMm;
  private final double minClearanceMm;

  public PlacementSearch(PlacementMetrics metrics, double boxMm, double aimMm, double minClearanceMm) {
    this.metrics = metrics;
    this.boxMm = boxMm;
    this.aimMm = aimMm;
    this.minClearanceMm = minClearanceMm;
  }

  /** The design and {@code candidates} samples around it, best first. */
  public List<Candidate> run(Headset base, int candidates, long seed, DoubleConsumer progress) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Candidate> out = new ArrayList<>();
    out.add(new Candidate(base, metrics.evaluate(base)));
    progress.accept(1.0 / (candidates + 1));
    for (int k = 1; k <= candidates; k++) {
      Headset h = sample(base, k, r);
      out.add(new Candidate(h, metrics.evaluate(h)));
      progress.accept((k + 1.0) / (candidates + 1));
    }
    out.sort(Comparator.comparingDouble((Candidate c) -> -c.result().objective()));
    return out;
  }

  private Headset sample(Headset base, int k, SplittableRandom r) {
    List<HeadsetCamera> designed = base.embeddedCameras();
    for (int t = 0; t < TRIES; t++) {
      HeadsetCamera[] placed = new HeadsetCamera[designed.size()];
      for (int i = 0; i < placed.length; i++) {
        if (rightPartner(base, designed.get(i)) == null) {
          placed[i] = moved(designed.get(i), r);
        }
      }
      for (int i = 0; i < placed.length; i++) {
        HeadsetCamera partner = rightPartner(base, designed.get(i));
        if (partner != null) {
          placed[i] = mirrored(placed[designed.indexOf(partner)], designed.get(i));
        }
      }
      List<HeadsetCamera> cams = List.of(placed);
      if (metrics.clearance(cams) >= minClearanceMm) {
        return base.withCameras(base.name() + "-s" + k, cams);
      }
    }
    throw new IllegalStateException("no placement " + minClearanceMm + " mm from the face in " + TRIES
        + " tries: the mounting volume is too close to the face");
  }

  private HeadsetCamera moved(HeadsetCamera c, SplittableRandom r) {
    Vector3D p = c.positionMm().add(new Vector3D(c.side() == Side.CENTER ? 0 : r.nextDouble(-boxMm, boxMm),
        r.nextDouble(-boxMm, boxMm), r.nextDouble(-boxMm, boxMm)));
    Vector3D target = centroid(c).add(new Vector3D(c.side() == Side.CENTER ? 0 : r.nextDouble(-aimMm, aimMm),
        r.nextDouble(-aimMm, aimMm), r.nextDouble(-aimMm, aimMm)));
    return new HeadsetCamera(c.name(), c.role(), c.side(), false, p, HeadsetCamera.lookAt(p, target, 0),
        c.intrinsics());
  }

  /** The right camera's placement mirrored across the midline, under the left camera's name. */
  private static HeadsetCamera mirrored(HeadsetCamera right, HeadsetCamera left) {
    Vector3D p = new Vector3D(-right.positionMm().getX(), right.positionMm().getY(), right.positionMm().getZ());
    Vector3D axis = right.opticalAxis();
    Vector3D target = p.add(new Vector3D(-axis.getX(), axis.getY(), axis.getZ()).scalarMultiply(50));
    return new HeadsetCamera(left.name(), left.role(), left.side(), false, p, HeadsetCamera.lookAt(p, target, 0),
        left.intrinsics());
  }

  /** For a left camera, the right camera of the same role (null for other cameras or without one). */
  private static HeadsetCamera rightPartner(Headset h, HeadsetCamera left) {
    if (left.side() != Side.LEFT) {
      return null;
    }
    return h.embeddedCameras().stream().filter(c -> c.side() == Side.RIGHT && c.role() == left.role()).findFirst()
        .orElse(null);
  }

  /** The centroid of the camera's regions' keypoints on the average neutral face, head frame mm. */
  private Vector3D centroid(HeadsetCamera c) {
    SurfaceMesh neutral = metrics.averageNeutral();
    double[] lm = metrics.averageFace().landmarks(neutral);
    double x = 0;
    double y = 0;
    double z = 0;
    int n = 0;
    for (FaceRegion g : FaceRegion.of(c)) {
      for (int i : g.landmarks()) {
        x += lm[3 * i];
        y += lm[3 * i + 1];
        z += lm[3 * i + 2];
        n++;
      }
    }
    return new Vector3D(x / n, y / n, z / n);
  }
}
