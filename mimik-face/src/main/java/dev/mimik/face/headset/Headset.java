package dev.mimik.face.headset;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A headset: its face cameras and infrared illuminators in the head frame ({@link HeadFrame}, millimetres).
 *
 * @param name a short name ({@code refa5})
 * @param description one line saying what it is
 * @param fps frames per second the cameras run at
 * @param cameras the cameras, names unique
 * @param illuminators the infrared LEDs (at least one)
 */
public record Headset(String name, String description, double fps, List<HeadsetCamera> cameras,
    List<Illuminator> illuminators) {

  public Headset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    cameras = List.copyOf(cameras);
    illuminators = List.copyOf(illuminators);
    if (!(fps > 0)) {
      throw new IllegalArgumentException("fps must be positive");
    }
    if (cameras.isEmpty() || illuminators.isEmpty()) {
      throw new IllegalArgumentException("a headset needs at least one camera and one illuminator");
    }
    Set<String> names = new HashSet<>();
    for (HeadsetCamera c : cameras) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("two cameras are named " + c.name());
      }
    }
  }

  /** The camera named {@code cameraName}. */
  public HeadsetCamera camera(String cameraName) {
    return cameras.stream().filter(c -> c.name().equals(cameraName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("headset " + name + " has no camera " + cameraName));
  }

  /** The cameras built into the headset (those that are not ground-truth cameras), in order. */
  public List<HeadsetCamera> embeddedCameras() {
    return cameras.stream().filter(c -> !c.groundTruth()).toList();
  }

  /** The extra cameras of a data-collection headset, in order (empty for a consumer headset). */
  public List<HeadsetCamera> groundTruthCameras() {
    return cameras.stream().filter(HeadsetCamera::groundTruth).toList();
  }

  /** The same headset where a donning puts it. */
  public Headset donned(Donning d) {
    return new Headset(name, description, fps, cameras.stream().map(c -> c.donned(d)).toList(),
        illuminators.stream().map(i -> i.donned(d)).toList());
  }

  /** The same headset with other cameras (a placement search candidate). */
  public Headset withCameras(String newName, List<HeadsetCamera> newCameras) {
    return new Headset(newName, description, fps, newCameras, illuminators);
  }
}
