package dev.mimik.face.render;

import java.util.SplittableRandom;

/**
 * The image sensor behind the lens: exposure, vignetting, lens blur, response curve, noise and 8-bit
 * quantisation, in that order. Noise draws from the image's seed; hot pixels are fixed per camera.
 */
final class Sensor {

  private Sensor() {}

  static IrImage expose(float[] radiance, int width, int height, Look look, double gain, long seed,
      long cameraSalt) {
    SplittableRandom r = new SplittableRandom(seed);
    double g = gain * (look.exposureJitter() > 0 ? Math.exp(look.exposureJitter() * r.nextGaussian()) : 1);
    float[] x = new float[radiance.length];
    double hx = width / 2.0;
    double hy = height / 2.0;
    double r2max = hx * hx + hy * hy;
    for (int y = 0; y < height; y++) {
      double dy = y + 0.5 - hy;
      for (int i = 0; i < width; i++) {
        double dx = i + 0.5 - hx;
        double v = 1 - look.vignetting() * (dx * dx + dy * dy) / r2max;
        x[y * width + i] = (float) (radiance[y * width + i] * g * v);
      }
    }
    double sigma = look.blurPx() * width / 64.0;
    if (sigma > 0.05) {
      blur(x, width, height, sigma);
    }
    byte[] out = new byte[x.length];
    for (int y = 0; y < height; y++) {
      double row = look.rowNoise() > 0 ? look.rowNoise() * r.nextGaussian() : 0;
      for (int i = 0; i < width; i++) {
        int k = y * width + i;
        double s = Math.max(0, x[k]);
        if (look.gamma() != 1) {
          s = Math.pow(s, look.gamma());
        }
        double noise = row;
        if (look.readNoise() > 0) {
          noise += look.readNoise() * r.nextGaussian();
        }
        if (look.shotNoise() > 0) {
          noise += look.shotNoise() * Math.sqrt(Math.min(1, s)) * r.nextGaussian();
        }
        s += noise;
        if (look.hotPixels() > 0 && hot(cameraSalt, k, look.hotPixels())) {
          s = 1;
        }
        out[k] = (byte) Math.round(255 * Math.max(0, Math.min(1, s)));
      }
    }
    return new IrImage(width, height, out);
  }

  /** A separable Gaussian blur in place, edges clamped. */
  static void blur(float[] img, int width, int height, double sigma) {
    int radius = (int) Math.ceil(2.5 * sigma);
    float[] kernel = new float[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = (float) Math.exp(-0.5 * i * i / (sigma * sigma));
      sum += kernel[i + radius];
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] /= (float) sum;
    }
    float[] tmp = new float[img.length];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        float s = 0;
        for (int j = -radius; j <= radius; j++) {
          int xx = Math.max(0, Math.min(width - 1, x + j));
          s += kernel[j + radius] * img[row + xx];
        }
        tmp[row + x] = s;
      }
    }
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float s = 0;
        for (int j = -radius; j <= radius; j++) {
          int yy = Math.max(0, Math.min(height - 1, y + j));
          s += kernel[j + radius] * tmp[yy * width + x];
        }
        img[y * width + x] = s;
      }
    }
  }

  private static boolean hot(long salt, int pixel, double rate) {
    long z = salt * 0x9E3779B97F4A7C15L + pixel;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53 < rate;
  }
}
