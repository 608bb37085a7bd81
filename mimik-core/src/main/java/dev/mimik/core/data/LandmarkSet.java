package dev.mimik.core.data;

import java.util.stream.IntStream;

/**
 * Which facial landmarks a track or model holds, as indices into the iBUG 68-point scheme (0-based).
 *
 * <p>{@link #IBUG_51} drops the 17 jaw-contour points (the FLAME landmark embedding); {@link #IBUG_53} adds the two
 * pupils, numbered 68 (left eye, iBUG points 36-41) and 69 (right eye, 42-47), as BioFace-3D tracks.
 */
public enum LandmarkSet {
  IBUG_68(IntStream.range(0, 68).toArray()),
  IBUG_51(IntStream.range(17, 68).toArray()),
  IBUG_53(IntStream.concat(IntStream.range(17, 68), IntStream.of(68, 69)).toArray());

  /** Index of the pupil of the eye drawn by iBUG points 36-41, in the extended numbering. */
  public static final int PUPIL_A = 68;
  /** Index of the pupil of the eye drawn by iBUG points 42-47, in the extended numbering. */
  public static final int PUPIL_B = 69;
  /** Outer eye corners used to normalise errors (NME): iBUG 36 and 45. */
  public static final int OUTER_EYE_CORNER_A = 36;
  public static final int OUTER_EYE_CORNER_B = 45;

  private final int[] ibugIndices;

  LandmarkSet(int[] ibugIndices) {
    this.ibugIndices = ibugIndices;
  }

  /** The number of points in the set. */
  public int size() {
    return ibugIndices.length;
  }

  /** The extended-iBUG index of each point of the set, in order (a copy). */
  public int[] ibugIndices() {
    return ibugIndices.clone();
  }

  /** The position in this set of an extended-iBUG index, or -1 if the set lacks it. */
  public int positionOf(int ibugIndex) {
    for (int i = 0; i < ibugIndices.length; i++) {
      if (ibugIndices[i] == ibugIndex) {
        return i;
      }
    }
    return -1;
  }

  /** The set with this many points: 51, 53 or 68. */
  public static LandmarkSet ofSize(int points) {
    for (LandmarkSet set : values()) {
      if (set.size() == points) {
        return set;
      }
    }
    throw new IllegalArgumentException("no landmark set has " + points + " points (51, 53 or 68)");
  }
}
