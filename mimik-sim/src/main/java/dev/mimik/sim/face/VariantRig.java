package dev.mimik.sim.face;

import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.sim.SeedStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A face model made from another rig (the embedded one) that is clearly not that rig: for a simulation without the
 * ICT FaceKit, so that the faces filmed are still not ones the fitted rig can make exactly.
 *
 * <ul>
 *   <li>Every expression target but the gaze ({@code eyeLook*}, which turns the eyeballs) is scaled by its own gain,
 *       log-uniform in [{@link #GAIN_MIN}, {@link #GAIN_MAX}], drawn once from {@link #SEED}: the variant's smile
 *       at weight 1 may be half or one and a half times the base rig's.</li>
 *   <li>A sided target carries {@link #SPILL} of its twin on the other side ({@code mouthSmileLeft} raises the right
 *       corner a little too), as a real face's sides are not independent.</li>
 *   <li>Three identity modes the base rig lacks are added to its own: the face wider, longer and deeper by
 *       {@link #WIDTH}, {@link #HEIGHT} and {@link #DEPTH} of itself per standard deviation, about its centroid (the
 *       eyeballs move with their centres, unchanged in shape).</li>
 * </ul>
 */
public final class VariantRig {

  /** The seed of the targets' gains: fixed, so that the variant is one face model. */
  public static final long SEED = 20_181_018L;
  /** The least and greatest gain of a target. */
  public static final double GAIN_MIN = 0.6;
  public static final double GAIN_MAX = 1.6;
  /** The share of a sided target's twin it carries. */
  public static final double SPILL = 0.25;
  /** The added identity modes: relative change in width, height and depth per standard deviation. */
  public static final double WIDTH = 0.05;
  public static final double HEIGHT = 0.05;
  public static final double DEPTH = 0.08;

  private VariantRig() {}

  /** The variant of {@code base}, named {@code base.name() + "-variant"}. */
  public static FaceRig of(FaceRig base) {
    SplittableRandom r = SeedStreams.stream(SEED, "variant-gains");
    List<String> names = base.shapeNames();
    List<float[]> shapes = new ArrayList<>(names.size());
    double[] gains = new double[names.size()];
    for (int k = 0; k < gains.length; k++) {
      gains[k] = Math.exp(r.nextDouble(Math.log(GAIN_MIN), Math.log(GAIN_MAX)));
    }
    for (int k = 0; k < names.size(); k++) {
      String name = names.get(k);
      float[] own = base.shapeDeltas().get(k);
      if (name.startsWith("eyeLook")) {
        shapes.add(own);
        continue;
      }
      int twin = base.shapeIndex(twinOf(name));
      float[] out = new float[own.length];
      for (int i = 0; i < out.length; i++) {
        double d = own[i] + (twin >= 0 ? SPILL * base.shapeDeltas().get(twin)[i] : 0);
        out[i] = (float) (gains[k] * d);
      }
      shapes.add(out);
    }
    List<String> identityNames = new ArrayList<>(base.identityNames());
    List<float[]> identity = new ArrayList<>(base.identityDeltas());
    double[] scale = {WIDTH, HEIGHT, DEPTH};
    String[] axis = {"width", "height", "depth"};
    for (int a = 0; a < 3; a++) {
      identityNames.add("variant-" + axis[a]);
      identity.add(stretch(base, a, scale[a]));
    }
    return new FaceRig(base.name() + "-variant", base.neutral(), base.triangles(), names, shapes, identityNames,
        identity, base.landmarkVertices(), base.leftEye(), base.rightEye(), base.millimetresPerUnit());
  }

  /** {@code Left} for {@code Right} and back; the name itself when it has no side. */
  static String twinOf(String name) {
    if (name.endsWith("Left")) {
      return name.substring(0, name.length() - 4) + "Right";
    }
    if (name.endsWith("Right")) {
      return name.substring(0, name.length() - 5) + "Left";
    }
    return "";
  }

  /** The displacement that stretches the face along {@code axis} by {@code by} of itself about its centroid. */
  private static float[] stretch(FaceRig rig, int axis, double by) {
    float[] neutral = rig.neutral();
    int n = rig.vertexCount();
    boolean[] eye = new boolean[n];
    for (Eyeball e : new Eyeball[] {rig.leftEye(), rig.rightEye()}) {
      if (e != null) {
        for (int v : e.vertices()) {
          eye[v] = true;
        }
      }
    }
    double centre = 0;
    int face = 0;
    for (int v = 0; v < n; v++) {
      if (!eye[v]) {
        centre += neutral[3 * v + axis];
        face++;
      }
    }
    centre /= face;
    float[] out = new float[3 * n];
    for (int v = 0; v < n; v++) {
      if (!eye[v]) {
        out[3 * v + axis] = (float) (by * (neutral[3 * v + axis] - centre));
      }
    }
    for (Eyeball e : new Eyeball[] {rig.leftEye(), rig.rightEye()}) {
      if (e != null) {
        float shift = (float) (by * (e.centre()[axis] - centre));
        for (int v : e.vertices()) {
          out[3 * v + axis] = shift;
        }
      }
    }
    return out;
  }
}
