package dev.mimik.core.io.openface;

import dev.mimik.core.data.LandmarkSet;

/**
 * OpenFace 2.0's 56 eye landmarks ({@code eye_lmk_x_0..55}, {@code eye_lmk_y_0..55}): 28 per eye, the first eye's
 * then the second's; in each eye 0-7 ring the iris, 8-19 follow the lids (8, 10, ..., 18 where iBUG 36-41 or 42-47
 * are, the odd ones between) and 20-27 ring the pupil. The pupil is the iris ring's centre, the mean of its 8 points,
 * as OpenFace's own gaze estimation takes it ({@code GazeAnalysis::GetPupilPosition}).
 *
 * <p>Which block is which eye is decided by geometry, frame by frame: each block's pupil goes to the iBUG eye whose
 * six points' centre is nearer (OpenFace writes the eye of iBUG 36-41, the left one in the image, first).
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
   * The two pupils, {@code {x68, y68, x69, y69}} (iBUG numbering), from one frame's eye landmarks and its 68 face
   * points {@code x0, y0, ...}; NaN where an iris ring is incomplete.
   */
  static double[] pupils(double[] eyeX, double[] eyeY, double[] face) {
    double[] out = new double[4];
    java.util.Arrays.fill(out, Double.NaN);
    double[] a = eyeCentre(face, 36);
    double[] b = eyeCentre(face, 42);
    for (int block = 0; block < 2; block++) {
      double x = 0;
      double y = 0;
      for (int i = 0; i < 8; i++) {
        x += eyeX[block * PER_EYE + i] / 8;
        y += eyeY[block * PER_EYE + i] / 8;
      }
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        continue;
      }
      boolean nearA = !Double.isFinite(a[0]) ? block == 0 : !Double.isFinite(b[0]) ? block == 0
          : Math.hypot(x - a[0], y - a[1]) <= Math.hypot(x - b[0], y - b[1]);
      int slot = nearA ? 0 : 2;
      out[slot] = x;
      out[slot + 1] = y;
    }
    return out;
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

  /** The centre of the six points of the eye starting at iBUG {@code first}; NaN if any is missing. */
  private static double[] eyeCentre(double[] face, int first) {
    double x = 0;
    double y = 0;
    for (int i = first; i < first + 6; i++) {
      x += face[2 * i] / 6;
      y += face[2 * i + 1] / 6;
    }
    return new double[] {x, y};
  }
}
