package dev.mimik.sim.ego;

import dev.mimik.face.render.Look;
import java.util.Locale;

/**
 * The two kinds of data REFA trains on (§6.3), with a real gap between them: {@link #SYNTHETIC} frames are clean
 * renders with exact labels; {@link #REAL} frames stand for captured ones: another appearance model
 * ({@link Look#captured()}), another face (the ICT FaceKit rig, when the shared data is present) and labels from the
 * pseudo ground-truth pipeline ({@link PseudoLabeller}).
 */
public enum Domain {
  SYNTHETIC,
  REAL;

  /** The lower-case name used in files and options. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How images of this domain are formed. */
  public Look look() {
    return this == SYNTHETIC ? Look.synthetic() : Look.captured();
  }

  /** What the labels of this domain are: {@code exact} or {@code pseudo}. */
  public String labels() {
    return this == SYNTHETIC ? "exact" : "pseudo";
  }
}
