package dev.mimik.face.render;

import dev.mimik.face.gltf.VertexNormals;
import dev.mimik.face.headset.HeadFrame;
import dev.mimik.face.rig.FaceRig;
import java.util.Arrays;
import java.util.List;

/**
 * One person's face ready to render: a rig with their identity, their skin and what they wear, posed frame by
 * frame into a {@link SurfaceMesh} in the head frame (mm).
 *
 * <p>Posing adds the expression targets to the identity's neutral; eyeballs turn with the gaze targets (rigs whose
 * {@code eyeLook*} targets leave the eyeballs still, such as ICT FaceKit, have them turned by {@link Eyeballs}); then one level of {@link PnSubdivision} smooths the mesh unless switched off. Instances are
 * immutable and may be shared between threads.
 */
public final class FaceSurface {


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
  private final Eyeballs eyes;
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
    this.eyes = new Eyeballs(rig, restMm, look);
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
}
