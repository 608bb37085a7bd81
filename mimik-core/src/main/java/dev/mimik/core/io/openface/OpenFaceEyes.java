package dev.mimik.core.io.openface;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.Pupils;

/**
 * OpenFace 2.0's 56 eye landmarks ({@code eye_lmk_x_0..55}, {@code eye_lmk_y_0..55}): 28 per eye, the first eye's
 * then the second's; in each eye 0-7 ring the iris, 8-19 follow the lids (8, 10, ..., 18 where iBUG 36-41 or 42-47
 * are, the odd ones between) and 20-27 ring the pupil. The pupil is the iris ring's centre, the mean of its 8 points,
 * as OpenFace's own gaze estimation takes it ({@code GazeAnalysis::GetPupilPosition}).
 *
 * <p>Which block is which eye is decided by geometry, frame by frame ({@link Pupils}; OpenFace writes the eye of iBUG
 * 36-41, the left one in the image, first).
 */
final class OpenFaceEyes {

  /** Eye landmarks in an OpenFace file. */
  static final int POINTS = 56;
  /** Eye landmarks per eye. */
  static final int PER_EYE = 28;
  /** An iris radius as a fraction of the eye's corner-to-corner width (11.7 mm across, 30 mm wide). */
  static final double IRIS_RADIUS = 0.195;
  /** A pupil radius as a fraction of the eye's width (about 4 mm across). */
  static final double PUPIL_RADIUS = 0.065;

  private OpenFaceEyes() {}

  /**
   * Writes the two pupils into slots 68 and 69 of a 70-point frame whose 68 face points are in place: the centres of
   * the iris rings of one frame's eye landmarks ({@link Pupils#place}); NaN where a ring is incomplete.
   */
  static void placePupils(double[] eyeX, double[] eyeY, double[] frame) {
    double[][] ring = new double[2][2];
    for (int block = 0; block < 2; block++) {
      for (int i = 0; i < 8; i++) {
        ring[block][0] += eyeX[block * PER_EYE + i] / 8;
        ring[block][1] += eyeY[block * PER_EYE + i] / 8;
      }
    }
    Pupils.place(frame, ring[0], ring[1]);
  }

  /**
   * The 56 eye landmarks OpenFace would write for a frame of 70 points (pixels, iBUG numbering): per eye (the eye of
   * iBUG 36-41 first) the iris and pupil rings as circles about the pupil, {@link #IRIS_RADIUS} and
   * {@link #PUPIL_RADIUS} of the eye's width, and the lid points from the eye's six; {@code x} then {@code y}.
   */
  static double[][] landmarks(double[] frame) {
    double[] x = new double[POINTS];
    double[] y = new double[POINTS];
    for (int eye = 0; eye < 2; eye++) {
      int first = eye == 0 ? 36 : 42;
      int pupil = eye == 0 ? LandmarkSet.PUPIL_A : LandmarkSet.PUPIL_B;
      double width = Math.hypot(frame[2 * (first + 3)] - frame[2 * first],
          frame[2 * (first + 3) + 1] - frame[2 * first + 1]);
      int base = eye * PER_EYE;
      for (int i = 0; i < 8; i++) {
        double angle = 2 * Math.PI * i / 8;
        x[base + i] = frame[2 * pupil] + IRIS_RADIUS * width * Math.cos(angle);
        y[base + i] = frame[2 * pupil + 1] - IRIS_RADIUS * width * Math.sin(angle);
        x[base + 20 + i] = frame[2 * pupil] + PUPIL_RADIUS * width * Math.cos(angle);
        y[base + 20 + i] = frame[2 * pupil + 1] - PUPIL_RADIUS * width * Math.sin(angle);
      }
      for (int i = 0; i < 12; i++) {
        int p = first + i / 2;
        int q = first + (i / 2 + 1) % 6;
        double t = i % 2 == 0 ? 0 : 0.5;
        x[base + 8 + i] = frame[2 * p] + t * (frame[2 * q] - frame[2 * p]);
        y[base + 8 + i] = frame[2 * p + 1] + t * (frame[2 * q + 1] - frame[2 * p + 1]);
      }
    }
    return new double[][] {x, y};
  }
}
