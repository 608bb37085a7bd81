package dev.mimik.core.data;

import java.util.Locale;
import java.util.Objects;

/**
 * One stretch of a headset recording's protocol (REFA §6.2): what the person was asked to do, when, and the eye and
 * lip state the request implies. Peak-expression segments go from neutral to the expression and back; their apex
 * is where the art priors are expected. Written by the simulator, or by hand for real recordings.
 *
 * @param prompt what was asked, e.g. {@code jaw_drop}, {@code wink_left}, {@code neutral}, {@code speech}
 * @param kind the kind of segment
 * @param startS when it starts, seconds
 * @param apexStartS when the apex (the held expression) starts
 * @param apexEndS when the apex ends
 * @param endS when it ends
 * @param eyes the eye state the prompt asks for during the apex
 * @param lips the lip state the prompt asks for during the apex
 */
public record PromptSegment(String prompt, Kind kind, double startS, double apexStartS, double apexEndS,
    double endS, Eyes eyes, Lips lips) {

  /** Kinds of protocol segments. */
  public enum Kind {
    /** A prompted peak expression, from neutral and back. */
    PEAK,
    /** The face at rest. */
    NEUTRAL,
    /** Reading sentences aloud. */
    SPEECH,
    /** Free, unprompted expression. */
    FREE,
    /** Looking at targets. */
    GAZE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The eye state a prompt asks for. */
  public enum Eyes {
    OPEN, CLOSED, LEFT_CLOSED, RIGHT_CLOSED, ANY;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the subject's left eye is asked to be closed. */
    public boolean leftClosed() {
      return this == CLOSED || this == LEFT_CLOSED;
    }

    /** Whether the subject's right eye is asked to be closed. */
    public boolean rightClosed() {
      return this == CLOSED || this == RIGHT_CLOSED;
    }
  }

  /** The lip state a prompt asks for. */
  public enum Lips {
    CLOSED, OPEN, ANY;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public PromptSegment {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eyes, "eyes");
    Objects.requireNonNull(lips, "lips");
    if (!(startS <= apexStartS && apexStartS <= apexEndS && apexEndS <= endS)) {
      throw new IllegalArgumentException("segment times must not decrease: " + startS + ", " + apexStartS + ", "
          + apexEndS + ", " + endS);
    }
  }

  /** The apex's duration in seconds. */
  public double apexSeconds() {
    return apexEndS - apexStartS;
  }
}
