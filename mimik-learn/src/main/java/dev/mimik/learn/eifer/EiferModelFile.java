package dev.mimik.learn.eifer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The EIFER model file: a zip holding {@code manifest.json} (format version {@value #FORMAT}, channel and
 * blendshape names, window, frame rate, resting levels, Exp2EMG's level range, {@code eogBand} and
 * {@code saccadeIntegral}, each absent in files written before it and then false, and {@code saccadeAxes}, absent
 * when the model takes the saccade integral's channels themselves) and one JSON file per map
 * ({@code emg2exp.json}, {@code exp2emg.json} and their {@code -linear} baselines, each a {@link DenseMap}). Written
 * atomically; any problem reading it is one {@link BadInputException} naming the file.
 */
public final class EiferModelFile {

  /** The format version written and accepted. */
  public static final String FORMAT = "mimik-eifer/1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> MAPS = List.of("emg2exp", "exp2emg", "emg2exp-linear", "exp2emg-linear");

  private EiferModelFile() {}

  /** Writes {@code model} to {@code file} (whole file or nothing). */
  public static void write(EiferModel model, Path file) throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", FORMAT);
    manifest.putPOJO("channels", model.channels());
    manifest.putPOJO("blendshapes", model.blendshapes());
    manifest.put("window", model.window());
    manifest.put("frameRate", model.frameRate());
    manifest.putPOJO("restLog", model.restLog());
    manifest.putPOJO("spanLog", model.spanLog());
    manifest.putPOJO("levelLow", model.levelLow());
    manifest.putPOJO("levelHigh", model.levelHigh());
    manifest.put("eogBand", model.eogBand());
    manifest.put("saccadeIntegral", model.saccadeIntegral());
    if (model.saccadeAxes() != null) {
      manifest.putPOJO("saccadeAxes", model.saccadeAxes());
    }
    List<DenseMap> maps = List.of(model.emg2exp(), model.exp2emg(), model.emg2expLinear(), model.exp2emgLinear());
    AtomicFiles.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      zip.closeEntry();
      for (int i = 0; i < MAPS.size(); i++) {
        zip.putNextEntry(new ZipEntry(MAPS.get(i) + ".json"));
        zip.write(JSON.writeValueAsBytes(maps.get(i)));
        zip.closeEntry();
      }
      zip.finish();
    });
  }

  /** Reads a model file, checking its format version and every entry. */
  public static EiferModel read(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    } catch (IOException | IllegalArgumentException e) { // a malformed entry name is an IllegalArgumentException
      throw new BadInputException(file, "not a readable EIFER model file (" + e.getMessage() + ")", e);
    }
    try {
      byte[] m = need(file, entries, "manifest.json");
      JsonNode manifest = JSON.readTree(m);
      if (!FORMAT.equals(manifest.path("format").asText())) {
        throw new BadInputException(file, "format is '" + manifest.path("format").asText() + "', expected "
            + FORMAT);
      }
      List<String> channels = List.of(JSON.treeToValue(manifest.get("channels"), String[].class));
      List<String> shapes = List.of(JSON.treeToValue(manifest.get("blendshapes"), String[].class));
      DenseMap[] maps = new DenseMap[MAPS.size()];
      for (int i = 0; i < maps.length; i++) {
        maps[i] = JSON.readValue(need(file, entries, MAPS.get(i) + ".json"), DenseMap.class);
      }
      double[] rest = JSON.treeToValue(manifest.get("restLog"), double[].class);
      double[] span = JSON.treeToValue(manifest.get("spanLog"), double[].class);
      double[] low = range(manifest, "levelLow", channels.size(), Double.NEGATIVE_INFINITY);
      double[] high = range(manifest, "levelHigh", channels.size(), Double.POSITIVE_INFINITY);
      int window = manifest.path("window").asInt();
      double frameRate = manifest.path("frameRate").asDouble();
      if (window < 1 || window % 2 == 0 || !(frameRate > 0) || Double.isInfinite(frameRate)) {
        throw new BadInputException(file, "window " + window + " (frames, odd) or frame rate " + frameRate
            + " is not valid");
      }
      return new EiferModel(channels, shapes, window, frameRate, rest, span, maps[0], maps[1], maps[2], maps[3], low, high,
          manifest.path("eogBand").asBoolean(false), manifest.path("saccadeIntegral").asBoolean(false),
          manifest.hasNonNull("saccadeAxes") ? JSON.treeToValue(manifest.get("saccadeAxes"), double[][].class)
              : null);
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadInputException b) {
        throw b;
      }
      throw new BadInputException(file, "corrupt EIFER model file (" + e.getMessage() + ")", e);
    }
  }

  /** A level range of the manifest; files written before it existed have none, and their levels stay unclamped. */
  private static double[] range(JsonNode manifest, String name, int channels, double absent) throws IOException {
    if (!manifest.has(name)) {
      double[] out = new double[channels];
      java.util.Arrays.fill(out, absent);
      return out;
    }
    return JSON.treeToValue(manifest.get(name), double[].class);
  }

  private static byte[] need(Path file, Map<String, byte[]> entries, String name) {
    byte[] b = entries.get(name);
    if (b == null) {
      throw new BadInputException(file, "the model file has no " + name);
    }
    return b;
  }
}
