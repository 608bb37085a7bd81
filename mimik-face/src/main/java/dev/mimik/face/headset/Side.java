package dev.mimik.face.headset;

import java.util.Locale;

/**
 * The subject's side a camera looks at. Views of the left side are mirrored so that they look like right views
 * (REFA §7.1), which lets one network branch serve both.
 */
public enum Side {
  LEFT,
  RIGHT,
  CENTER;

  /** Whether images of this side are flipped left-right. */
  public boolean mirrored() {
    return this == LEFT;
  }

  /** The lower-case name used in files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
