package dev.mimik.core.io.png;

/**
 * An 8-bit grayscale image as read from a file, row-major.
 *
 * @param width pixels per row
 * @param height rows
 * @param pixels gray levels as unsigned bytes, {@code y * width + x}
 */
public record GrayImage(int width, int height, byte[] pixels) {

  public GrayImage {
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException("pixels do not fill " + width + "x" + height);
    }
  }
}
