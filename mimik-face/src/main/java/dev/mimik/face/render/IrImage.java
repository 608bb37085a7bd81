package dev.mimik.face.render;

/**
 * An 8-bit grayscale image, row-major ({@code y * width + x}), top row first.
 *
 * @param width pixels per row
 * @param height rows
 * @param pixels gray levels 0-255 as unsigned bytes
 */
public record IrImage(int width, int height, byte[] pixels) {

  public IrImage {
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException("pixels do not fill " + width + "x" + height);
    }
  }

  /** The gray level (0-255) at {@code (x, y)}. */
  public int gray(int x, int y) {
    return pixels[y * width + x] & 0xff;
  }

  /** The image flipped left to right: how a left camera's view is stored so that it looks like a right view. */
  public IrImage mirrored() {
    byte[] out = new byte[pixels.length];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        out[row + x] = pixels[row + width - 1 - x];
      }
    }
    return new IrImage(width, height, out);
  }

  /** The mean gray level. */
  public double mean() {
    long s = 0;
    for (byte b : pixels) {
      s += b & 0xff;
    }
    return (double) s / pixels.length;
  }
}
