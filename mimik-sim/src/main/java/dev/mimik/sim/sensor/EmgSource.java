package dev.mimik.sim.sensor;

import java.util.SplittableRandom;
import uk.me.berndporr.iirj.Butterworth;

/**
 * A unit-RMS surface EMG source: white Gaussian noise shaped by a Butterworth high-pass (2nd order, 30 Hz) and
 * low-pass (3rd order, 160 Hz), giving the band-limited spectrum of surface EMG with its peak around 50-150 Hz
 * (the shape of the Shwedyk et al. 1977 model); cut-offs shrink for low sampling rates.
 */
final class EmgSource {

  private final Butterworth highPass = new Butterworth();
  private final Butterworth lowPass = new Butterworth();
  private final SplittableRandom random;
  private final double norm;

  EmgSource(double fs, SplittableRandom random) {
    this.random = random;
    highPass.highPass(2, fs, Math.min(30, 0.08 * fs));
    lowPass.lowPass(3, fs, Math.min(160, 0.35 * fs));
    norm = 1 / unitRms(fs);
  }

  /** The next sample, unit RMS. */
  double next() {
    return norm * lowPass.filter(highPass.filter(random.nextGaussian()));
  }

  /** RMS of the shaped noise for unit white noise, from the filters' frequency response. */
  private static double unitRms(double fs) {
    Butterworth hp = new Butterworth();
    Butterworth lp = new Butterworth();
    hp.highPass(2, fs, Math.min(30, 0.08 * fs));
    lp.lowPass(3, fs, Math.min(160, 0.35 * fs));
    int bins = 4096;
    double sum = 0;
    for (int i = 1; i < bins; i++) {
      double f = 0.5 * i / bins;
      double h = hp.response(f).abs() * lp.response(f).abs();
      sum += h * h;
    }
    return Math.sqrt(sum / bins);
  }
}
