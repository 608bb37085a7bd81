package dev.mimik.learn.ego;

import dev.mimik.face.headset.CameraRole;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.Side;
import java.util.List;

/**
 * The five views an {@link EgoNet} takes, in its input order: left eye, right eye, left mouth, right mouth,
 * glabella (REFA's five cameras). Left views come mirrored, as headset recordings store them.
 */
public enum EgoViews {
  EYE_LEFT(CameraRole.EYE, Side.LEFT),
  EYE_RIGHT(CameraRole.EYE, Side.RIGHT),
  MOUTH_LEFT(CameraRole.MOUTH, Side.LEFT),
  MOUTH_RIGHT(CameraRole.MOUTH, Side.RIGHT),
  GLABELLA(CameraRole.GLABELLA, Side.CENTER);

  /** Number of views. */
  public static final int COUNT = values().length;

  private final CameraRole role;
  private final Side side;

  EgoViews(CameraRole role, Side side) {
    this.role = role;
    this.side = side;
  }

  public CameraRole role() {
    return role;
  }

  public Side side() {
    return side;
  }

  /**
   * The headset's embedded camera for each view, in view order.
   *
   * @throws IllegalArgumentException when the headset lacks one or has two cameras of a view
   */
  public static List<HeadsetCamera> cameras(Headset headset) {
    HeadsetCamera[] found = new HeadsetCamera[COUNT];
    for (HeadsetCamera c : headset.embeddedCameras()) {
      for (EgoViews v : values()) {
        if (c.role() == v.role && c.side() == v.side) {
          if (found[v.ordinal()] != null) {
            throw new IllegalArgumentException("headset " + headset.name() + " has two " + v.describe() + " cameras ("
                + found[v.ordinal()].name() + ", " + c.name() + ")");
          }
          found[v.ordinal()] = c;
        }
      }
    }
    for (EgoViews v : values()) {
      if (found[v.ordinal()] == null) {
        throw new IllegalArgumentException("headset " + headset.name() + " has no " + v.describe()
            + " camera; EgoNet takes two eye, two mouth and one glabella camera");
      }
    }
    return List.of(found);
  }

  /** {@code "left eye"}, {@code "glabella"}. */
  public String describe() {
    return side == Side.CENTER ? role.label() : side.name().toLowerCase(java.util.Locale.ROOT) + " " + role.label();
  }
}
