package dev.mimik.learn.bionet;

import dev.mimik.core.data.LandmarkSet;
import java.util.Arrays;

/**
 * The architecture of a {@link BioNet}: what goes in, what comes out, and the size of each part. Plain data,
 * serialised to JSON inside a model file so that a saved model rebuilds the same network.
 *
 * @param inputs number of input signals (for example 2 channels x {EMG, EOG} = 4), one network branch each
 * @param windowSamples samples per input in one window (one window per video frame)
 * @param landmarks the landmark set regressed; the network outputs {@code 2 * landmarks.size()} values
 *     ({@code x0, y0, x1, y1, ...} in aligned coordinates)
 * @param branchChannels convolution channels of each layer of a branch, first layer first
 * @param kernelSizes odd kernel size of each layer (same length as {@code branchChannels})
 * @param poolSize max-pooling size after each layer (1 for none)
 * @param hidden width of the dense layer of the fused head
 * @param dropout dropout probability before the output layer, in [0, 1)
 */
public record BioNetConfig(
    int inputs,
    int windowSamples,
    LandmarkSet landmarks,
    int[] branchChannels,
    int[] kernelSizes,
    int poolSize,
    int hidden,
    float dropout) {

  /** Validates the sizes: the window must survive every pooling layer. */
  public BioNetConfig {
    if (inputs < 1 || windowSamples < 1) {
      throw new IllegalArgumentException("inputs and window samples must be positive: " + inputs + ", " + windowSamples);
    }
    if (landmarks == null) {
      throw new IllegalArgumentException("landmark set missing");
    }
    if (branchChannels.length == 0 || branchChannels.length != kernelSizes.length) {
      throw new IllegalArgumentException("one kernel size per branch layer is needed: "
          + Arrays.toString(branchChannels) + " vs " + Arrays.toString(kernelSizes));
    }
    for (int i = 0; i < kernelSizes.length; i++) {
      if (kernelSizes[i] < 1 || kernelSizes[i] % 2 == 0 || branchChannels[i] < 1) {
        throw new IllegalArgumentException("kernel sizes must be odd and channels positive: layer " + i);
      }
    }
    if (poolSize < 1 || hidden < 1 || !(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("bad pool size, hidden width or dropout: " + poolSize + ", " + hidden + ", " + dropout);
    }
    branchChannels = branchChannels.clone();
    kernelSizes = kernelSizes.clone();
    int length = windowSamples;
    for (int i = 0; i < branchChannels.length; i++) {
      length /= poolSize;
    }
    if (length < 1) {
      throw new IllegalArgumentException("a window of " + windowSamples + " samples is too short for "
          + branchChannels.length + " pooling layers of size " + poolSize);
    }
  }

  /** A sensible default network: three layers of 16/32/32 channels, kernels 7/5/3, pooling 2, 128 hidden units. */
  public static BioNetConfig defaults(int inputs, int windowSamples, LandmarkSet landmarks) {
    return new BioNetConfig(inputs, windowSamples, landmarks, new int[] {16, 32, 32}, new int[] {7, 5, 3}, 2, 128, 0.2f);
  }

  /** The number of values the network outputs: two per landmark. */
  public int outputs() {
    return 2 * landmarks.size();
  }

  /**
   * The number of values in the network's parameters (convolution weights, batch-norm scale, shift and running
   * statistics, dense weights and biases), saturating at {@link Long#MAX_VALUE}: what a model file must carry.
   */
  public long parameterCount() {
    try {
      long branch = 0;
      long in = 1;
      for (int l = 0; l < branchChannels.length; l++) {
        branch = Math.addExact(branch, Math.multiplyExact(Math.multiplyExact((long) branchChannels[l], in),
            kernelSizes[l]) + 4L * branchChannels[l]);
        in = branchChannels[l];
      }
      long fused = Math.multiplyExact(Math.multiplyExact((long) inputs, in), branchOutputLength());
      long dense = Math.addExact(Math.multiplyExact(fused + 1, (long) hidden), (long) (hidden + 1) * outputs());
      return Math.addExact(Math.multiplyExact(branch, (long) inputs), dense);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The length of a branch's output sequence after all pooling layers. */
  public int branchOutputLength() {
    int length = windowSamples;
    for (int i = 0; i < branchChannels.length; i++) {
      length /= poolSize;
    }
    return length;
  }

  @Override
  public int[] branchChannels() {
    return branchChannels.clone();
  }

  @Override
  public int[] kernelSizes() {
    return kernelSizes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BioNetConfig c
        && inputs == c.inputs
        && windowSamples == c.windowSamples
        && landmarks == c.landmarks
        && Arrays.equals(branchChannels, c.branchChannels)
        && Arrays.equals(kernelSizes, c.kernelSizes)
        && poolSize == c.poolSize
        && hidden == c.hidden
        && Float.compare(dropout, c.dropout) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(branchChannels) + Arrays.hashCode(kernelSizes))
        + java.util.Objects.hash(inputs, windowSamples, landmarks, poolSize, hidden, dropout);
  }

  @Override
  public String toString() {
    return "BioNetConfig[inputs=" + inputs + ", windowSamples=" + windowSamples + ", landmarks=" + landmarks
        + ", branchChannels=" + Arrays.toString(branchChannels) + ", kernelSizes=" + Arrays.toString(kernelSizes)
        + ", poolSize=" + poolSize + ", hidden=" + hidden + ", dropout=" + dropout + "]";
  }
}
