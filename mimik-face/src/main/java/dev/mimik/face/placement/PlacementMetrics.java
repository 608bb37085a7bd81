package dev.mimik.face.placement;

import dev.mimik.face.camera.Camera;
import dev.mimik.face.headset.Donning;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.render.FaceLook;
import dev.mimik.face.render.FaceSurface;
import dev.mimik.face.render.IrRenderer;
import dev.mimik.face.render.Look;
import dev.mimik.face.render.SurfaceMesh;
import dev.mimik.face.render.ViewProjection;
import dev.mimik.face.render.VisibilityBuffer;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * REFA's placement metrics for a headset's embedded cameras, averaged over a population: the rig's average face and
 * {@code identities - 1} random ones (identity coefficients N(0, 1) clipped at 2), each with the headset as designed
 * and {@code donnings - 1} random offsets (up to 2 mm and 2 degrees per axis). Keypoints are projected with each
 * camera's own projection at its described resolution; what is in view is read from the renderer's z-buffer.
 */
public final class PlacementMetrics {

  private static final double REGION_RADIUS_MM = 8;
  private static final double OCCLUSION_TOLERANCE_MM = 2;

  private final FaceRig rig;
  private final List<FaceSurface> faces = new ArrayList<>();
  private final List<Donning> donnings = new ArrayList<>();
  private final Map<String, Map<String, Double>> expressions = KeyExpressions.all();
  private final int occlusionWidth;
  private final IrRenderer renderer = new IrRenderer(Look.synthetic());
  /** Per face, its posed surfaces: neutral first, then each key expression. */
  private final List<List<SurfaceMesh>> poses = new ArrayList<>();
  /** Per face and region, the rig vertices of the region's surface. */
  private final List<Map<FaceRegion, int[]>> regionVertices = new ArrayList<>();

  /**
   * @param rig a rig with ARKit-named targets and 68 landmarks
   * @param identities faces in the population (the first is the average face)
   * @param donnings placements per face (the first is the design)
   * @param occlusionWidth width in pixels of the z-buffer that decides what is in view
   */
  public PlacementMetrics(FaceRig rig, int identities, int donnings, long seed, int occlusionWidth) {
    if (identities < 1 || donnings < 1 || occlusionWidth < 16) {
      throw new IllegalArgumentException("need at least one identity and donning, and a 16-pixel z-buffer");
    }
    this.rig = rig;
    this.occlusionWidth = occlusionWidth;
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < identities; i++) {
      double[] id = new double[rig.identityNames().size()];
      for (int m = 0; i > 0 && m < id.length; m++) {
        id[m] = Math.max(-2, Math.min(2, r.nextGaussian()));
      }
      FaceSurface face = new FaceSurface(rig, id, FaceLook.plain(), rig.vertexCount() < 5000);
      faces.add(face);
      List<SurfaceMesh> list = new ArrayList<>();
      list.add(face.pose(new double[rig.shapeCount()]));
      for (Map<String, Double> e : expressions.values()) {
        list.add(face.pose(weights(e)));
      }
      poses.add(list);
      regionVertices.add(regions(face, list.get(0)));
    }
    this.donnings.add(Donning.none());
    for (int d = 1; d < donnings; d++) {
      this.donnings.add(Donning.of(r.nextDouble(-2, 2), r.nextDouble(-2, 2), r.nextDouble(-2, 2),
          r.nextDouble(-2, 2), r.nextDouble(-2, 2), r.nextDouble(-2, 2)));
    }
  }

  /** The rig the population is made of. */
  public FaceRig rig() {
    return rig;
  }

  /** The average face, neutral, for pictures and clearance. */
  public SurfaceMesh averageNeutral() {
    return poses.get(0).get(0);
  }

  /** The average face's surface. */
  public FaceSurface averageFace() {
    return faces.get(0);
  }

  /** The names of the key expressions, in order. */
  public List<String> expressionNames() {
    return List.copyOf(expressions.keySet());
  }

  /** The figures of every embedded camera of {@code headset}. */
  public PlacementResult evaluate(Headset headset) {
    List<HeadsetCamera> cams = headset.embeddedCameras();
    List<CameraScore> scores = new ArrayList<>();
    for (HeadsetCamera designed : cams) {
      List<FaceRegion> regions = FaceRegion.of(designed);
      Map<FaceRegion, double[]> sums = new EnumMap<>(FaceRegion.class);
      regions.forEach(g -> sums.put(g, new double[3]));
      double motion = 0;
      int n = 0;
      for (int f = 0; f < faces.size(); f++) {
        for (Donning d : donnings) {
          HeadsetCamera cam = designed.donned(d);
          List<SurfaceMesh> list = poses.get(f);
          double[][] keypoints = keypoints(faces.get(f), list, cam);
          for (FaceRegion g : regions) {
            double[] s = sums.get(g);
            s[0] += visibility(list.get(0), regionVertices.get(f).get(g), cam);
            s[1] += motion(keypoints, g.landmarks());
            s[2] += inView(list, regionVertices.get(f).get(g), cam);
          }
          motion += motion(keypoints, union(regions));
          n++;
        }
      }
      List<RegionScore> rs = new ArrayList<>();
      for (FaceRegion g : regions) {
        double[] s = sums.get(g);
        rs.add(new RegionScore(g, s[0] / n, s[1] / n, s[2] / n));
      }
      scores.add(new CameraScore(designed, rs, rs.stream().mapToDouble(RegionScore::visibility).average().orElse(0),
          motion / n, rs.stream().mapToDouble(RegionScore::inView).average().orElse(0)));
    }
    return new PlacementResult(headset, scores, clearance(cams));
  }

  /** The smallest distance from any camera (as designed) to any face's neutral surface, mm. */
  public double clearance(List<HeadsetCamera> cams) {
    double best = Double.POSITIVE_INFINITY;
    for (List<SurfaceMesh> list : poses) {
      float[] p = list.get(0).positions();
      for (HeadsetCamera c : cams) {
        Vector3D o = c.positionMm();
        for (int i = 0; i < p.length; i += 3) {
          double dx = p[i] - o.getX();
          double dy = p[i + 1] - o.getY();
          double dz = p[i + 2] - o.getZ();
          best = Math.min(best, dx * dx + dy * dy + dz * dz);
        }
      }
    }
    return Math.sqrt(best);
  }

  private double[] weights(Map<String, Double> e) {
    double[] w = new double[rig.shapeCount()];
    e.forEach((name, v) -> {
      int k = rig.shapeIndex(name);
      if (k >= 0) {
        w[k] = v;
      }
    });
    return w;
  }

  /** Rig vertices within 8 mm of each region's landmarks on the neutral face. */
  private static Map<FaceRegion, int[]> regions(FaceSurface face, SurfaceMesh neutral) {
    Map<FaceRegion, int[]> out = new EnumMap<>(FaceRegion.class);
    double[] lm = face.landmarks(neutral);
    float[] p = neutral.positions();
    int n = face.rig().vertexCount();
    for (FaceRegion g : FaceRegion.values()) {
      List<Integer> vs = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        for (int i : g.landmarks()) {
          double dx = p[3 * v] - lm[3 * i];
          double dy = p[3 * v + 1] - lm[3 * i + 1];
          double dz = p[3 * v + 2] - lm[3 * i + 2];
          if (dx * dx + dy * dy + dz * dz < REGION_RADIUS_MM * REGION_RADIUS_MM) {
            vs.add(v);
            break;
          }
        }
      }
      out.put(g, vs.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  /** REFA eq. 1 for one region: its mean unit normal against the reversed optical axis, at least 0. */
  private static double visibility(SurfaceMesh neutral, int[] vertices, HeadsetCamera cam) {
    float[] nor = neutral.normals();
    double x = 0;
    double y = 0;
    double z = 0;
    for (int v : vertices) {
      x += nor[3 * v];
      y += nor[3 * v + 1];
      z += nor[3 * v + 2];
    }
    Vector3D n = new Vector3D(x, y, z);
    if (n.getNorm() == 0) {
      return 0;
    }
    return Math.max(0, n.normalize().dotProduct(cam.opticalAxis().negate()));
  }

  /** Per pose, the 68 keypoints in pixels of the described image: {x0, y0, ...}, NaN behind the camera. */
  private static double[][] keypoints(FaceSurface face, List<SurfaceMesh> list, HeadsetCamera cam) {
    Camera projection = cam.intrinsics().camera();
    double[][] out = new double[list.size()][];
    for (int e = 0; e < list.size(); e++) {
      double[] lm = face.landmarks(list.get(e));
      double[] uv = new double[2 * (lm.length / 3)];
      for (int i = 0; i < lm.length / 3; i++) {
        Vector3D pc = cam.toCamera(new Vector3D(lm[3 * i], lm[3 * i + 1], lm[3 * i + 2]));
        if (pc.getZ() >= -1) {
          uv[2 * i] = Double.NaN;
          uv[2 * i + 1] = Double.NaN;
          continue;
        }
        Vector2D q = projection.project(pc);
        uv[2 * i] = q.getX();
        uv[2 * i + 1] = q.getY();
      }
      out[e] = uv;
    }
    return out;
  }

  /** REFA eq. 2: mean over expressions of the Frobenius norm of the landmarks' displacement from neutral. */
  private static double motion(double[][] keypoints, int[] landmarks) {
    double sum = 0;
    for (int e = 1; e < keypoints.length; e++) {
      double s = 0;
      for (int i : landmarks) {
        double dx = keypoints[e][2 * i] - keypoints[0][2 * i];
        double dy = keypoints[e][2 * i + 1] - keypoints[0][2 * i + 1];
        if (!Double.isNaN(dx) && !Double.isNaN(dy)) {
          s += dx * dx + dy * dy;
        }
      }
      sum += Math.sqrt(s);
    }
    return sum / (keypoints.length - 1);
  }

  /** The share of a region's vertices in view, averaged over the poses. */
  private double inView(List<SurfaceMesh> list, int[] vertices, HeadsetCamera cam) {
    if (vertices.length == 0) {
      return 0;
    }
    Camera projection = cam.projection(occlusionWidth);
    double sum = 0;
    for (SurfaceMesh m : list) {
      VisibilityBuffer buf = renderer.rasterize(m, cam, occlusionWidth);
      ViewProjection p = ViewProjection.of(m.positions(), cam, projection);
      int seen = 0;
      for (int v : vertices) {
        seen += buf.sees(p.u()[v], p.v()[v], p.w()[v], OCCLUSION_TOLERANCE_MM) ? 1 : 0;
      }
      sum += (double) seen / vertices.length;
    }
    return sum / list.size();
  }

  private static int[] union(List<FaceRegion> regions) {
    return regions.stream().flatMapToInt(g -> java.util.Arrays.stream(g.landmarks())).distinct().toArray();
  }
}
