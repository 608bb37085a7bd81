package dev.mimik.face.render;

import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.gltf.VertexNormals;
import dev.mimik.face.headset.HeadFrame;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * One person's face ready to render: a rig with their identity, their skin and what they wear, posed frame by
 * frame into a {@link SurfaceMesh} in the head frame (mm).
 *
 * <p>Posing adds the expression targets to the identity's neutral; eyeballs turn with the gaze targets (rigs whose
 * {@code eyeLook*} targets leave the eyeballs still, such as ICT FaceKit, have them turned here by
 * {@value #GAZE_SIDEWAYS_DEG} degrees sideways and {@value #GAZE_VERTICAL_DEG} up or down at weight 1, the embedded
 * rig's own angles); then one level of {@link PnSubdivision} smooths the mesh unless switched off. Instances are
 * immutable and may be shared between threads.
 */
public final class FaceSurface {

  static final double GAZE_SIDEWAYS_DEG = 28;
  static final double GAZE_VERTICAL_DEG = 22;
  private static final double IRIS_RADIUS_MM = 5.9;

  private final FaceRig rig;
  private final HeadFrame frame;
  private final float[] base;
  private final int[][] sparseIndex;
  private final float[][] sparseValue;
  private final PnSubdivision subdivision;
  private final int[] triangles;
  private final byte[] material;
  private final float[] albedo;
  private final float[] hair;
  private final float[] rest;
  private final Eyes eyes;
  private final FaceLook look;
  private final float[] occluderPositions;
  private final float[] occluderNormals;
  private final int[] occluderTriangles;

  /**
   * Prepares {@code rig} for a person.
   *
   * @param identity coefficients of the rig's identity modes (empty for the average face)
   * @param look the person's skin, eyes, facial hair and glasses
   * @param subdivide whether to smooth the mesh with one level of PN subdivision
   */
  public FaceSurface(FaceRig rig, double[] identity, FaceLook look, boolean subdivide) {
    this.rig = rig;
    this.look = look;
    this.frame = HeadFrame.of(rig, identity);
    this.base = rig.neutral().clone();
    for (int m = 0; m < identity.length && m < rig.identityDeltas().size(); m++) {
      float c = (float) identity[m];
      float[] d = rig.identityDeltas().get(m);
      for (int i = 0; i < base.length; i++) {
        base[i] += c * d[i];
      }
    }
    int shapes = rig.shapeCount();
    sparseIndex = new int[shapes][];
    sparseValue = new float[shapes][];
    for (int k = 0; k < shapes; k++) {
      float[] d = rig.shapeDeltas().get(k);
      int n = 0;
      for (float x : d) {
        n += x != 0 ? 1 : 0;
      }
      int[] idx = new int[n];
      float[] val = new float[n];
      n = 0;
      for (int i = 0; i < d.length; i++) {
        if (d[i] != 0) {
          idx[n] = i;
          val[n++] = d[i];
        }
      }
      sparseIndex[k] = idx;
      sparseValue[k] = val;
    }
    float[] restMm = new float[base.length];
    frame.toMm(base, restMm);
    this.eyes = new Eyes(rig, restMm, look);
    byte[] faceMaterial = eyes.materials(rig.triangles());
    float[] faceAlbedo = new float[rig.vertexCount()];
    float[] faceHair = new float[rig.vertexCount()];
    paintSkin(restMm, faceAlbedo, faceHair);
    if (subdivide) {
      subdivision = new PnSubdivision(rig.vertexCount(), rig.triangles());
      triangles = subdivision.triangles();
      material = subdivision.perChild(faceMaterial);
      albedo = subdivision.interpolate(faceAlbedo, 1);
      hair = subdivision.interpolate(faceHair, 1);
      rest = subdivision.interpolate(restMm, 3);
    } else {
      subdivision = null;
      triangles = rig.triangles();
      material = faceMaterial;
      albedo = faceAlbedo;
      hair = faceHair;
      rest = restMm;
    }
    if (look.glasses() != null && eyes.left != null && eyes.right != null) {
      int[][] tri = new int[1][];
      float[][] g = GlassesFrame.build(look.glasses(), eyes.left.centreMm, eyes.right.centreMm, eyes.left.radiusMm,
          tri);
      occluderPositions = g[0];
      occluderNormals = g[1];
      occluderTriangles = tri[0];
    } else {
      occluderPositions = new float[0];
      occluderNormals = new float[0];
      occluderTriangles = new int[0];
    }
  }

  /** The rig this surface poses. */
  public FaceRig rig() {
    return rig;
  }

  /** Where the head frame sits on this person's rig. */
  public HeadFrame headFrame() {
    return frame;
  }

  /** The person's appearance. */
  public FaceLook look() {
    return look;
  }

  /** The face posed with expression weights in the rig's target order. */
  public SurfaceMesh pose(double[] weights) {
    if (weights.length != rig.shapeCount()) {
      throw new IllegalArgumentException("expected " + rig.shapeCount() + " weights, got " + weights.length);
    }
    float[] pos = base.clone();
    for (int k = 0; k < weights.length; k++) {
      float w = (float) weights[k];
      if (w == 0) {
        continue;
      }
      int[] idx = sparseIndex[k];
      float[] val = sparseValue[k];
      for (int j = 0; j < idx.length; j++) {
        pos[idx[j]] += w * val[j];
      }
    }
    float[] mm = new float[pos.length];
    frame.toMm(pos, mm);
    List<EyeGeometry> eyeGeometry = eyes.pose(weights, mm);
    float[] normals = VertexNormals.of(mm, rig.triangles());
    float[] p = mm;
    float[] n = normals;
    if (subdivision != null) {
      p = new float[3 * subdivision.vertexCount()];
      n = new float[p.length];
      subdivision.apply(mm, normals, p, n);
    }
    return withOccluders(p, n, eyeGeometry);
  }

  /** The head-frame positions (mm) of the rig's 68 landmark vertices in a posed surface, flat xyz. */
  public double[] landmarks(SurfaceMesh posed) {
    int[] lv = rig.landmarkVertices();
    double[] out = new double[3 * lv.length];
    for (int i = 0; i < lv.length; i++) {
      for (int a = 0; a < 3; a++) {
        out[3 * i + a] = posed.positions()[3 * lv[i] + a];
      }
    }
    return out;
  }

  private SurfaceMesh withOccluders(float[] p, float[] n, List<EyeGeometry> eyeGeometry) {
    if (occluderTriangles.length == 0) {
      return new SurfaceMesh(p, n, albedo, hair, rest, triangles, material, eyeGeometry, look.hairAlbedo());
    }
    int v0 = p.length / 3;
    int ov = occluderPositions.length / 3;
    float[] pos = Arrays.copyOf(p, p.length + occluderPositions.length);
    System.arraycopy(occluderPositions, 0, pos, p.length, occluderPositions.length);
    float[] nor = Arrays.copyOf(n, n.length + occluderNormals.length);
    System.arraycopy(occluderNormals, 0, nor, n.length, occluderNormals.length);
    float[] alb = Arrays.copyOf(albedo, v0 + ov);
    Arrays.fill(alb, v0, v0 + ov, (float) look.glasses().albedo());
    float[] hr = Arrays.copyOf(hair, v0 + ov);
    float[] rs = Arrays.copyOf(rest, pos.length);
    System.arraycopy(occluderPositions, 0, rs, p.length, occluderPositions.length);
    int[] tri = Arrays.copyOf(triangles, triangles.length + occluderTriangles.length);
    for (int i = 0; i < occluderTriangles.length; i++) {
      tri[triangles.length + i] = v0 + occluderTriangles[i];
    }
    byte[] mat = Arrays.copyOf(material, material.length + occluderTriangles.length / 3);
    Arrays.fill(mat, material.length, mat.length, SurfaceMesh.OCCLUDER);
    return new SurfaceMesh(pos, nor, alb, hr, rs, tri, mat, eyeGeometry, look.hairAlbedo());
  }

  private void paintSkin(float[] restMm, float[] outAlbedo, float[] outHair) {
    int[] lv = rig.landmarkVertices();
    double[] lm = new double[3 * 68];
    for (int i = 0; i < 68 && i < lv.length; i++) {
      for (int a = 0; a < 3; a++) {
        lm[3 * i + a] = restMm[3 * lv[i] + a];
      }
    }
    SkinMap map = new SkinMap(lm);
    for (int v = 0; v < outAlbedo.length; v++) {
      double x = restMm[3 * v];
      double y = restMm[3 * v + 1];
      double z = restMm[3 * v + 2];
      outAlbedo[v] = (float) map.albedo(look, x, y, z);
      outHair[v] = (float) map.hair(look, x, y, z);
    }
  }

  /** The two eyeballs: which triangles are theirs and how they turn. */
  private static final class Eyes {
    final Eye left;
    final Eye right;

    Eyes(FaceRig rig, float[] restMm, FaceLook look) {
      boolean turnHere = rig.leftEye() != null && !gazeTargetsMoveEyeballs(rig);
      left = rig.leftEye() == null ? null
          : new Eye(rig, rig.leftEye(), restMm, SurfaceMesh.EYE_LEFT, turnHere, look);
      right = rig.rightEye() == null ? null
          : new Eye(rig, rig.rightEye(), restMm, SurfaceMesh.EYE_RIGHT, turnHere, look);
    }

    byte[] materials(int[] triangles) {
      byte[] m = new byte[triangles.length / 3];
      for (Eye e : new Eye[] {left, right}) {
        if (e == null) {
          continue;
        }
        for (int t = 0; t < m.length; t++) {
          if (e.owns(triangles[3 * t]) && e.owns(triangles[3 * t + 1]) && e.owns(triangles[3 * t + 2])) {
            m[t] = e.material;
          }
        }
      }
      return m;
    }

    List<EyeGeometry> pose(double[] weights, float[] mm) {
      List<EyeGeometry> out = new ArrayList<>(2);
      for (Eye e : new Eye[] {left, right}) {
        if (e != null) {
          out.add(e.pose(weights, mm));
        }
      }
      return out;
    }

    private static boolean gazeTargetsMoveEyeballs(FaceRig rig) {
      int k = rig.shapeIndex("eyeLookOutLeft");
      if (k < 0) {
        return false;
      }
      float[] d = rig.shapeDeltas().get(k);
      for (int v : rig.leftEye().vertices()) {
        if (d[3 * v] != 0 || d[3 * v + 1] != 0 || d[3 * v + 2] != 0) {
          return true;
        }
      }
      return false;
    }
  }

  /** One eyeball: its vertices, centre, pole vertex and, where the rig does not, how it turns with the gaze. */
  private static final class Eye {
    final byte material;
    final double[] centreMm;
    final double radiusMm;
    final int pole;
    final boolean[] owned;
    final int[] vertices;
    final boolean turnHere;
    final double irisCos;
    final double pupilCos;
    final double irisAlbedo;
    final double scleraAlbedo;
    final int out;
    final int in;
    final int up;
    final int down;
    final double inwardSign;

    Eye(FaceRig rig, Eyeball eye, float[] restMm, byte material, boolean turnHere, FaceLook look) {
      this.material = material;
      this.vertices = eye.vertices();
      this.turnHere = turnHere;
      this.owned = new boolean[rig.vertexCount()];
      double[] c = new double[3];
      for (int v : vertices) {
        owned[v] = true;
      }
      // the centre moves with the identity like the eyeball's vertices: use the rest mesh
      double[] rigCentre = eye.centre();
      double[] shift = new double[3];
      int count = 0;
      for (int v : vertices) {
        for (int a = 0; a < 3; a++) {
          shift[a] += restMm[3 * v + a];
        }
        count++;
      }
      double[] neutralMean = new double[3];
      for (int v : vertices) {
        for (int a = 0; a < 3; a++) {
          neutralMean[a] += rig.neutral()[3 * v + a];
        }
      }
      double mm = rig.millimetresPerUnit();
      for (int a = 0; a < 3; a++) {
        // rest-mesh mean minus neutral mean (in mm) is the identity's shift of the eyeball
        double neutralMeanMm = neutralMean[a] / count;
        c[a] = shift[a] / count - (neutralMeanMm - rigCentre[a]) * mm;
      }
      this.centreMm = c;
      this.radiusMm = eye.radius() * mm;
      int best = vertices[0];
      double bestDot = -2;
      double[] axis = eye.axis();
      for (int v : vertices) {
        double dx = restMm[3 * v] - c[0];
        double dy = restMm[3 * v + 1] - c[1];
        double dz = restMm[3 * v + 2] - c[2];
        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double dot = (dx * axis[0] + dy * axis[1] + dz * axis[2]) / Math.max(1e-9, len);
        if (dot > bestDot) {
          bestDot = dot;
          best = v;
        }
      }
      this.pole = best;
      this.irisCos = Math.sqrt(Math.max(0, 1 - sq(IRIS_RADIUS_MM / radiusMm)));
      this.pupilCos = Math.sqrt(Math.max(0, 1 - sq(look.pupilRadiusMm() / radiusMm)));
      this.irisAlbedo = look.irisAlbedo();
      this.scleraAlbedo = look.scleraAlbedo();
      boolean isLeft = material == SurfaceMesh.EYE_LEFT;
      String s = isLeft ? "Left" : "Right";
      this.out = rig.shapeIndex("eyeLookOut" + s);
      this.in = rig.shapeIndex("eyeLookIn" + s);
      this.up = rig.shapeIndex("eyeLookUp" + s);
      this.down = rig.shapeIndex("eyeLookDown" + s);
      // "in" turns an eye toward the nose: -X for the left eye, +X for the right
      this.inwardSign = isLeft ? -1 : 1;
    }

    boolean owns(int v) {
      return owned[v];
    }

    /** Turns the eyeball's vertices in {@code mm} if the rig does not, and returns its posed geometry. */
    EyeGeometry pose(double[] weights, float[] mm) {
      if (turnHere) {
        double yaw = GAZE_SIDEWAYS_DEG * (inwardSign * w(weights, in) - inwardSign * w(weights, out));
        double pitch = GAZE_VERTICAL_DEG * (w(weights, down) - w(weights, up));
        rotate(mm, pitch, yaw);
      }
      double gx = mm[3 * pole] - centreMm[0];
      double gy = mm[3 * pole + 1] - centreMm[1];
      double gz = mm[3 * pole + 2] - centreMm[2];
      double len = Math.sqrt(gx * gx + gy * gy + gz * gz);
      return new EyeGeometry(material, centreMm.clone(), new double[] {gx / len, gy / len, gz / len}, radiusMm,
          irisCos, pupilCos, irisAlbedo, scleraAlbedo);
    }

    private static double w(double[] weights, int k) {
      return k < 0 ? 0 : weights[k];
    }

    /** Pitch about +X (positive looks down), then yaw about +Y (positive looks toward +X), about the centre. */
    private void rotate(float[] mm, double pitchDeg, double yawDeg) {
      if (pitchDeg == 0 && yawDeg == 0) {
        return;
      }
      HeadPose turn = HeadPose.ofEulerDegrees(yawDeg, pitchDeg, 0, centreMm[0], centreMm[1], centreMm[2]);
      for (int v : vertices) {
        Vector3D p = turn.apply(new Vector3D(mm[3 * v] - centreMm[0], mm[3 * v + 1] - centreMm[1],
            mm[3 * v + 2] - centreMm[2]));
        mm[3 * v] = (float) p.getX();
        mm[3 * v + 1] = (float) p.getY();
        mm[3 * v + 2] = (float) p.getZ();
      }
    }

    private static double sq(double x) {
      return x * x;
    }
  }
}
