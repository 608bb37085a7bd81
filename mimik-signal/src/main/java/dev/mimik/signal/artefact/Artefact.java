package dev.mimik.signal.artefact;

/**
 * A stretch of one channel that carries an artefact, from {@code startSeconds} to {@code endSeconds} (seconds from
 * the channel's first sample).
 *
 * @param startSeconds where the artefact begins
 * @param endSeconds where it has died away
 */
public record Artefact(double startSeconds, double endSeconds) {

  public Artefact {
    if (!(endSeconds >= startSeconds)) {
      throw new IllegalArgumentException("an artefact must end after it starts: " + startSeconds + ".." + endSeconds);
    }
  }

  /** Whether this artefact overlaps {@code [from, to]}. */
  public boolean overlaps(double from, double to) {
    return startSeconds <= to && endSeconds >= from;
  }
}
