package dev.mimik.learn.ego;

import dev.mimik.core.io.png.GrayImage;
import java.util.random.RandomGenerator;

/**
 * The pixels of a frame's views as the network takes them: each view resized to the network's square size (box
 * averaging) and kept as 8-bit gray, the five views of a frame one after the other in {@link EgoViews} order; at
 * the network's door each view is standardised on its own (its mean removed, divided by its standard deviation), so
 * that exposure and skin brightness do not matter, and may be disturbed first (training augmentation, {@link Jitter}).
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
   * How one view is disturbed before it is standardised (training augmentation): the image moved by
   * {@code (dx, dy)} pixels, scaled by {@code scale} and turned by {@code rotation} radians about its centre (as a
   * headset donned anew sits a little differently), its gray levels bent by {@code gamma} (another exposure curve
   * or skin), and Gaussian noise of {@code noise} standard deviations added to the standardised pixels (sensor
   * noise). Brightness and contrast are not disturbed: standardisation removes them.
   */
  public record Jitter(double dx, double dy, double scale, double rotation, double gamma, double noise) {

    /** The view as it is. */
    public static final Jitter NONE = new Jitter(0, 0, 1, 0, 1, 0);

    public Jitter {
      if (!(scale > 0) || !(gamma > 0) || noise < 0) {
        throw new IllegalArgumentException("scale and gamma must be positive, noise not negative");
      }
    }

    boolean moves() {
      return dx != 0 || dy != 0 || scale != 1 || rotation != 0;
    }
  }

  /** Writes view {@code view} of a frame standardised into {@code out} from {@code offset}. */
  public static void standardise(byte[] frame, int view, int size, float[] out, int offset) {
    standardise(frame, view, size, Jitter.NONE, null, out, offset);
  }

  /**
   * Writes view {@code view} of a frame, disturbed by {@code jitter} and then standardised, into {@code out} from
   * {@code offset}. A moved view is resampled bilinearly, the border repeated; {@code noise} draws the noise (it
   * may be null when the jitter has none).
   */
  public static void standardise(byte[] frame, int view, int size, Jitter jitter, RandomGenerator noise,
      float[] out, int offset) {
    int n = size * size;
    int base = view * n;
    double[] g = new double[256];
    for (int p = 0; p < 256; p++) {
      g[p] = jitter.gamma() == 1 ? p : 255 * Math.pow(p / 255.0, jitter.gamma());
    }
    double[] px = new double[n];
    if (jitter.moves()) {
      double c = (size - 1) / 2.0;
      double cos = Math.cos(jitter.rotation()) / jitter.scale();
      double sin = Math.sin(jitter.rotation()) / jitter.scale();
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          // the source point that lands on (x, y): the inverse of scaling and turning about the centre, then moving
          double u = x - c - jitter.dx();
          double v = y - c - jitter.dy();
          double sx = clamp(c + cos * u + sin * v, size);
          double sy = clamp(c - sin * u + cos * v, size);
          int x0 = Math.min(size - 2, (int) sx);
          int y0 = Math.min(size - 2, (int) sy);
          double fx = sx - x0;
          double fy = sy - y0;
          int i = base + y0 * size + x0;
          double top = g[frame[i] & 0xff] * (1 - fx) + g[frame[i + 1] & 0xff] * fx;
          double bottom = g[frame[i + size] & 0xff] * (1 - fx) + g[frame[i + size + 1] & 0xff] * fx;
          px[y * size + x] = top * (1 - fy) + bottom * fy;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        px[i] = g[frame[base + i] & 0xff];
      }
    }
    double sum = 0;
    double sq = 0;
    for (double p : px) {
      sum += p;
      sq += p * p;
    }
    double mean = sum / n;
    double std = Math.max(MIN_STD, Math.sqrt(Math.max(0, sq / n - mean * mean)));
    for (int i = 0; i < n; i++) {
      double z = (px[i] - mean) / std;
      out[offset + i] = (float) (jitter.noise() > 0 ? z + jitter.noise() * noise.nextGaussian() : z);
    }
  }

  private static double clamp(double coordinate, int size) {
    return Math.max(0, Math.min(size - 1, coordinate));
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
