package dev.mimik.learn.train;

import java.util.Random;

/**
 * What each network input is, as far as augmentation for re-donning needs to know: which electrode channel it comes
 * from and whether it is a logarithm of an amplitude (an EMG envelope, where a gain is an offset) or an amplitude
 * itself (an EOG trace, where a gain is a factor).
 *
 * @param channelOf each input's channel
 * @param logarithmic each input: true for a log amplitude, false for an amplitude
 */
public record InputLayout(int[] channelOf, boolean[] logarithmic) {

  /** Validates that the arrays pair up and channels are not negative. */
  public InputLayout {
    if (channelOf.length != logarithmic.length) {
      throw new IllegalArgumentException("one channel and one kind per input: " + channelOf.length + " vs "
          + logarithmic.length);
    }
    for (int c : channelOf) {
      if (c < 0) {
        throw new IllegalArgumentException("negative channel index " + c);
      }
    }
    channelOf = channelOf.clone();
    logarithmic = logarithmic.clone();
  }

  /** Number of inputs. */
  public int inputs() {
    return channelOf.length;
  }

  /**
   * {@code window} as channels of gains {@code exp(N(0, logSd))}, one drawn per channel from {@code random}, would
   * have made it: log inputs shifted by the log gain, the others scaled by the gain. A new array; the window is
   * unchanged.
   */
  public float[][] withRandomGains(float[][] window, double logSd, Random random) {
    int channels = 0;
    for (int c : channelOf) {
      channels = Math.max(channels, c + 1);
    }
    double[] logGain = new double[channels];
    for (int c = 0; c < channels; c++) {
      logGain[c] = logSd * random.nextGaussian();
    }
    float[][] out = new float[window.length][];
    for (int i = 0; i < window.length; i++) {
      double g = logGain[channelOf[i]];
      float shift = (float) g;
      float scale = (float) Math.exp(g);
      out[i] = new float[window[i].length];
      for (int s = 0; s < out[i].length; s++) {
        out[i][s] = logarithmic[i] ? window[i][s] + shift : window[i][s] * scale;
      }
    }
    return out;
  }
}
