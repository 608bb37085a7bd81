package dev.mimik.face.headset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.RotationOrder;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Reads and writes the headset description ({@code docs/FORMATS.md}, "Headset description"). Any problem is one
 * {@link BadInputException} naming the file and the JSON path at fault; unknown keys are rejected so that a typo
 * does not silently fall back to a default.
 */
public final class HeadsetJson {

  /** The value of the {@code format} key. */
  public static final String FORMAT = "mimik-headset/1";

  private static final Set<String> TOP = Set.of("format", "name", "description", "fps", "cameras", "illuminators");
  private static final Set<String> CAMERA = Set.of("name", "role", "side", "ground_truth", "position_mm",
      "look_at_mm", "roll_deg", "rotation_deg", "intrinsics");
  private static final Set<String> INTRINSICS = Set.of("model", "fov_deg", "focal_px", "principal_px", "resolution");
  private static final Set<String> LED = Set.of("name", "position_mm", "power_mw_per_sr");
  private static final double MAX_POSITION_MM = 500;
  private static final int MAX_PIXELS = 8192;

  private HeadsetJson() {}

  /** Reads a headset description file. */
  public static Headset read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
    return parse(file, bytes);
  }

  /** Parses a description; {@code file} only names the source in messages. */
  public static Headset parse(Path file, byte[] json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new BadInputException(file, "not valid JSON (" + firstLine(e.getMessage()) + ")", e);
    }
    return new Parser(file).headset(root);
  }

  /** Writes a headset description, all or nothing. */
  public static void write(Headset headset, Path file) throws IOException {
    AtomicFiles.writeString(file, toJson(headset));
  }

  /** The description as JSON text (orientations as {@code rotation_deg}). */
  public static String toJson(Headset h) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("format", FORMAT).put("name", h.name()).put("description", h.description()).put("fps", h.fps());
    ArrayNode cams = root.putArray("cameras");
    for (HeadsetCamera c : h.cameras()) {
      ObjectNode n = cams.addObject();
      n.put("name", c.name()).put("role", c.role().label()).put("side", c.side().label());
      if (c.groundTruth()) {
        n.put("ground_truth", true);
      }
      vector(n.putArray("position_mm"), c.positionMm());
      double[] a = c.orientation().getAngles(RotationOrder.YXZ, RotationConvention.VECTOR_OPERATOR);
      ArrayNode rot = n.putArray("rotation_deg");
      for (double v : a) {
        rot.add(round(Math.toDegrees(v)));
      }
      Intrinsics in = c.intrinsics();
      ObjectNode i = n.putObject("intrinsics");
      i.put("model", in.model().label()).put("focal_px", round(in.focalPx()));
      i.putArray("principal_px").add(round(in.cx())).add(round(in.cy()));
      i.putArray("resolution").add(in.width()).add(in.height());
    }
    ArrayNode leds = root.putArray("illuminators");
    for (Illuminator l : h.illuminators()) {
      ObjectNode n = leds.addObject();
      n.put("name", l.name());
      vector(n.putArray("position_mm"), l.positionMm());
      n.put("power_mw_per_sr", l.powerMwPerSr());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void vector(ArrayNode a, Vector3D v) {
    a.add(round(v.getX())).add(round(v.getY())).add(round(v.getZ()));
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** The parsing of one file, so that every message can name it. */
  private record Parser(Path file) {

    Headset headset(JsonNode root) {
      if (root == null || !root.isObject()) {
        throw bad("", "the top level must be a JSON object");
      }
      keys(root, "", TOP);
      String format = text(root, "", "format", null);
      if (!FORMAT.equals(format)) {
        throw bad("format", "must be \"" + FORMAT + "\", not " + root.get("format"));
      }
      String name = text(root, "", "name", null);
      String description = text(root, "", "description", "");
      double fps = number(root, "", "fps", 30);
      if (!(fps > 0 && fps <= 1000)) {
        throw bad("fps", "must be in (0, 1000], not " + fps);
      }
      List<HeadsetCamera> cameras = new ArrayList<>();
      JsonNode cams = array(root, "", "cameras");
      for (int i = 0; i < cams.size(); i++) {
        HeadsetCamera c = camera(cams.get(i), "cameras[" + i + "]");
        if (cameras.stream().anyMatch(o -> o.name().equals(c.name()))) {
          throw bad("cameras[" + i + "].name", "\"" + c.name() + "\" is used by another camera");
        }
        cameras.add(c);
      }
      List<Illuminator> leds = new ArrayList<>();
      JsonNode ls = array(root, "", "illuminators");
      for (int i = 0; i < ls.size(); i++) {
        leds.add(illuminator(ls.get(i), "illuminators[" + i + "]"));
      }
      return new Headset(name, description, fps, cameras, leds);
    }

    HeadsetCamera camera(JsonNode n, String path) {
      object(n, path);
      keys(n, path, CAMERA);
      String name = text(n, path, "name", null);
      if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
        throw bad(path + ".name", "must be 1-64 letters, digits, '_' or '-' (it names a folder), not \"" + name + "\"");
      }
      CameraRole role = choice(n, path, "role", CameraRole.class);
      Side side = choice(n, path, "side", Side.class);
      boolean gt = n.has("ground_truth") && bool(n.get("ground_truth"), path + ".ground_truth");
      Vector3D position = position(n, path, "position_mm");
      Rotation orientation;
      if (n.has("look_at_mm") == n.has("rotation_deg")) {
        throw bad(path, "needs exactly one of look_at_mm and rotation_deg");
      }
      if (n.has("look_at_mm")) {
        Vector3D target = position(n, path, "look_at_mm");
        if (target.distance(position) < 1) {
          throw bad(path + ".look_at_mm", "is less than 1 mm from position_mm");
        }
        orientation = HeadsetCamera.lookAt(position, target, number(n, path, "roll_deg", 0));
      } else {
        if (n.has("roll_deg")) {
          throw bad(path + ".roll_deg", "goes with look_at_mm; rotation_deg holds its own roll");
        }
        double[] a = numbers(n, path, "rotation_deg", 3);
        orientation = new Rotation(RotationOrder.YXZ, RotationConvention.VECTOR_OPERATOR, Math.toRadians(a[0]),
            Math.toRadians(a[1]), Math.toRadians(a[2]));
      }
      return new HeadsetCamera(name, role, side, gt, position, orientation, intrinsics(n.get("intrinsics"),
          path + ".intrinsics"));
    }

    Intrinsics intrinsics(JsonNode n, String path) {
      if (n == null) {
        throw bad(path, "is missing");
      }
      object(n, path);
      keys(n, path, INTRINSICS);
      Intrinsics.Model model = choice(n, path, "model", Intrinsics.Model.class);
      double[] res = numbers(n, path, "resolution", 2);
      for (double r : res) {
        if (r != Math.rint(r) || r < 8 || r > MAX_PIXELS) {
          throw bad(path + ".resolution", "must be two whole numbers of pixels in [8, " + MAX_PIXELS + "]");
        }
      }
      int w = (int) res[0];
      int h = (int) res[1];
      if (n.has("fov_deg") == n.has("focal_px")) {
        throw bad(path, "needs exactly one of fov_deg and focal_px");
      }
      double f;
      if (n.has("fov_deg")) {
        double fov = number(n, path, "fov_deg", 0);
        double max = model == Intrinsics.Model.PINHOLE ? 170 : 200;
        if (!(fov > 1 && fov <= max)) {
          throw bad(path + ".fov_deg", "must be in (1, " + (int) max + "] for a " + model.label() + " camera, not "
              + fov);
        }
        f = Intrinsics.ofFov(model, fov, w, h).focalPx();
      } else {
        f = number(n, path, "focal_px", 0);
        if (!(f > 0.5 && f < 100 * MAX_PIXELS)) {
          throw bad(path + ".focal_px", "must be a positive number of pixels, not " + f);
        }
      }
      double[] pp = n.has("principal_px") ? numbers(n, path, "principal_px", 2) : new double[] {w / 2.0, h / 2.0};
      if (pp[0] < 0 || pp[0] > w || pp[1] < 0 || pp[1] > h) {
        throw bad(path + ".principal_px", "must lie inside the image");
      }
      return new Intrinsics(model, f, pp[0], pp[1], w, h);
    }

    Illuminator illuminator(JsonNode n, String path) {
      object(n, path);
      keys(n, path, LED);
      String name = text(n, path, "name", null);
      double power = number(n, path, "power_mw_per_sr", Double.NaN);
      if (!(power > 0 && power < 1e4)) {
        throw bad(path + ".power_mw_per_sr", "must be a positive number below 10000, not " + power);
      }
      return new Illuminator(name, position(n, path, "position_mm"), power);
    }

    Vector3D position(JsonNode n, String path, String key) {
      double[] p = numbers(n, path, key, 3);
      for (double v : p) {
        if (Math.abs(v) > MAX_POSITION_MM) {
          throw bad(path + "." + key, "is more than " + (int) MAX_POSITION_MM + " mm from the head");
        }
      }
      return new Vector3D(p[0], p[1], p[2]);
    }

    void keys(JsonNode n, String path, Set<String> known) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!known.contains(k)) {
          throw bad(path.isEmpty() ? k : path + "." + k, "is not a known key (known: "
              + String.join(", ", known.stream().sorted().toList()) + ")");
        }
      }
    }

    void object(JsonNode n, String path) {
      if (n == null || !n.isObject()) {
        throw bad(path, "must be a JSON object");
      }
    }

    JsonNode array(JsonNode n, String path, String key) {
      JsonNode a = n.get(key);
      if (a == null || !a.isArray() || a.isEmpty()) {
        throw bad(join(path, key), "must be a non-empty array");
      }
      return a;
    }

    String text(JsonNode n, String path, String key, String fallback) {
      JsonNode v = n.get(key);
      if (v == null && fallback != null) {
        return fallback;
      }
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        throw bad(join(path, key), v == null ? "is missing" : "must be a non-empty string");
      }
      return v.asText();
    }

    double number(JsonNode n, String path, String key, double fallback) {
      JsonNode v = n.get(key);
      if (v == null && !Double.isNaN(fallback)) {
        return fallback;
      }
      if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
        throw bad(join(path, key), v == null ? "is missing" : "must be a number, not " + v);
      }
      return v.asDouble();
    }

    double[] numbers(JsonNode n, String path, String key, int count) {
      JsonNode v = n.get(key);
      if (v == null || !v.isArray() || v.size() != count) {
        throw bad(join(path, key), v == null ? "is missing" : "must be an array of " + count + " numbers");
      }
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        if (!v.get(i).isNumber() || !Double.isFinite(v.get(i).asDouble())) {
          throw bad(join(path, key), "must be an array of " + count + " numbers, not " + v);
        }
        out[i] = v.get(i).asDouble();
      }
      return out;
    }

    boolean bool(JsonNode v, String path) {
      if (!v.isBoolean()) {
        throw bad(path, "must be true or false");
      }
      return v.asBoolean();
    }

    <E extends Enum<E>> E choice(JsonNode n, String path, String key, Class<E> type) {
      String s = text(n, path, key, null);
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(s)) {
          return e;
        }
      }
      List<String> names = java.util.Arrays.stream(type.getEnumConstants())
          .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
      throw bad(join(path, key), "must be one of " + String.join(", ", names) + ", not \"" + s + "\"");
    }

    BadInputException bad(String path, String problem) {
      return new BadInputException(file, (path.isEmpty() ? "" : path + " ") + problem);
    }

    static String join(String path, String key) {
      return path.isEmpty() ? key : path + "." + key;
    }
  }
}
