package dev.mimik.learn.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells mimik's model files apart by content: both kinds are zips whose {@code manifest.json} names their format
 * ({@link BioModelBundle#FORMAT} for {@code .mimik} tracking models, {@code mimik-eifer/1} for EIFER maps).
 */
public final class ModelManifest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Largest manifest read: real ones hold names and a few numbers. */
  private static final int MAX_MANIFEST_BYTES = 1 << 20;

  private ModelManifest() {}

  /** Whether a file's first bytes are a zip's. */
  public static boolean isZip(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }

  /**
   * The {@code format} a zip's {@code manifest.json} declares; empty when the file is not a readable zip, has no
   * manifest or the manifest names no format.
   */
  public static Optional<String> format(Path file) {
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("manifest.json")) {
          byte[] bytes = zip.readNBytes(MAX_MANIFEST_BYTES);
          String format = JSON.readTree(bytes).path("format").asText("");
          return format.isEmpty() ? Optional.empty() : Optional.of(format);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
