package dev.mimik.face.headset;

import java.util.Locale;

/** What a headset camera is for: the facial region it is placed to see. */
public enum CameraRole {
  /** An eye and its eyebrow. */
  EYE,
  /** The mouth, lips, jaw and lower cheeks. */
  MOUTH,
  /** The region between the eyebrows. */
  GLABELLA;

  /** The lower-case name used in files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
