package dev.mimik.learn.ego;

import java.util.Arrays;

/**
 * The size of an {@link EgoNet}: plain data, stored in the model file so that a saved model rebuilds its network.
 *
 * @param imageSize side of the square views the network takes, pixels
 * @param widths channels of each encoder stage; each stage halves the image (a strided convolution, then a residual
 *     block), so {@code imageSize} must be divisible by {@code 2^widths.length}
 * @param eyeHidden hidden units of the eye MLP
 * @param faceHidden hidden units of the face MLP
 * @param discriminatorHidden hidden units of the domain discriminator (training only)
 * @param eyeBranch true for REFA's multi-branch regressor (a shared eye MLP per eye, a face MLP on all views); false
 *     for one MLP on all views' features concatenated that predicts everything (the ablation)
 */
public record EgoNetConfig(int imageSize, int[] widths, int eyeHidden, int faceHidden, int discriminatorHidden,
    boolean eyeBranch) {

  public EgoNetConfig {
    if (widths.length == 0 || imageSize < 4 || eyeHidden < 1 || faceHidden < 1 || discriminatorHidden < 1) {
      throw new IllegalArgumentException("sizes must be positive and at least one encoder stage given");
    }
    widths = widths.clone();
    for (int w : widths) {
      if (w < 1) {
        throw new IllegalArgumentException("encoder widths must be positive: " + Arrays.toString(widths));
      }
    }
    if (imageSize % (1 << widths.length) != 0) {
      throw new IllegalArgumentException("an image of " + imageSize + " pixels cannot be halved " + widths.length
          + " times");
    }
  }

  /** The default network: 32x32 views, encoder stages of 8, 16 and 32 channels, 32 eye and 64 face hidden units. */
  public static EgoNetConfig defaults() {
    return new EgoNetConfig(32, new int[] {8, 16, 32}, 32, 64, 32, true);
  }

  /** This network with the other regressor (true: REFA's eye and face MLPs; false: one concatenated head). */
  public EgoNetConfig withEyeBranch(boolean branch) {
    return new EgoNetConfig(imageSize, widths, eyeHidden, faceHidden, discriminatorHidden, branch);
  }

  /** This network on views of another size. */
  public EgoNetConfig withImageSize(int size) {
    return new EgoNetConfig(size, widths, eyeHidden, faceHidden, discriminatorHidden, eyeBranch);
  }

  /** This network with other encoder widths. */
  public EgoNetConfig withWidths(int... stages) {
    return new EgoNetConfig(imageSize, stages, eyeHidden, faceHidden, discriminatorHidden, eyeBranch);
  }

  /** Features one view's encoder gives: the last stage's channels, averaged over the image. */
  public int featuresPerView() {
    return widths[widths.length - 1];
  }

  @Override
  public int[] widths() {
    return widths.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EgoNetConfig c && imageSize == c.imageSize && Arrays.equals(widths, c.widths)
        && eyeHidden == c.eyeHidden && faceHidden == c.faceHidden && discriminatorHidden == c.discriminatorHidden
        && eyeBranch == c.eyeBranch;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(widths)
        + java.util.Objects.hash(imageSize, eyeHidden, faceHidden, discriminatorHidden, eyeBranch);
  }

  @Override
  public String toString() {
    return "EgoNetConfig[imageSize=" + imageSize + ", widths=" + Arrays.toString(widths) + ", eyeHidden=" + eyeHidden
        + ", faceHidden=" + faceHidden + ", discriminatorHidden=" + discriminatorHidden + ", eyeBranch=" + eyeBranch
        + "]";
  }
}
