package dev.mimik.face.io;

import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.FaceRig;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a face rig from Wavefront OBJ files as ICT FaceKit ships it: one neutral mesh with faces, plus one OBJ per
 * expression shape and per identity mode with the same vertices in the same order.
 *
 * <p>A target's delta is its vertex positions minus the neutral's; its name is the file name without {@code .obj}.
 * Polygons are split into triangles as a fan, keeping the OBJ's counter-clockwise winding. The rig has no landmark
 * vertices and no eyeballs: OBJ does not carry them.
 */
public final class ObjRigReader {

  /** The mesh of one OBJ file: flat xyz positions and triangle indices (empty if {@code withFaces} was false). */
  private record ObjMesh(float[] positions, int[] triangles) {}

  /**
   * Reads a rig from explicit files.
   *
   * @param name the rig's name
   * @param neutral the neutral OBJ, with faces
   * @param shapes one OBJ per expression shape
   * @param identities one OBJ per identity mode (may be empty)
   * @param millimetresPerUnit the size of one OBJ unit in millimetres (10 for ICT FaceKit's centimetres)
   */
  public FaceRig read(String name, Path neutral, List<Path> shapes, List<Path> identities,
      double millimetresPerUnit) {
    ObjMesh base = parse(neutral, true);
    if (base.triangles().length == 0) {
      throw new BadInputException(neutral, "the neutral OBJ has no faces");
    }
    List<float[]> shapeDeltas = new ArrayList<>();
    for (Path shape : shapes) {
      shapeDeltas.add(delta(base, shape));
    }
    List<float[]> identityDeltas = new ArrayList<>();
    for (Path identity : identities) {
      identityDeltas.add(delta(base, identity));
    }
    return new FaceRig(name, base.positions(), base.triangles(), names(shapes), shapeDeltas, names(identities),
        identityDeltas, new int[0], null, null, millimetresPerUnit);
  }

  /**
   * Reads a rig from a folder: {@code neutralFileName} is the neutral, every other {@code .obj} a target in name
   * order; files whose name starts with {@code identity} are identity modes, the rest expression shapes.
   */
  public FaceRig readDirectory(Path dir, String neutralFileName, double millimetresPerUnit) {
    Path neutral = dir.resolve(neutralFileName);
    List<Path> shapes = new ArrayList<>();
    List<Path> identities = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String file = p.getFileName().toString();
        if (!file.endsWith(".obj") || file.equals(neutralFileName)) {
          continue;
        }
        (file.startsWith("identity") ? identities : shapes).add(p);
      }
    } catch (IOException e) {
      throw new BadInputException(dir, "cannot list the folder (" + e.getMessage() + ")", e);
    }
    return read(dir.getFileName().toString(), neutral, shapes, identities, millimetresPerUnit);
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString().replaceFirst("\\.obj$", "")).toList();
  }

  private static float[] delta(ObjMesh base, Path file) {
    float[] target = parse(file, false).positions();
    if (target.length != base.positions().length) {
      throw new BadInputException(file, "has " + target.length / 3 + " vertices, the neutral "
          + base.positions().length / 3);
    }
    float[] delta = new float[target.length];
    for (int i = 0; i < delta.length; i++) {
      delta[i] = target[i] - base.positions()[i];
    }
    return delta;
  }

  private static ObjMesh parse(Path file, boolean withFaces) {
    float[] positions = new float[3 * 1024];
    int count = 0;
    List<int[]> polygons = new ArrayList<>();
    int lineNumber = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.startsWith("v ") || line.startsWith("v\t")) {
          String[] t = line.trim().split("\\s+");
          if (t.length < 4) {
            throw new BadInputException(file, "line " + lineNumber + ": a vertex needs three coordinates");
          }
          if (3 * count + 3 > positions.length) {
            positions = java.util.Arrays.copyOf(positions, positions.length * 2);
          }
          for (int k = 0; k < 3; k++) {
            float v = Float.parseFloat(t[k + 1]);
            if (!Float.isFinite(v)) {
              throw new BadInputException(file, "line " + lineNumber + ": a non-finite coordinate");
            }
            positions[3 * count + k] = v;
          }
          count++;
        } else if (withFaces && (line.startsWith("f ") || line.startsWith("f\t"))) {
          String[] t = line.trim().split("\\s+");
          if (t.length < 4) {
            throw new BadInputException(file, "line " + lineNumber + ": a face needs at least three vertices");
          }
          int[] polygon = new int[t.length - 1];
          for (int k = 0; k < polygon.length; k++) {
            int index = Integer.parseInt(t[k + 1].split("/", 2)[0]);
            polygon[k] = index < 0 ? count + index : index - 1;
            if (index == 0 || polygon[k] < 0 || polygon[k] >= count) {
              throw new BadInputException(file, "line " + lineNumber + ": face vertex " + index
                  + " does not exist (" + count + " vertices so far)");
            }
          }
          polygons.add(polygon);
        }
      }
    } catch (NumberFormatException e) {
      throw new BadInputException(file, "line " + lineNumber + ": not a number (" + e.getMessage() + ")", e);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException(file, "cannot read the OBJ file (" + e.getMessage() + ")", e);
    }
    if (count == 0) {
      throw new BadInputException(file, "the OBJ file has no vertices");
    }
    int triangleCount = 0;
    for (int[] p : polygons) {
      triangleCount += p.length - 2;
    }
    int[] triangles = new int[3 * triangleCount];
    int t = 0;
    for (int[] p : polygons) {
      for (int k = 1; k + 1 < p.length; k++) {
        triangles[t++] = p[0];
        triangles[t++] = p[k];
        triangles[t++] = p[k + 1];
      }
    }
    return new ObjMesh(java.util.Arrays.copyOf(positions, 3 * count), triangles);
  }
}
