package dev.mimik.face.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.FaceRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads the ICT FaceKit Light rig from its glTF conversion (the folder {@code data/ict-facekit/} of the shared data):
 * {@code ict_face_expressions.glb} (53 ARKit-named expression targets with {@code _L}/{@code _R} sides, eyes,
 * landmarks), {@code ict_face_identity.glb} (100 identity PCA modes on the same mesh) and {@code landmarks68.json}
 * (the 68 iBUG landmark vertices). Units are centimetres.
 */
public final class IctFaceKit {

  public static final String EXPRESSIONS = "ict_face_expressions.glb";
  public static final String IDENTITY = "ict_face_identity.glb";
  public static final String LANDMARKS = "landmarks68.json";

  private IctFaceKit() {}

  /** The rig with its 53 expression shapes (ICT's names) and 100 identity modes. */
  public static FaceRig load(Path dir) {
    GltfRigReader reader = new GltfRigReader();
    FaceRig expressions = reader.read(dir.resolve(EXPRESSIONS));
    Path identityFile = dir.resolve(IDENTITY);
    FaceRig identity = reader.read(identityFile);
    if (!Arrays.equals(identity.neutral(), expressions.neutral())
        || !Arrays.equals(identity.triangles(), expressions.triangles())) {
      throw new BadInputException(identityFile, "its mesh differs from the one in " + EXPRESSIONS);
    }
    int[] landmarks = landmarks(dir.resolve(LANDMARKS), expressions.vertexCount());
    if (expressions.landmarkVertices().length > 0 && !Arrays.equals(landmarks, expressions.landmarkVertices())) {
      throw new BadInputException(dir.resolve(LANDMARKS), "its landmarks differ from those in " + EXPRESSIONS);
    }
    return new FaceRig("ict-facekit", expressions.neutral(), expressions.triangles(), expressions.shapeNames(),
        expressions.shapeDeltas(), identity.shapeNames(), identity.shapeDeltas(), landmarks, expressions.leftEye(),
        expressions.rightEye(), expressions.millimetresPerUnit());
  }

  private static int[] landmarks(Path file, int vertexCount) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new BadInputException(file, "not readable JSON (" + e.getMessage() + ")", e);
    }
    JsonNode list = root == null ? null : root.get("new");
    if (list == null || !list.isArray() || list.size() != 68) {
      throw new BadInputException(file, "needs an array \"new\" of 68 vertex indices");
    }
    int[] out = new int[68];
    for (int i = 0; i < 68; i++) {
      JsonNode v = list.get(i);
      if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0 || v.asInt() >= vertexCount) {
        throw new BadInputException(file, "landmark " + i + " is not a vertex index: " + v);
      }
      out[i] = v.asInt();
    }
    return out;
  }
}
