package dev.mimik.signal.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An IIR filter as a cascade of second-order sections, laid out like {@code scipy.signal}'s {@code sos} array:
 * each row is {@code b0, b1, b2, 1, a1, a2} (normalised so that {@code a0 = 1}).
 *
 * <p>Second-order sections keep high-order and narrow-band designs (an 0.1 Hz EOG edge at 1 kHz) numerically
 * stable where a single transfer function would not be.
 *
 * @param sections one row of six coefficients per section; not copied, treat as read-only
 */
public record Sos(double[][] sections) {

  public Sos {
    if (sections.length == 0) {
      throw new IllegalArgumentException("a filter needs at least one section");
    }
    for (double[] s : sections) {
      if (s.length != 6 || s[3] != 1.0) {
        throw new IllegalArgumentException("each section must be b0, b1, b2, 1, a1, a2: " + Arrays.toString(s));
      }
    }
  }

  /** A section from unnormalised coefficients {@code b0 b1 b2} and {@code a0 a1 a2}. */
  public static double[] section(double b0, double b1, double b2, double a0, double a1, double a2) {
    return new double[] {b0 / a0, b1 / a0, b2 / a0, 1.0, a1 / a0, a2 / a0};
  }

  /** The cascade of this filter followed by {@code next}. */
  public Sos then(Sos next) {
    List<double[]> all = new ArrayList<>(Arrays.asList(sections));
    all.addAll(Arrays.asList(next.sections));
    return new Sos(all.toArray(double[][]::new));
  }

  public int sectionCount() {
    return sections.length;
  }

  /**
   * The default edge padding of {@code scipy.signal.sosfiltfilt}:
   * {@code 3 * (2*n + 1 - min(#(b2 == 0), #(a2 == 0)))} for {@code n} sections.
   */
  public int defaultPadLength() {
    int zeroB2 = 0;
    int zeroA2 = 0;
    for (double[] s : sections) {
      zeroB2 += s[2] == 0.0 ? 1 : 0;
      zeroA2 += s[5] == 0.0 ? 1 : 0;
    }
    return 3 * (2 * sections.length + 1 - Math.min(zeroB2, zeroA2));
  }

  /**
   * The steady-state section states for a unit step input, as {@code scipy.signal.sosfilt_zi}: multiply by the
   * first sample to start a filter without a transient.
   *
   * @return {@code [section][2]} states of the transposed direct form II
   */
  public double[][] steadyStateStates() {
    double[][] zi = new double[sections.length][2];
    double scale = 1.0;
    for (int i = 0; i < sections.length; i++) {
      double[] s = sections[i];
      double b0 = s[0];
      double b1 = s[1];
      double b2 = s[2];
      double a1 = s[4];
      double a2 = s[5];
      // lfilter_zi: solve (I - companion(a)^T) z = b[1:] - a[1:] * b0 for the 2x2 case
      double r0 = b1 - a1 * b0;
      double r1 = b2 - a2 * b0;
      double z0 = (r0 + r1) / (1.0 + a1 + a2);
      double z1 = r1 - a2 * z0;
      zi[i][0] = scale * z0;
      zi[i][1] = scale * z1;
      scale *= (b0 + b1 + b2) / (1.0 + a1 + a2);
    }
    return zi;
  }

  /** Complex frequency response magnitude at {@code f} Hz for sampling rate {@code fs}. */
  public double magnitudeAt(double f, double fs) {
    double w = 2 * Math.PI * f / fs;
    double c1 = Math.cos(w);
    double s1 = -Math.sin(w);
    double c2 = Math.cos(2 * w);
    double s2 = -Math.sin(2 * w);
    double mag = 1.0;
    for (double[] s : sections) {
      double nr = s[0] + s[1] * c1 + s[2] * c2;
      double ni = s[1] * s1 + s[2] * s2;
      double dr = 1.0 + s[4] * c1 + s[5] * c2;
      double di = s[4] * s1 + s[5] * s2;
      mag *= Math.hypot(nr, ni) / Math.hypot(dr, di);
    }
    return mag;
  }
}
