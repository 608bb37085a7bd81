package dev.mimik.learn.eifer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The maps an EIFER training has finished, kept in a file after each one, so that a killed {@code mimik emg train}
 * run again skips them. The file names what it was trained on (a digest of the training rows and settings); one of
 * another training is refused, not reused.
 */
final class MapCheckpoint {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final String fingerprint;
  private final ObjectNode maps;

  /**
   * @param file the checkpoint file (read if it exists), or null to keep nothing
   * @param fingerprint what the training is: a checkpoint of another is refused
   */
  MapCheckpoint(Path file, String fingerprint) {
    this.file = file;
    this.fingerprint = fingerprint;
    this.maps = JSON.createObjectNode();
    if (file != null && Files.exists(file)) {
      try {
        JsonNode saved = JSON.readTree(file.toFile());
        if (!fingerprint.equals(saved.path("fingerprint").asText())) {
          throw new BadInputException(file, "checkpoint belongs to another training run (other recordings or"
              + " settings); delete it to start afresh");
        }
        maps.setAll((ObjectNode) saved.path("maps"));
      } catch (IOException | ClassCastException e) {
        throw new BadInputException(file, "not a checkpoint of mimik emg train: " + e.getMessage(), e);
      }
    }
  }

  /** The map saved under {@code name}, if an earlier run finished it. */
  Optional<DenseMap> load(String name) {
    if (!maps.has(name)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.treeToValue(maps.get(name), DenseMap.class));
    } catch (IOException e) {
      throw new BadInputException(file, "map " + name + " in the checkpoint is unreadable: " + e.getMessage(), e);
    }
  }

  /** Keeps {@code map} under {@code name} (nothing without a file). */
  void save(String name, DenseMap map) {
    if (file == null) {
      return;
    }
    maps.set(name, JSON.valueToTree(map));
    ObjectNode all = JSON.createObjectNode().put("fingerprint", fingerprint);
    all.set("maps", maps);
    try {
      AtomicFiles.writeString(file, JSON.writeValueAsString(all));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A digest of training rows and settings. */
  static String fingerprint(Object settings, double[][]... tables) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(String.valueOf(settings).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      ByteBuffer b = ByteBuffer.allocate(8);
      for (double[][] table : tables) {
        for (double[] row : table) {
          for (double v : row) {
            b.clear();
            sha.update(b.putDouble(v).array());
          }
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
