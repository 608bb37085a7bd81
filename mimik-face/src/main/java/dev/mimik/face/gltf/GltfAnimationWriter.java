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
    try (Frames frames = frames(rig, track)) {
      frames.write(file);
    }
  }

  /** The {@code .glb} bytes. */
  public byte[] toGlb(FaceRig rig, BlendshapeTrack track) throws IOException {
    try (Frames frames = frames(rig, track)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      frames.writeTo(out);
      return out.toByteArray();
    }
  }

  /**
   * The track's frames; glTF's animation times cannot be negative, so a track that starts before 0 (a landmark file
   * whose camera started before the biosignals' clock, say) is moved to start at 0.
   */
  private static Frames frames(FaceRig rig, BlendshapeTrack track) throws IOException {
    Frames frames = new Frames(rig, track.names());
    double shift = track.frameCount() == 0 ? 0 : Math.max(0, -track.timesSeconds()[0]);
    try {
      for (int f = 0; f < track.frameCount(); f++) {
        frames.add(track.timesSeconds()[f] + shift, track.weights()[f]);
      }
      return frames;
    } catch (IOException | RuntimeException e) {
      frames.close();
      throw e;
    }
  }

  /**
   * A {@code .glb} whose animation arrives a frame at a time, as frames are tracked: the frames go to temporary files
   * (as the 32-bit floats the file stores), not memory, so a recording of any length animates the face in the same
   * heap. {@link #add} each frame, then {@link #write}; closing deletes the temporary files.
   */
  public static final class Frames implements java.io.Closeable {
    private final FaceRig rig;
    private final int[] targets;
    private final Path times;
    private final Path values;
    private final java.io.DataOutputStream timesOut;
    private final java.io.DataOutputStream valuesOut;
    private final float[] row;
    private int frames;
    private double last;
    private float min = Float.MAX_VALUE;
    private float max = -Float.MAX_VALUE;

    /**
     * An animation of the shapes {@code names} on {@code rig}.
     *
     * @throws IllegalArgumentException if the rig lacks a shape named
     */
    public Frames(FaceRig rig, List<String> names) throws IOException {
      this.rig = rig;
      this.targets = new int[names.size()];
      for (int k = 0; k < targets.length; k++) {
        targets[k] = rig.shapeIndex(names.get(k));
        if (targets[k] < 0) {
          throw new IllegalArgumentException("the rig " + rig.name() + " has no shape named " + names.get(k));
        }
      }
      this.row = new float[rig.shapeCount()];
      this.times = java.nio.file.Files.createTempFile("mimik-glb-times", ".bin");
      this.values = java.nio.file.Files.createTempFile("mimik-glb-weights", ".bin");
      this.timesOut = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
          java.nio.file.Files.newOutputStream(times), 1 << 16));
      this.valuesOut = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
          java.nio.file.Files.newOutputStream(values), 1 << 16));
    }

    /**
     * The next frame: its time and its weights in the names' order.
     *
     * @throws IllegalArgumentException if times are negative or do not increase
     */
    public void add(double timeSeconds, double[] weights) throws IOException {
      if (!(timeSeconds >= 0) || (frames > 0 && !(timeSeconds > last))) {
        throw new IllegalArgumentException("animation times must be non-negative and increasing, frame " + frames
            + " is at " + timeSeconds);
      }
      last = timeSeconds;
      float t = (float) timeSeconds;
      min = Math.min(min, t);
      max = Math.max(max, t);
      timesOut.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(t)));
      java.util.Arrays.fill(row, 0);
      for (int k = 0; k < targets.length; k++) {
        row[targets[k]] = (float) weights[k];
      }
      for (float w : row) {
        valuesOut.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(w)));
      }
      frames++;
    }

    /** Writes the {@code .glb} to {@code file}, all or nothing. */
    public void write(Path file) throws IOException {
      AtomicFiles.write(file, this::writeTo);
    }

    /** Writes the {@code .glb}: its JSON, then the rig's buffers and the frames copied from the temporary files. */
    public void writeTo(java.io.OutputStream out) throws IOException {
      timesOut.flush();
      valuesOut.flush();
      Builder b = new Builder();
      GlTF gltf = scene(rig, b);
      boolean animated = rig.shapeCount() > 0 && frames > 0;
      if (animated) {
        gltf.addAnimations(animation(b, frames, rig.shapeCount(), min, max));
      }
      b.finish(gltf);
      byte[] json = json(gltf);
      long bin = b.length();
      ByteBuffer head = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
      head.putInt(0x46546C67).putInt(2).putInt(Math.toIntExact(12 + 8 + json.length + 8 + bin));
      head.putInt(json.length).putInt(0x4E4F534A);
      out.write(head.array(), 0, 20);
      out.write(json);
      head.clear();
      head.putInt(Math.toIntExact(bin)).putInt(0x004E4942);
      out.write(head.array(), 0, 8);
      b.data.writeTo(out);
      if (animated) {
        java.nio.file.Files.copy(times, out);
        java.nio.file.Files.copy(values, out);
      }
    }

    /** Deletes the temporary files. */
    @Override
    public void close() throws IOException {
      try {
        timesOut.close();
        valuesOut.close();
      } finally {
        java.nio.file.Files.deleteIfExists(times);
        java.nio.file.Files.deleteIfExists(values);
      }
    }

    /**
     * The JSON chunk as jgltf writes it (padded to four bytes), taken from a {@code .glb} jgltf writes without the
     * binary data: the JSON states the buffer's length itself.
     */
    private static byte[] json(GlTF gltf) throws IOException {
      ByteArrayOutputStream glb = new ByteArrayOutputStream();
      new GltfAssetWriter().writeBinary(new GltfAssetV2(gltf, ByteBuffer.allocate(0)), glb);
      ByteBuffer bytes = ByteBuffer.wrap(glb.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
      int length = bytes.getInt(12);
      return java.util.Arrays.copyOfRange(bytes.array(), 20, 20 + length);
    }
  }

  /** The rig's mesh, node and scene, their data in {@code b}. */
  private static GlTF scene(FaceRig rig, Builder b) {
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
    return gltf;
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

  /** The animation of {@code frames} frames of {@code shapes} weights each, its data to follow {@code b}'s. */
  private static Animation animation(Builder b, int frames, int shapes, float min, float max) {
    AnimationSampler sampler = new AnimationSampler();
    sampler.setInput(b.following(frames, 4L * frames, new Number[] {min}, new Number[] {max}));
    sampler.setOutput(b.following(frames * shapes, 4L * frames * shapes, null, null));
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
    /** Bytes of the views whose data is written after {@link #data} (the animation's frames). */
    private long following;

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

    /**
     * A float SCALAR accessor of {@code count} values whose {@code bytes} (a multiple of four) follow the data held
     * here and the earlier following views.
     */
    int following(int count, long bytes, Number[] min, Number[] max) {
      BufferView v = new BufferView();
      v.setBuffer(0);
      v.setByteOffset(Math.toIntExact(data.size() + following));
      v.setByteLength(Math.toIntExact(bytes));
      views.add(v);
      following += bytes;
      Accessor a = new Accessor();
      a.setBufferView(views.size() - 1);
      a.setComponentType(GltfConstants.GL_FLOAT);
      a.setCount(count);
      a.setType("SCALAR");
      a.setMin(min);
      a.setMax(max);
      accessors.add(a);
      return accessors.size() - 1;
    }

    /** The buffer's length: the data held here and the following views'. */
    long length() {
      return data.size() + following;
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
      buffer.setByteLength(Math.toIntExact(length()));
      gltf.addBuffers(buffer);
    }
  }
}
