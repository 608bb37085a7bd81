package dev.mimik.learn.ego;

/**
 * One headset recording as EgoNet trains on it and runs over it: every frame's five views and, when it has them,
 * its labels.
 *
 * @param subject who was recorded (range-of-motion calibration is per subject)
 * @param id the recording's name
 * @param times frame times, seconds
 * @param views per frame the five views {@code size x size} one after the other in {@link EgoViews} order
 *     ({@link ViewImages#frame})
 * @param labels per frame the ARKit-52 weights, or null for an unlabelled recording
 */
public record EgoClip(String subject, String id, double[] times, byte[][] views, double[][] labels) {

  public EgoClip {
    if (times.length != views.length || (labels != null && labels.length != views.length) || views.length == 0) {
      throw new IllegalArgumentException("recording " + id + ": " + times.length + " times, " + views.length
          + " frames of views" + (labels == null ? "" : ", " + labels.length + " labels"));
    }
    int n = views[0].length;
    int side = (int) Math.round(Math.sqrt(n / (double) EgoViews.COUNT));
    if (side * side * EgoViews.COUNT != n) {
      throw new IllegalArgumentException("recording " + id + ": a frame of " + n + " bytes is not five square views");
    }
  }

  /** Number of frames. */
  public int frames() {
    return views.length;
  }

  /** The side of its square views, pixels. */
  public int imageSize() {
    return (int) Math.round(Math.sqrt(views[0].length / (double) EgoViews.COUNT));
  }

  /** The same recording with other labels (null for none). */
  public EgoClip withLabels(double[][] newLabels) {
    return new EgoClip(subject, id, times, views, newLabels);
  }
}
