package dev.mimik.app.serve;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Seeded test data for the serve package: blendshape tracks and a tiny face glb made by code. */
final class Fixtures {

  private Fixtures() {}

  /** A track of smooth, seeded per-shape sinusoids in [0, 1] at {@code fps}. */
  static BlendshapeTrack track(int frames, double fps, long seed) {
    Random rnd = new Random(seed);
    int n = Blendshapes.ARKIT_52.size();
    double[] freq = new double[n];
    double[] phase = new double[n];
    for (int k = 0; k < n; k++) {
      freq[k] = 0.2 + rnd.nextDouble();
      phase[k] = rnd.nextDouble() * 2 * Math.PI;
    }
    double[] times = new double[frames];
    double[][] w = new double[frames][n];
    for (int f = 0; f < frames; f++) {
      times[f] = f / fps;
      for (int k = 0; k < n; k++) {
        w[f][k] = 0.5 + 0.5 * Math.sin(2 * Math.PI * freq[k] * times[f] + phase[k]);
      }
    }
    return new BlendshapeTrack(times, Blendshapes.ARKIT_52, w);
  }

  /**
   * A glTF 2.0 binary with one mesh: a 2x2-quad square of 9 vertices and one morph target per given name (each
   * pushes a different vertex forward), target names in {@code mesh.extras.targetNames} as three.js reads them.
   */
  static byte[] tinyGlb(String... targetNames) {
    int vertices = 9;
    float[] pos = new float[vertices * 3];
    for (int i = 0; i < vertices; i++) {
      pos[3 * i] = (i % 3 - 1) * 0.05f;
      pos[3 * i + 1] = (i / 3 - 1) * 0.05f;
    }
    short[] idx = {0, 1, 4, 0, 4, 3, 1, 2, 5, 1, 5, 4, 3, 4, 7, 3, 7, 6, 4, 5, 8, 4, 8, 7};
    ByteBuffer bin = ByteBuffer.allocate(pos.length * 4 + idx.length * 2 + targetNames.length * pos.length * 4)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (float v : pos) {
      bin.putFloat(v);
    }
    for (short s : idx) {
      bin.putShort(s);
    }
    for (int t = 0; t < targetNames.length; t++) {
      for (int i = 0; i < vertices; i++) {
        bin.putFloat(0).putFloat(0).putFloat(i == t % vertices ? 0.03f : 0);
      }
    }
    int posBytes = pos.length * 4;
    int idxBytes = idx.length * 2;
    StringBuilder views = new StringBuilder();
    StringBuilder accessors = new StringBuilder();
    StringBuilder targets = new StringBuilder();
    views.append(String.format("{\"buffer\":0,\"byteOffset\":0,\"byteLength\":%d},", posBytes));
    views.append(String.format("{\"buffer\":0,\"byteOffset\":%d,\"byteLength\":%d}", posBytes, idxBytes));
    accessors.append("{\"bufferView\":0,\"componentType\":5126,\"count\":9,\"type\":\"VEC3\","
        + "\"min\":[-0.05,-0.05,0],\"max\":[0.05,0.05,0]},");
    accessors.append("{\"bufferView\":1,\"componentType\":5123,\"count\":" + idx.length + ",\"type\":\"SCALAR\"}");
    StringBuilder names = new StringBuilder();
    for (int t = 0; t < targetNames.length; t++) {
      views.append(String.format(",{\"buffer\":0,\"byteOffset\":%d,\"byteLength\":%d}",
          posBytes + idxBytes + t * posBytes, posBytes));
      accessors.append(String.format(",{\"bufferView\":%d,\"componentType\":5126,\"count\":9,\"type\":\"VEC3\","
          + "\"min\":[0,0,0],\"max\":[0,0,0.03]}", 2 + t));
      targets.append(t == 0 ? "" : ",").append("{\"POSITION\":").append(2 + t).append('}');
      names.append(t == 0 ? "" : ",").append('"').append(targetNames[t]).append('"');
    }
    String json = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"mimik test fixture\"},\"scene\":0,"
        + "\"scenes\":[{\"nodes\":[0]}],\"nodes\":[{\"mesh\":0}],"
        + "\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0},\"indices\":1,\"targets\":[" + targets
        + "]}],\"weights\":[" + "0,".repeat(targetNames.length).replaceAll(",$", "") + "],"
        + "\"extras\":{\"targetNames\":[" + names + "]}}],"
        + "\"buffers\":[{\"byteLength\":" + bin.capacity() + "}],"
        + "\"bufferViews\":[" + views + "],\"accessors\":[" + accessors + "]}";
    byte[] jsonBytes = padded(json.getBytes(StandardCharsets.UTF_8), (byte) ' ');
    byte[] binBytes = padded(bin.array(), (byte) 0);
    ByteBuffer glb = ByteBuffer.allocate(12 + 8 + jsonBytes.length + 8 + binBytes.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    glb.putInt(0x46546C67).putInt(2).putInt(glb.capacity());
    glb.putInt(jsonBytes.length).putInt(0x4E4F534A).put(jsonBytes);
    glb.putInt(binBytes.length).putInt(0x004E4942).put(binBytes);
    return glb.array();
  }

  private static byte[] padded(byte[] bytes, byte pad) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes);
    while (out.size() % 4 != 0) {
      out.write(pad);
    }
    return out.toByteArray();
  }
}
