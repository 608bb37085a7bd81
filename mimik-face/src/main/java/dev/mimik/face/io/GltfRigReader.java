package dev.mimik.face.io;

import de.javagl.jgltf.model.AccessorByteData;
import de.javagl.jgltf.model.AccessorData;
import de.javagl.jgltf.model.AccessorFloatData;
import de.javagl.jgltf.model.AccessorIntData;
import de.javagl.jgltf.model.AccessorModel;
import de.javagl.jgltf.model.AccessorShortData;
import de.javagl.jgltf.model.GltfConstants;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.MeshModel;
import de.javagl.jgltf.model.MeshPrimitiveModel;
import de.javagl.jgltf.model.io.GltfModelReader;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a face rig from a glTF 2.0 file ({@code .glb} or {@code .gltf}): the first primitive of the first mesh gives
 * the neutral ({@code POSITION}), the triangles and one expression target per morph target.
 *
 * <p>Target names come from {@code mesh.extras.targetNames} (the convention three.js and Blender read); without them
 * the targets are named {@code target0, target1, ...}. Optional {@code mesh.extras} keys in the form the ICT FaceKit
 * conversion writes are used when present: {@code landmarks68}, {@code eyes} and {@code units}. A rig without
 * {@code units} is taken to be in metres, glTF's unit.
 */
public final class GltfRigReader {

  /** Reads the rig in {@code file}; its name is the file name without extension. */
  public FaceRig read(Path file) {
    GltfModel model = load(file);
    if (model.getMeshModels().isEmpty()) {
      throw new BadInputException(file, "the glTF file has no mesh");
    }
    MeshModel mesh = model.getMeshModels().get(0);
    if (mesh.getMeshPrimitiveModels().isEmpty()) {
      throw new BadInputException(file, "mesh 0 has no primitive");
    }
    MeshPrimitiveModel primitive = mesh.getMeshPrimitiveModels().get(0);
    if (primitive.getMode() != GltfConstants.GL_TRIANGLES) {
      throw new BadInputException(file, "mesh 0 is not made of triangles (mode " + primitive.getMode() + ")");
    }
    AccessorModel position = primitive.getAttributes().get("POSITION");
    if (position == null) {
      throw new BadInputException(file, "mesh 0 has no POSITION attribute");
    }
    float[] neutral = vec3(file, position, "POSITION");
    int vertexCount = neutral.length / 3;
    int[] triangles = triangles(file, primitive.getIndices(), vertexCount);

    Map<?, ?> extras = map(mesh.getExtras());
    List<String> names = targetNames(file, extras, primitive.getTargets().size());
    List<float[]> deltas = new ArrayList<>();
    for (int k = 0; k < primitive.getTargets().size(); k++) {
      AccessorModel target = primitive.getTargets().get(k).get("POSITION");
      if (target == null) {
        throw new BadInputException(file, "morph target " + k + " has no POSITION");
      }
      float[] delta = vec3(file, target, "morph target " + names.get(k));
      if (delta.length != neutral.length) {
        throw new BadInputException(file, "morph target " + names.get(k) + " has " + delta.length / 3
            + " vertices, the mesh " + vertexCount);
      }
      deltas.add(delta);
    }
    int[] landmarks = landmarks(file, extras.get("landmarks68"), vertexCount);
    Map<?, ?> eyes = extras.get("eyes") instanceof Map<?, ?> m ? m : Map.of();
    Eyeball left = eyeball(file, eyes.get("left"), vertexCount);
    Eyeball right = eyeball(file, eyes.get("right"), vertexCount);
    double mmPerUnit = millimetresPerUnit(file, extras.get("units"));
    String name = file.getFileName().toString().replaceFirst("\\.(glb|gltf)$", "");
    return new FaceRig(name, neutral, triangles, names, deltas, List.of(), List.of(), landmarks, left, right,
        mmPerUnit);
  }

  private static GltfModel load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, "no such file");
    }
    List<String> jsonErrors = new ArrayList<>();
    GltfModelReader reader = new GltfModelReader();
    reader.setJsonErrorConsumer(e -> jsonErrors.add(e.getMessage()));
    GltfModel model;
    try {
      model = reader.read(file);
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(file, "not a readable glTF 2.0 file (" + e.getMessage() + ")", e);
    }
    if (!jsonErrors.isEmpty()) {
      throw new BadInputException(file, "bad glTF JSON: " + jsonErrors.get(0));
    }
    if (model == null) {
      throw new BadInputException(file, "not a readable glTF 2.0 file");
    }
    return model;
  }

  private static float[] vec3(Path file, AccessorModel accessor, String what) {
    if (accessor.getComponentType() != GltfConstants.GL_FLOAT || accessor.getElementType().getNumComponents() != 3) {
      throw new BadInputException(file, what + " is not a float VEC3 accessor");
    }
    float[] out = new float[accessor.getCount() * 3];
    try {
      AccessorFloatData data = (AccessorFloatData) accessor.getAccessorData();
      for (int i = 0; i < out.length; i++) {
        out[i] = data.get(i);
      }
    } catch (RuntimeException e) {
      throw new BadInputException(file, what + ": its data lie outside the buffer (" + e.getMessage() + ")", e);
    }
    for (float v : out) {
      if (!Float.isFinite(v)) {
        throw new BadInputException(file, what + " holds a non-finite value");
      }
    }
    return out;
  }

  private static int[] triangles(Path file, AccessorModel indices, int vertexCount) {
    int[] out;
    if (indices == null) {
      out = new int[vertexCount];
      for (int i = 0; i < vertexCount; i++) {
        out[i] = i;
      }
    } else {
      out = new int[indices.getCount()];
      try {
        AccessorData data = indices.getAccessorData();
        for (int i = 0; i < out.length; i++) {
          out[i] = index(file, data, i);
        }
      } catch (BadInputException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new BadInputException(file, "indices lie outside the buffer (" + e.getMessage() + ")", e);
      }
    }
    if (out.length % 3 != 0) {
      throw new BadInputException(file, "the index count " + out.length + " is not a multiple of 3");
    }
    for (int v : out) {
      if (v < 0 || v >= vertexCount) {
        throw new BadInputException(file, "triangle index " + v + " is out of range (" + vertexCount + " vertices)");
      }
    }
    return out;
  }

  private static int index(Path file, AccessorData data, int i) {
    if (data instanceof AccessorShortData s) {
      return s.getInt(i);
    } else if (data instanceof AccessorByteData b) {
      return b.getInt(i);
    } else if (data instanceof AccessorIntData n) {
      return n.get(i);
    }
    throw new BadInputException(file, "indices are not integers");
  }

  private static Map<?, ?> map(Object extras) {
    return extras instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<String> targetNames(Path file, Map<?, ?> extras, int count) {
    Object value = extras.get("targetNames");
    List<String> names = new ArrayList<>();
    if (value == null) {
      for (int k = 0; k < count; k++) {
        names.add("target" + k);
      }
      return names;
    }
    if (!(value instanceof List<?> list) || list.size() != count) {
      throw new BadInputException(file, "mesh.extras.targetNames does not list one name per morph target ("
          + count + ")");
    }
    for (Object o : list) {
      if (!(o instanceof String s) || s.isEmpty() || names.contains(s)) {
        throw new BadInputException(file, "mesh.extras.targetNames holds an empty, repeated or non-text name: " + o);
      }
      names.add(s);
    }
    return names;
  }

  private static int[] landmarks(Path file, Object value, int vertexCount) {
    if (value == null) {
      return new int[0];
    }
    int[] out = ints(file, value, "mesh.extras.landmarks68");
    if (out.length != 68) {
      throw new BadInputException(file, "mesh.extras.landmarks68 has " + out.length + " entries, not 68");
    }
    for (int v : out) {
      if (v < 0 || v >= vertexCount) {
        throw new BadInputException(file, "landmark vertex " + v + " is out of range");
      }
    }
    return out;
  }

  private static Eyeball eyeball(Path file, Object value, int vertexCount) {
    if (!(value instanceof Map<?, ?> eye)) {
      return null;
    }
    double[] centre = doubles(file, eye.get("center"), "eye center");
    double[] axis = doubles(file, eye.get("axis"), "eye axis");
    if (centre.length != 3 || axis.length != 3 || !(eye.get("radius") instanceof Number radius)
        || !(eye.get("first") instanceof Number first) || !(eye.get("count") instanceof Number count)) {
      throw new BadInputException(file, "mesh.extras.eyes needs center[3], axis[3], radius, first and count");
    }
    if (first.intValue() < 0 || first.intValue() + count.intValue() > vertexCount) {
      throw new BadInputException(file, "an eyeball's vertex range is out of the mesh");
    }
    int[] vertices = new int[count.intValue()];
    for (int i = 0; i < vertices.length; i++) {
      vertices[i] = first.intValue() + i;
    }
    return new Eyeball(centre, radius.doubleValue(), axis, vertices);
  }

  private static double millimetresPerUnit(Path file, Object units) {
    if (units == null) {
      return 1000;
    }
    return switch (String.valueOf(units)) {
      case "meter", "metre", "m" -> 1000;
      case "centimeter", "centimetre", "cm" -> 10;
      case "millimeter", "millimetre", "mm" -> 1;
      default -> throw new BadInputException(file, "unknown mesh.extras.units: " + units);
    };
  }

  private static int[] ints(Path file, Object value, String what) {
    if (!(value instanceof List<?> list)) {
      throw new BadInputException(file, what + " is not a list");
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Number n) || n.doubleValue() != n.intValue()) {
        throw new BadInputException(file, what + " holds a non-integer: " + list.get(i));
      }
      out[i] = n.intValue();
    }
    return out;
  }

  private static double[] doubles(Path file, Object value, String what) {
    if (!(value instanceof List<?> list)) {
      throw new BadInputException(file, what + " is not a list");
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Number n)) {
        throw new BadInputException(file, what + " holds a non-number: " + list.get(i));
      }
      out[i] = n.doubleValue();
    }
    return out;
  }
}
