package dev.mimik.face.io;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a rig's expression shape names onto ARKit's 52 ({@link Blendshapes#ARKIT_52}).
 *
 * <p>ICT FaceKit and similar rigs name sides with {@code _L}/{@code _R}, ARKit with {@code Left}/{@code Right}; both
 * mean the subject's own side (ARKit's {@code eyeBlinkLeft} closes the subject's left eye, which ICT calls
 * {@code eyeBlink_L}). A rig may split a shape ARKit keeps whole ({@code browInnerUp_L} + {@code browInnerUp_R} =
 * {@code browInnerUp}): an ARKit weight then drives both halves. ARKit names the rig lacks (ICT has no
 * {@code tongueOut}) are reported by {@link #missing()}.
 */
public final class ArkitShapeMapper {

  private final List<String> rigNames;
  /** For each ARKit name (in ARKIT_52 order), the indices of the rig shapes it drives. */
  private final List<List<Integer>> sources;

  private ArkitShapeMapper(List<String> rigNames) {
    this.rigNames = List.copyOf(rigNames);
    List<List<Integer>> s = new ArrayList<>();
    for (int a = 0; a < Blendshapes.ARKIT_52.size(); a++) {
      s.add(new ArrayList<>());
    }
    for (int k = 0; k < rigNames.size(); k++) {
      String arkit = arkitName(rigNames.get(k));
      if (arkit != null) {
        s.get(Blendshapes.indexOf(arkit)).add(k);
      }
    }
    this.sources = s.stream().map(List::copyOf).toList();
  }

  /** A mapper for the given rig shape names. */
  public static ArkitShapeMapper forNames(List<String> rigShapeNames) {
    return new ArkitShapeMapper(rigShapeNames);
  }

  /**
   * The ARKit name a rig shape belongs to, or null: the name itself if it is ARKit's, else {@code X_L}/{@code X_R}
   * as {@code XLeft}/{@code XRight}, else the unsided {@code X} (a half of a symmetric shape).
   */
  public static String arkitName(String rigName) {
    if (Blendshapes.indexOf(rigName) >= 0) {
      return rigName;
    }
    boolean left = rigName.endsWith("_L");
    if (!left && !rigName.endsWith("_R")) {
      return null;
    }
    String base = rigName.substring(0, rigName.length() - 2);
    String sided = base + (left ? "Left" : "Right");
    if (Blendshapes.indexOf(sided) >= 0) {
      return sided;
    }
    return Blendshapes.indexOf(base) >= 0 ? base : null;
  }

  /** The rig shape indices an ARKit name drives (empty if the rig lacks it). */
  public List<Integer> sourcesOf(String arkitName) {
    int a = Blendshapes.indexOf(arkitName);
    if (a < 0) {
      throw new IllegalArgumentException("not an ARKit blendshape name: " + arkitName);
    }
    return sources.get(a);
  }

  /** ARKit names no rig shape maps to, in ARKit order. */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    for (int a = 0; a < sources.size(); a++) {
      if (sources.get(a).isEmpty()) {
        out.add(Blendshapes.ARKIT_52.get(a));
      }
    }
    return out;
  }

  /** Rig shapes that map to no ARKit name, in rig order. */
  public List<String> unused() {
    return rigNames.stream().filter(n -> arkitName(n) == null).toList();
  }

  /** Rig shape weights (in rig order) from 52 ARKit weights (in ARKIT_52 order); unmapped rig shapes get 0. */
  public double[] rigWeights(double[] arkitWeights) {
    if (arkitWeights.length != sources.size()) {
      throw new IllegalArgumentException(arkitWeights.length + " weights, ARKit has " + sources.size());
    }
    double[] out = new double[rigNames.size()];
    for (int a = 0; a < sources.size(); a++) {
      for (int k : sources.get(a)) {
        out[k] = arkitWeights[a];
      }
    }
    return out;
  }

  /**
   * The same rig with exactly the 52 ARKit shapes in ARKit order: split halves are summed into one target, a
   * missing shape becomes a zero target (it does nothing), unmapped rig shapes are dropped.
   */
  public static FaceRig toArkit(FaceRig rig) {
    ArkitShapeMapper mapper = forNames(rig.shapeNames());
    List<float[]> deltas = new ArrayList<>();
    for (List<Integer> from : mapper.sources) {
      float[] sum = new float[rig.neutral().length];
      for (int k : from) {
        float[] d = rig.shapeDeltas().get(k);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += d[i];
        }
      }
      deltas.add(sum);
    }
    return new FaceRig(rig.name(), rig.neutral(), rig.triangles(), Blendshapes.ARKIT_52, deltas,
        rig.identityNames(), rig.identityDeltas(), rig.landmarkVertices(), rig.leftEye(), rig.rightEye(),
        rig.millimetresPerUnit());
  }
}
