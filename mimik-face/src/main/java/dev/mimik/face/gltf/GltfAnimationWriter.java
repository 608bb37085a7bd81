package dev.mimik.face.gltf;

import de.javagl.jgltf.impl.v2.Accessor;
import de.javagl.jgltf.impl.v2.Animation;
import de.javagl.jgltf.impl.v2.AnimationChannel;
import de.javagl.jgltf.impl.v2.AnimationChannelTarget;
import de.javagl.jgltf.impl.v2.AnimationSampler;
import de.javagl.jgltf.impl.v2.Asset;
import de.javagl.jgltf.impl.v2.Buffer;
import de.javagl.jgltf.impl.v2.BufferView;
import de.javagl.jgltf.impl.v2.GlTF;
import de.javagl.jgltf.impl.v2.Mesh;
import de.javagl.jgltf.impl.v2.MeshPrimitive;
import de.javagl.jgltf.impl.v2.Node;
import de.javagl.jgltf.impl.v2.Scene;
import de.javagl.jgltf.model.GltfConstants;
import de.javagl.jgltf.model.io.GltfAssetWriter;
import de.javagl.jgltf.model.io.v2.GltfAssetV2;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a face rig and an animation of its blendshape weights as a glTF 2.0 binary ({@code .glb}), all or nothing.
 *
 * <p>The file holds one mesh: the rig's neutral with area-weighted vertex normals, one {@code POSITION} morph target
 * per rig expression shape (names in {@code mesh.extras.targetNames}, which three.js and Blender read), and one
 * animation whose {@code LINEAR} sampler drives the mesh's morph weights at the track's frame times. A rig shape the
 * track does not name stays at weight 0; a track name the rig lacks is an error (map ICT-style names first with
 * {@code ArkitShapeMapper.toArkit}). The node scales rig units to metres.
 */
public final class GltfAnimationWriter {

  private static final int ARRAY_BUFFER = 34962;
  private static final int ELEMENT_ARRAY_BUFFER = 34963;

  /** Writes {@code rig} animated by {@code track} to {@code file}. */
  public void write(FaceRig rig, BlendshapeTrack track, Path file) throws IOException {
    byte[] glb = toGlb(rig, track);
    AtomicFiles.write(file, out -> out.write(glb));
  }

  /** The {@code .glb} bytes. */
  public byte[] toGlb(FaceRig rig, BlendshapeTrack track) throws IOException {
    double[][] weights = weightsPerTarget(rig, track);
    Builder b = new Builder();
    float[] normals = VertexNormals.of(rig.neutral(), rig.triangles());

    MeshPrimitive primitive = new MeshPrimitive();
    primitive.setMode(GltfConstants.GL_TRIANGLES);
    primitive.addAttributes("POSITION", b.vec3(rig.neutral(), true));
    primitive.addAttributes("NORMAL", b.vec3(normals, false));
    primitive.setIndices(b.indices(rig.triangles()));
    for (float[] delta : rig.shapeDeltas()) {
      Map<String, Integer> target = new LinkedHashMap<>();
      target.put("POSITION", b.vec3(delta, true));
      primitive.addTargets(target);
    }
    Mesh mesh = new Mesh();
    mesh.setName(rig.name());
    mesh.addPrimitives(primitive);
    if (rig.shapeCount() > 0) {
      mesh.setWeights(java.util.Collections.nCopies(rig.shapeCount(), 0f));
    }
    mesh.setExtras(extras(rig));

    Node node = new Node();
    node.setName(rig.name());
    node.setMesh(0);
    float metresPerUnit = (float) (rig.millimetresPerUnit() / 1000);
    node.setScale(new float[] {metresPerUnit, metresPerUnit, metresPerUnit});
    Scene scene = new Scene();
    scene.addNodes(0);

    GlTF gltf = new GlTF();
    Asset asset = new Asset();
    asset.setVersion("2.0");
    asset.setGenerator("mimik GltfAnimationWriter");
    gltf.setAsset(asset);
    gltf.addScenes(scene);
    gltf.setScene(0);
    gltf.addNodes(node);
    gltf.addMeshes(mesh);
    if (rig.shapeCount() > 0 && track.frameCount() > 0) {
      gltf.addAnimations(animation(b, track, weights));
    }
    b.finish(gltf);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new GltfAssetWriter().writeBinary(new GltfAssetV2(gltf, b.binary()), out);
    return out.toByteArray();
  }

  /**
   * {@code mesh.extras}: the target names, and what {@link dev.mimik.face.io.GltfRigReader} needs to read the file
   * back as the same rig: {@code units}, {@code landmarks68}, and {@code eyes} when each eyeball is a contiguous
   * vertex range.
   */
  private static Map<String, Object> extras(FaceRig rig) {
    Map<String, Object> extras = new LinkedHashMap<>();
    if (rig.shapeCount() > 0) {
      extras.put("targetNames", rig.shapeNames());
    }
    String units = switch ((int) Math.round(rig.millimetresPerUnit())) {
      case 1 -> "millimeter";
      case 10 -> "centimeter";
      case 1000 -> "meter";
      default -> null;
    };
    if (units != null && Math.abs(rig.millimetresPerUnit() - Math.round(rig.millimetresPerUnit())) < 1e-12) {
      extras.put("units", units);
    }
    if (rig.landmarkVertices().length == 68) {
      extras.put("landmarks68", rig.landmarkVertices());
    }
    Map<String, Object> eyes = new LinkedHashMap<>();
    if (contiguous(rig.leftEye())) {
      eyes.put("left", eye(rig.leftEye()));
    }
    if (contiguous(rig.rightEye())) {
      eyes.put("right", eye(rig.rightEye()));
    }
    if (!eyes.isEmpty()) {
      extras.put("eyes", eyes);
    }
    return extras;
  }

  /** One eyeball's extras, in a fixed key order (Map.of's order changes from one JVM to the next). */
  private static Map<String, Object> eye(Eyeball e) {
    Map<String, Object> eye = new LinkedHashMap<>();
    eye.put("center", e.centre());
    eye.put("radius", e.radius());
    eye.put("axis", e.axis());
    eye.put("first", e.vertices()[0]);
    eye.put("count", e.vertices().length);
    return eye;
  }

  /** True for an eyeball whose vertices are one ascending run, as {@code first}/{@code count} can say. */
  private static boolean contiguous(Eyeball eye) {
    if (eye == null || eye.vertices().length == 0) {
      return false;
    }
    int[] v = eye.vertices();
    for (int i = 1; i < v.length; i++) {
      if (v[i] != v[i - 1] + 1) {
        return false;
      }
    }
    return true;
  }

  /** {@code [frame][target]}: the track's weights reordered to the rig's shapes (0 where the track has none). */
  private static double[][] weightsPerTarget(FaceRig rig, BlendshapeTrack track) {
    for (String name : track.names()) {
      if (rig.shapeIndex(name) < 0) {
        throw new IllegalArgumentException("the rig " + rig.name() + " has no shape named " + name);
      }
    }
    double[] times = track.timesSeconds();
    for (int f = 0; f < times.length; f++) {
      if (!(times[f] >= 0) || (f > 0 && !(times[f] > times[f - 1]))) {
        throw new IllegalArgumentException("animation times must be non-negative and increasing, frame " + f
            + " is at " + times[f]);
      }
    }
    double[][] out = new double[track.frameCount()][rig.shapeCount()];
    for (int k = 0; k < track.names().size(); k++) {
      int target = rig.shapeIndex(track.names().get(k));
      for (int f = 0; f < out.length; f++) {
        out[f][target] = track.weights()[f][k];
      }
    }
    return out;
  }

  private static Animation animation(Builder b, BlendshapeTrack track, double[][] weights) {
    float[] times = new float[track.frameCount()];
    for (int f = 0; f < times.length; f++) {
      times[f] = (float) track.timesSeconds()[f];
    }
    float[] values = new float[weights.length * (weights.length == 0 ? 0 : weights[0].length)];
    int i = 0;
    for (double[] row : weights) {
      for (double w : row) {
        values[i++] = (float) w;
      }
    }
    AnimationSampler sampler = new AnimationSampler();
    sampler.setInput(b.scalars(times, true));
    sampler.setOutput(b.scalars(values, false));
    sampler.setInterpolation("LINEAR");
    AnimationChannelTarget target = new AnimationChannelTarget();
    target.setNode(0);
    target.setPath("weights");
    AnimationChannel channel = new AnimationChannel();
    channel.setSampler(0);
    channel.setTarget(target);
    Animation animation = new Animation();
    animation.setName("blendshapes");
    animation.addSamplers(sampler);
    animation.addChannels(channel);
    return animation;
  }

  /** Collects accessors and buffer views over one binary buffer, each view 4-byte aligned. */
  private static final class Builder {
    private final List<Accessor> accessors = new ArrayList<>();
    private final List<BufferView> views = new ArrayList<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    int vec3(float[] xyz, boolean bounds) {
      Accessor a = floats(xyz, xyz.length / 3, "VEC3", ARRAY_BUFFER);
      if (bounds) {
        float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < xyz.length; i++) {
          min[i % 3] = Math.min(min[i % 3], xyz[i]);
          max[i % 3] = Math.max(max[i % 3], xyz[i]);
        }
        a.setMin(new Number[] {min[0], min[1], min[2]});
        a.setMax(new Number[] {max[0], max[1], max[2]});
      }
      return accessors.size() - 1;
    }

    int scalars(float[] values, boolean bounds) {
      Accessor a = floats(values, values.length, "SCALAR", null);
      if (bounds) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : values) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        a.setMin(new Number[] {min});
        a.setMax(new Number[] {max});
      }
      return accessors.size() - 1;
    }

    int indices(int[] triangles) {
      ByteBuffer buf = ByteBuffer.allocate(4 * triangles.length).order(ByteOrder.LITTLE_ENDIAN);
      for (int v : triangles) {
        buf.putInt(v);
      }
      Accessor a = new Accessor();
      a.setBufferView(view(buf.array(), ELEMENT_ARRAY_BUFFER));
      a.setComponentType(GltfConstants.GL_UNSIGNED_INT);
      a.setCount(triangles.length);
      a.setType("SCALAR");
      accessors.add(a);
      return accessors.size() - 1;
    }

    private Accessor floats(float[] values, int count, String type, Integer target) {
      ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : values) {
        buf.putFloat(v);
      }
      Accessor a = new Accessor();
      a.setBufferView(view(buf.array(), target));
      a.setComponentType(GltfConstants.GL_FLOAT);
      a.setCount(count);
      a.setType(type);
      accessors.add(a);
      return a;
    }

    private int view(byte[] bytes, Integer target) {
      BufferView v = new BufferView();
      v.setBuffer(0);
      v.setByteOffset(data.size());
      v.setByteLength(bytes.length);
      v.setTarget(target);
      data.writeBytes(bytes);
      while (data.size() % 4 != 0) {
        data.write(0);
      }
      views.add(v);
      return views.size() - 1;
    }

    void finish(GlTF gltf) {
      accessors.forEach(gltf::addAccessors);
      views.forEach(gltf::addBufferViews);
      Buffer buffer = new Buffer();
      buffer.setByteLength(data.size());
      gltf.addBuffers(buffer);
    }

    ByteBuffer binary() {
      return ByteBuffer.wrap(data.toByteArray());
    }
  }
}
