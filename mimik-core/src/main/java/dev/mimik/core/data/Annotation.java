package dev.mimik.core.data;

import java.util.Objects;

/**
 * A timed text event attached to a recording (EDF+ annotation, XDF marker, simulator event).
 *
 * @param onsetSeconds onset relative to the start of the recording
 * @param durationSeconds duration, or 0 for an instant event
 * @param text the annotation text
 */
public record Annotation(double onsetSeconds, double durationSeconds, String text) {

  public Annotation {
    Objects.requireNonNull(text, "text");
  }
}
