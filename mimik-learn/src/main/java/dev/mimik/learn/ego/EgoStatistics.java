package dev.mimik.learn.ego;

import java.util.Arrays;
import java.util.List;

/**
 * What an EgoNet learned of its training data besides its weights, kept in the model file: how far each blendshape
 * moves in a full expression (the reference of range-of-motion calibration) and, per view slot, what familiar views
 * look like (the failure detector's reference).
 *
 * @param peaks per ARKit blendshape, its reach above rest in a training recording ({@code post.RangeOfMotion}),
 *     averaged over the recordings with exact labels
 * @param views one entry per {@link EgoViews} slot
 */
public record EgoStatistics(double[] peaks, List<ViewStatistics> views) {

  public EgoStatistics {
    peaks = peaks.clone();
    views = List.copyOf(views);
    if (views.size() != EgoViews.COUNT) {
      throw new IllegalArgumentException("one view statistic per view slot is needed, not " + views.size());
    }
  }

  @Override
  public double[] peaks() {
    return peaks.clone();
  }

  /**
   * What the training views of one slot looked like.
   *
   * @param meanLow 0.5th percentile of a view's mean gray level
   * @param meanHigh 99.5th percentile of a view's mean gray level
   * @param contrastLow 0.5th percentile of a view's standard deviation of gray levels
   * @param saturatedHigh 99.5th percentile of a view's share of saturated pixels (250 or above)
   * @param featureMean mean of each of the view's image features
   * @param featureStd their standard deviations
   * @param unfamiliarHigh 99.5th percentile of the training views' unfamiliarity (mean squared standardised feature
   *     deviation, {@link FailureDetector})
   */
  public record ViewStatistics(double meanLow, double meanHigh, double contrastLow, double saturatedHigh,
      double[] featureMean, double[] featureStd, double unfamiliarHigh) {

    public ViewStatistics {
      featureMean = featureMean.clone();
      featureStd = featureStd.clone();
    }

    @Override
    public double[] featureMean() {
      return featureMean.clone();
    }

    @Override
    public double[] featureStd() {
      return featureStd.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ViewStatistics v && meanLow == v.meanLow && meanHigh == v.meanHigh
          && contrastLow == v.contrastLow && saturatedHigh == v.saturatedHigh
          && Arrays.equals(featureMean, v.featureMean) && Arrays.equals(featureStd, v.featureStd)
          && unfamiliarHigh == v.unfamiliarHigh;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(featureMean) * 31 + Double.hashCode(unfamiliarHigh);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EgoStatistics s && Arrays.equals(peaks, s.peaks) && views.equals(s.views);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(peaks) * 31 + views.hashCode();
  }
}
