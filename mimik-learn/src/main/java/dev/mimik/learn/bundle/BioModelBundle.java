package dev.mimik.learn.bundle;

import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.bionet.Normalisation;
import dev.mimik.learn.bionet.ParameterLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .mimik} model file: a zip holding {@code manifest.json} (format version {@value #FORMAT}, model kind,
 * landmark set), {@code config.json} ({@link BioNetConfig}), {@code normalisation.json} ({@link Normalisation}),
 * {@code band-settings.json} (the caller's opaque description of how input windows are made) and
 * {@code parameters.djl} (the network weights in DJL's parameter format). Written atomically; reading checks the
 * format version, every entry and the zip checksums, and reports any problem as one {@link BadInputException} naming
 * the file.
 */
public final class BioModelBundle {

  /** The format version written and accepted. */
  public static final String FORMAT = "mimik-model/1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "manifest.json";
  private static final String CONFIG = "config.json";
  private static final String NORMALISATION = "normalisation.json";
  private static final String BAND_SETTINGS = "band-settings.json";
  private static final String PARAMETERS = "parameters.djl";

  private BioModelBundle() {}

  /** Writes a model file, all or nothing. */
  public static void save(BioNetModel model, Path file) throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("kind", "bionet");
    manifest.put("landmarks", model.landmarkSet().name());
    manifest.put("points", model.landmarkSet().size());
    manifest.put("inputs", model.config().inputs());
    manifest.put("window_samples", model.config().windowSamples());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    entries.put(CONFIG, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(model.config()));
    entries.put(NORMALISATION, JSON.writeValueAsBytes(model.normalisation()));
    entries.put(BAND_SETTINGS, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(model.bandSettings()));
    entries.put(PARAMETERS, model.parameters());
    AtomicFiles.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
      zip.finish();
    });
  }

  /** Reads a model file; the caller closes the model. */
  public static BioNetModel load(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    } catch (IOException | IllegalArgumentException e) { // a malformed entry name is an IllegalArgumentException
      throw new BadInputException(file, "not a readable mimik model file (" + e.getMessage() + ")", e);
    }
    byte[] manifestBytes = entries.get(MANIFEST);
    if (manifestBytes == null) {
      throw new BadInputException(file, "not a mimik model file: no " + MANIFEST);
    }
    try {
      JsonNode manifest = JSON.readTree(manifestBytes);
      String format = manifest.path("format").asText("");
      if (!FORMAT.equals(format)) {
        throw new BadInputException(file, "model format '" + format + "' is not supported (this mimik reads " + FORMAT + ")");
      }
      if (!"bionet".equals(manifest.path("kind").asText())) {
        throw new BadInputException(file, "model kind '" + manifest.path("kind").asText() + "' is not a BioNet model");
      }
      BioNetConfig config = JSON.readValue(require(file, entries, CONFIG), BioNetConfig.class);
      Normalisation norm = JSON.readValue(require(file, entries, NORMALISATION), Normalisation.class);
      JsonNode bands = JSON.readTree(require(file, entries, BAND_SETTINGS));
      if (!config.landmarks().name().equals(manifest.path("landmarks").asText())) {
        throw new BadInputException(file, "manifest landmark set " + manifest.path("landmarks").asText()
            + " differs from the network's " + config.landmarks());
      }
      byte[] parameters = require(file, entries, PARAMETERS);
      ParameterLayout.check(config, parameters);
      return BioNetModel.of(config, norm, bands, parameters);
    } catch (IOException | MalformedModelException | IllegalArgumentException e) {
      throw new BadInputException(file, "damaged mimik model file: " + e.getMessage(), e);
    }
  }

  private static byte[] require(Path file, Map<String, byte[]> entries, String name) {
    byte[] bytes = entries.get(name);
    if (bytes == null) {
      throw new BadInputException(file, "damaged mimik model file: no " + name);
    }
    return bytes;
  }
}
