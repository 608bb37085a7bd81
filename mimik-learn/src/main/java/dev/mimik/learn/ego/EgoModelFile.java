package dev.mimik.learn.ego;

import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The EgoNet model file: a zip holding {@code manifest.json} (format version {@value #FORMAT}, the network's
 * configuration, the camera of each view slot, and the statistics of its training data: the range-of-motion
 * reference and per view slot what familiar views look like) and {@code parameters.bin} (the weights in DJL's
 * format, batch-norm statistics included). Written atomically; any problem reading it is one
 * {@link BadInputException} naming the file.
 */
public final class EgoModelFile {

  /** The format version written and accepted. */
  public static final String FORMAT = "mimik-egonet/1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "manifest.json";
  private static final String PARAMETERS = "parameters.bin";

  private EgoModelFile() {}

  /**
   * A zip entry stamped with a fixed time, so that the same model always makes the same bytes (two trainings with
   * one seed can be compared by their files).
   */
  private static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTime(0);
    return e;
  }

  /** Writes a model (whole file or nothing). */
  public static void write(EgoModel model, Path file) throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", FORMAT);
    EgoNetConfig c = model.config();
    ObjectNode config = manifest.putObject("network");
    config.put("imageSize", c.imageSize());
    config.putPOJO("widths", c.widths());
    config.put("eyeHidden", c.eyeHidden());
    config.put("faceHidden", c.faceHidden());
    config.put("discriminatorHidden", c.discriminatorHidden());
    config.put("eyeBranch", c.eyeBranch());
    manifest.putPOJO("cameras", model.cameras());
    EgoStatistics s = model.statistics();
    if (s != null) {
      ObjectNode stats = manifest.putObject("statistics");
      stats.putPOJO("peaks", s.peaks());
      ArrayNode views = stats.putArray("views");
      for (EgoStatistics.ViewStatistics v : s.views()) {
        views.addPOJO(v);
      }
    }
    byte[] parameters = model.parameters();
    AtomicFiles.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      zip.putNextEntry(entry(MANIFEST));
      zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      zip.closeEntry();
      zip.putNextEntry(entry(PARAMETERS));
      zip.write(parameters);
      zip.closeEntry();
      zip.finish();
    });
  }

  /** Reads a model file, checking its format version and every entry. Close the model when done. */
  public static EgoModel read(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new BadInputException(file, "not a readable EgoNet model file (" + e.getMessage() + ")", e);
    }
    try {
      JsonNode manifest = JSON.readTree(need(file, entries, MANIFEST));
      if (!FORMAT.equals(manifest.path("format").asText())) {
        throw new BadInputException(file, "format is '" + manifest.path("format").asText() + "', expected " + FORMAT
            + " (an EgoNet model written by mimik ego train)");
      }
      JsonNode n = manifest.required("network");
      EgoNetConfig config = new EgoNetConfig(n.required("imageSize").asInt(),
          JSON.treeToValue(n.required("widths"), int[].class), n.required("eyeHidden").asInt(),
          n.required("faceHidden").asInt(), n.required("discriminatorHidden").asInt(),
          n.required("eyeBranch").asBoolean());
      List<String> cameras = List.of(JSON.treeToValue(manifest.required("cameras"), String[].class));
      EgoStatistics statistics = null;
      if (manifest.hasNonNull("statistics")) {
        JsonNode s = manifest.get("statistics");
        List<EgoStatistics.ViewStatistics> views = new ArrayList<>();
        for (JsonNode v : s.required("views")) {
          views.add(JSON.treeToValue(v, EgoStatistics.ViewStatistics.class));
        }
        statistics = new EgoStatistics(JSON.treeToValue(s.required("peaks"), double[].class), views);
      }
      return EgoModel.of(config, cameras, statistics, need(file, entries, PARAMETERS));
    } catch (IOException | MalformedModelException | RuntimeException e) {
      if (e instanceof BadInputException b) {
        throw b;
      }
      throw new BadInputException(file, "corrupt EgoNet model file (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] need(Path file, Map<String, byte[]> entries, String name) {
    byte[] b = entries.get(name);
    if (b == null) {
      throw new BadInputException(file, "the model file has no " + name);
    }
    return b;
  }
}
