package dev.mimik.eval.landmarks;

import dev.mimik.core.data.LandmarkSet;
import java.util.List;

/**
 * How far predicted landmarks are from the ground truth over one recording (FORMATS.md's metric names).
 *
 * <p>Every mean is over all evaluated (frame, landmark) pairs. Each pair's error is divided by that frame's
 * ground-truth outer-eye-corner distance (iBUG 36-45); {@code mae} converts it to millimetres by taking that
 * distance as {@code eyeCornersMm}.
 *
 * @param nmePercent mean normalised point error, in percent ({@code nme_percent})
 * @param nmeStdPercent standard deviation of the normalised point errors, in percent
 * @param maeMm mean point error in millimetres ({@code mae_mm})
 * @param maeStdMm standard deviation of the point errors in millimetres
 * @param frames frames evaluated
 * @param framesMissing ground-truth frames skipped because either side had no face there (or no eye corners)
 * @param framesUnmatched ground-truth frames with no predicted frame within half a frame
 * @param pointsMissing (frame, landmark) pairs skipped because the prediction lacked the point there
 * @param perLandmark each evaluated landmark's error, in iBUG order
 * @param excludedLandmarks landmarks asked for but absent from the prediction or the ground truth (iBUG indices),
 *     e.g. the jaw contour 0-16 when the prediction holds 51 points
 * @param frameTimes the ground-truth time of each evaluated frame, in seconds
 * @param frameNmePercent each evaluated frame's mean normalised error, in percent
 * @param pointNmePercent every evaluated pair's normalised error, in percent (frame by frame)
 * @param eyeCornersMm the outer-eye-corner distance taken for millimetres
 */
public record LandmarkMetrics(
    double nmePercent,
    double nmeStdPercent,
    double maeMm,
    double maeStdMm,
    int frames,
    int framesMissing,
    int framesUnmatched,
    int pointsMissing,
    List<LandmarkError> perLandmark,
    List<Integer> excludedLandmarks,
    double[] frameTimes,
    double[] frameNmePercent,
    double[] pointNmePercent,
    double eyeCornersMm) {

  public LandmarkMetrics {
    perLandmark = List.copyOf(perLandmark);
    excludedLandmarks = List.copyOf(excludedLandmarks);
    if (frameTimes.length != frames || frameNmePercent.length != frames) {
      throw new IllegalArgumentException("per-frame arrays must hold one value per evaluated frame");
    }
  }

  /**
   * {@code pupil_nme_percent}: the mean normalised error of the pupils (iBUG 68 and 69) over their evaluated points,
   * in percent; NaN when no pupil was evaluated. Reported apart because a pupil moves with the gaze, which the face
   * points hardly show.
   */
  public double pupilNmePercent() {
    double sum = 0;
    int points = 0;
    for (LandmarkError e : perLandmark) {
      if (e.ibug() == LandmarkSet.PUPIL_A || e.ibug() == LandmarkSet.PUPIL_B) {
        sum += e.nmePercent() * e.points();
        points += e.points();
      }
    }
    return points == 0 ? Double.NaN : sum / points;
  }

  /** The distribution of the per-frame NME, in percent. */
  public ErrorCdf frameNmeCdf() {
    return ErrorCdf.of(frameNmePercent);
  }

  /** The distribution of the point errors in millimetres (BioFace-3D's Figure 4b). */
  public ErrorCdf pointErrorMmCdf() {
    double[] mm = new double[pointNmePercent.length];
    for (int i = 0; i < mm.length; i++) {
      mm[i] = pointNmePercent[i] * eyeCornersMm / 100.0;
    }
    return ErrorCdf.of(mm);
  }
}
