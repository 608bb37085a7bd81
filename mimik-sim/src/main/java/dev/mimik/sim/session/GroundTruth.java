package dev.mimik.sim.session;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.core.io.csv.BlendshapeCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The ground truth of a session to score a tracking run against, read back: landmarks, and, when they lie beside
 * them as {@link GroundTruthWriter} writes a session's {@code truth/} folder, the true blendshapes, blinks and
 * identity.
 *
 * @param landmarks the true landmarks
 * @param blendshapes the true ARKit weights per frame, or null
 * @param blinks the true blinks, {@code [blink]{onset_s, duration_s}}, or null
 * @param identity the true identity coefficients of the face rig, or null
 * @param faceModel the name of the face rig that made the faces (the identity is its coefficients), or null where
 *     the truth does not say (sessions written before it did, made by the embedded rig)
 */
public record GroundTruth(LandmarkTrack landmarks, BlendshapeTrack blendshapes, double[][] blinks, double[] identity,
    String faceModel) {

  /** Reads the landmarks file and whatever of {@code blendshapes.csv}, {@code blinks.csv}, {@code participant.csv} lies beside it. */
  public static GroundTruth read(Path landmarksFile) throws IOException {
    LandmarkTrack landmarks = LandmarkFormats.standard().read(landmarksFile);
    Path shapes = landmarksFile.resolveSibling("blendshapes.csv");
    return new GroundTruth(landmarks, Files.isRegularFile(shapes) ? BlendshapeCsv.read(shapes) : null,
        readBlinks(landmarksFile.resolveSibling("blinks.csv")), readIdentity(landmarksFile.resolveSibling(
            "participant.csv")), readFaceModel(landmarksFile.resolveSibling("participant.csv")));
  }

  /** Whether the true faces were made by {@code rigName}'s rig, so that its identity coefficients are this truth's. */
  public boolean madeBy(String rigName) {
    return faceModel == null || faceModel.equals(rigName);
  }

  /** The {@code face_model} column of the simulator's participant.csv, or null where it or the file is absent. */
  static String readFaceModel(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file);
    int column = lines.isEmpty() ? -1 : Arrays.asList(lines.get(0).split(",")).indexOf("face_model");
    if (column < 0 || lines.size() < 2) {
      return null;
    }
    String[] cells = lines.get(1).split(",");
    return column < cells.length && !cells[column].isBlank() ? cells[column].strip() : null;
  }

  /** The simulator's true blinks ({@code onset_s,duration_s} per line after a header), or null when absent. */
  public static double[][] readBlinks(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file);
    double[][] out = new double[Math.max(0, lines.size() - 1)][];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      try {
        out[i - 1] = new double[] {Double.parseDouble(cells[0].strip()), Double.parseDouble(cells[1].strip())};
      } catch (RuntimeException e) {
        throw new BadInputException(file, "line " + (i + 1) + " is not onset_s,duration_s: '" + lines.get(i) + "'");
      }
    }
    return out;
  }

  /** The {@code identity} column (space-separated coefficients) of the simulator's participant.csv, or null. */
  public static double[] readIdentity(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file);
    int column = lines.isEmpty() ? -1 : Arrays.asList(lines.get(0).split(",")).indexOf("identity");
    if (column < 0 || lines.size() < 2) {
      throw new BadInputException(file, "has no identity column and row");
    }
    String[] cells = lines.get(1).split(",");
    try {
      return Arrays.stream(cells[column].strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    } catch (RuntimeException e) {
      throw new BadInputException(file, "identity '" + (column < cells.length ? cells[column] : "") + "' is not a"
          + " list of numbers");
    }
  }
}
