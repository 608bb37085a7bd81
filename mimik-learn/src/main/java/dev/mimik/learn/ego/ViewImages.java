package dev.mimik.learn.ego;

import dev.mimik.core.io.png.GrayImage;

/**
 * The pixels of a frame's views as the network takes them: each view resized to the network's square size (box
 * averaging) and kept as 8-bit gray, the five views of a frame one after the other in {@link EgoViews} order; at
 * the network's door each view is standardised on its own (its mean removed, divided by its standard deviation), so
 * that exposure and skin brightness do not matter, and may be shifted by a few pixels (training augmentation).
 */
public final class ViewImages {

  /** The smallest standard deviation a view is divided by, gray levels: a flat view stays near 0. */
  static final double MIN_STD = 8;

  private ViewImages() {}

  /** An image resized to {@code size x size} by averaging the source pixels each target pixel covers. */
  public static byte[] resize(GrayImage image, int size) {
    int w = image.width();
    int h = image.height();
    byte[] src = image.pixels();
    if (w == size && h == size) {
      return src.clone();
    }
    byte[] out = new byte[size * size];
    for (int oy = 0; oy < size; oy++) {
      int y0 = (int) ((long) oy * h / size);
      int y1 = Math.max(y0 + 1, (int) ((long) (oy + 1) * h / size));
      for (int ox = 0; ox < size; ox++) {
        int x0 = (int) ((long) ox * w / size);
        int x1 = Math.max(x0 + 1, (int) ((long) (ox + 1) * w / size));
        int sum = 0;
        for (int y = y0; y < y1; y++) {
          for (int x = x0; x < x1; x++) {
            sum += src[y * w + x] & 0xff;
          }
        }
        out[oy * size + ox] = (byte) Math.round((float) sum / ((y1 - y0) * (x1 - x0)));
      }
    }
    return out;
  }

  /** A frame's views (each already {@code size x size}) one after the other, in view order. */
  public static byte[] frame(byte[][] views) {
    int n = views[0].length;
    byte[] out = new byte[views.length * n];
    for (int v = 0; v < views.length; v++) {
      if (views[v].length != n) {
        throw new IllegalArgumentException("views of one frame must have one size");
      }
      System.arraycopy(views[v], 0, out, v * n, n);
    }
    return out;
  }

  /**
   * Writes view {@code view} of a frame standardised into {@code out} from {@code offset}, shifted by
   * {@code (dx, dy)} pixels (the border repeated).
   */
  public static void standardise(byte[] frame, int view, int size, int dx, int dy, float[] out, int offset) {
    int n = size * size;
    int base = view * n;
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      int p = frame[base + i] & 0xff;
      sum += p;
      sq += (double) p * p;
    }
    double mean = sum / n;
    double std = Math.max(MIN_STD, Math.sqrt(Math.max(0, sq / n - mean * mean)));
    float m = (float) mean;
    float inv = (float) (1 / std);
    for (int y = 0; y < size; y++) {
      int sy = Math.max(0, Math.min(size - 1, y - dy));
      for (int x = 0; x < size; x++) {
        int sx = Math.max(0, Math.min(size - 1, x - dx));
        out[offset + y * size + x] = ((frame[base + sy * size + sx] & 0xff) - m) * inv;
      }
    }
  }

  /** Mean gray level, standard deviation and share of pixels at 250 or above of one view of a frame. */
  public static double[] statistics(byte[] frame, int view, int size) {
    int n = size * size;
    int base = view * n;
    double sum = 0;
    double sq = 0;
    int saturated = 0;
    for (int i = 0; i < n; i++) {
      int p = frame[base + i] & 0xff;
      sum += p;
      sq += (double) p * p;
      saturated += p >= 250 ? 1 : 0;
    }
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean)), (double) saturated / n};
  }
}
