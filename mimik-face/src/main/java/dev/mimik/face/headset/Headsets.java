package dev.mimik.face.headset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in headset descriptions (JSON resources next to this class, documented in {@code docs/FORMATS.md}):
 * {@code refa5}, REFA's five embedded cameras (Fig. 1, green); {@code alt-nasal} and {@code alt-temple}, two
 * alternative placements to compare with it (as Fig. 1's orange and red); {@code refa5-collect}, the
 * data-collection headset that adds REFA Fig. 2's ground-truth cameras.
 */
public final class Headsets {

  /** Names of the built-in headsets. */
  public static final List<String> NAMES = List.of("refa5", "alt-nasal", "alt-temple", "refa5-collect");

  private Headsets() {}

  /** A built-in headset by name. */
  public static Headset builtIn(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("no built-in headset " + name + " (built in: " + String.join(", ", NAMES)
          + ")");
    }
    String resource = name + ".json";
    try (InputStream in = Headsets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return HeadsetJson.parse(Path.of(resource), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A headset from a description file, or a built-in one when {@code nameOrFile} is a built-in name and no such
   * file exists.
   */
  public static Headset resolve(String nameOrFile) {
    Path file = Path.of(nameOrFile);
    if (NAMES.contains(nameOrFile) && !Files.exists(file)) {
      return builtIn(nameOrFile);
    }
    return HeadsetJson.read(file);
  }
}
