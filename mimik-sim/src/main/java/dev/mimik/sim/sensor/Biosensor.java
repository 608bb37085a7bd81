package dev.mimik.sim.sensor;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.performance.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records a performance with a montage: the biosignal forward model.
 *
 * <p>Each lead sums, in microvolts: for every muscle, its volume-conduction gain times its calibrated amplitude
 * times the participant's EMG gain times its activation times its own unit EMG source ({@link EmgSource}, so
 * neighbouring leads share crosstalk); the EOG dipole potentials ({@link EogDipole}); powerline interference at
 * the participant's mains frequency with its 2nd and 3rd harmonics, growing with impedance; baseline wander
 * (0.05-0.5 Hz components and respiration); white electrode noise; a slow motion artefact during each head
 * movement; and electrode pops (a step decaying over 0.1-1 s) at a rate growing with impedance.
 */
public final class Biosensor {

  private final Montage montage;
  private final double rate;
  private final MuscleModel muscles;
  private final double[] amplitudes;

  /** A recorder with {@code montage} sampling at {@code rate} Hz (at least 250 Hz for a faithful EMG band). */
  public Biosensor(Montage montage, double rate) {
    this(montage, rate, defaultAmplitudes());
  }

  /**
   * A recorder whose muscles have the given surface amplitudes (uV at full activation, by muscle ordinal) instead
   * of the built-in calibration, e.g. those of {@link FridlundCalibration#fit} on part of the table.
   */
  public Biosensor(Montage montage, double rate, double[] amplitudes) {
    this(montage, rate, amplitudes, new MuscleModel());
  }

  /** A recorder whose muscles are those of {@code calibration} (amplitudes and co-activations). */
  public Biosensor(Montage montage, double rate, MuscleCalibration calibration) {
    this(montage, rate, calibration.amplitudes(), calibration.muscles());
  }

  private Biosensor(Montage montage, double rate, double[] amplitudes, MuscleModel muscles) {
    if (!(rate >= 100)) {
      throw new IllegalArgumentException("biosignal rate must be at least 100 Hz: " + rate);
    }
    if (amplitudes.length != Muscle.values().length) {
      throw new IllegalArgumentException("need one amplitude per muscle: " + amplitudes.length);
    }
    this.montage = montage;
    this.rate = rate;
    this.amplitudes = amplitudes.clone();
    this.muscles = muscles;
  }

  /** The built-in amplitudes of every muscle, by ordinal. */
  public static double[] defaultAmplitudes() {
    double[] a = new double[Muscle.values().length];
    for (Muscle m : Muscle.values()) {
      a[m.ordinal()] = m.microvoltsAtFull();
    }
    return a;
  }

  /**
   * Records {@code perf} on {@code who} with the electrodes where this participant always wears them: the montage
   * jittered once per participant (their own fit), the same in every session.
   */
  public Signal record(Participant who, Performance perf, long seed, Components parts) {
    return record(who, Donning.none(), perf, seed, parts);
  }

  /**
   * Records {@code perf} on {@code who} wearing the electrodes as {@code donning} put them on this session: the
   * participant's own placement, then the session's shift, electrode errors, impedance and lead pick-up
   * ({@link Donning}). {@link #pops} of {@code donning.on(who)} are the pops this recording holds.
   */
  public Signal record(Participant who, Donning donning, Performance perf, long seed, Components parts) {
    Montage placed = donning.place(montage.jittered(who.electrodeJitterMm(), SeedStreams.stream(who.seed(),
        "electrodes/" + who.id())));
    who = donning.on(who);
    int n = (int) Math.floor(perf.durationSeconds() * rate);
    int leads = placed.leads().size();
    double[][] out = new double[leads][n];
    if (parts.emg()) {
      emg(placed, donning.leadGains(leads), who, perf, seed, out);
    }
    if (parts.eog()) {
      eog(placed, who, perf, out);
    }
    if (parts.powerline()) {
      powerline(who, SeedStreams.stream(seed, "powerline"), out);
    }
    if (parts.wander()) {
      wander(SeedStreams.stream(seed, "wander"), out);
    }
    if (parts.noise()) {
      noise(who, SeedStreams.stream(seed, "noise"), out);
    }
    if (parts.artefacts()) {
      motion(perf, SeedStreams.stream(seed, "motion"), out);
      pops(who, seed, out);
    }
    List<Channel> channels = new ArrayList<>();
    for (int c = 0; c < leads; c++) {
      channels.add(new Channel(placed.leads().get(c).name(), "uV", rate, out[c]));
    }
    return Signal.of(channels);
  }

  private void emg(Montage placed, double[] leadGains, Participant who, Performance perf, long seed,
      double[][] out) {
    double[][] gains = VolumeConduction.gains(placed);
    double[][] act = muscles.activate(perf.weights());
    double step = perf.rate() / rate;
    for (Muscle m : Muscle.values()) {
      for (Muscle.Side side : Muscle.Side.values()) {
        int s = MuscleModel.column(m, side);
        double amp = amplitudes[m.ordinal()] * who.emgGain();
        double[] g = new double[out.length];
        boolean seen = false;
        for (int c = 0; c < out.length; c++) {
          g[c] = gains[c][s] * amp * leadGains[c];
          seen |= gains[c][s] > 1e-4;
        }
        if (!seen) {
          continue;
        }
        EmgSource source = new EmgSource(rate, SeedStreams.stream(seed, "emg/" + s));
        int last = act.length - 1;
        for (int i = 0; i < out[0].length; i++) {
          double x = i * step;
          int j = Math.min((int) x, last - 1);
          double a = act[j][s] + (x - j) * (act[j + 1][s] - act[j][s]);
          double v = a * source.next();
          for (int c = 0; c < out.length; c++) {
            out[c][i] += g[c] * v;
          }
        }
      }
    }
  }

  private void eog(Montage placed, Participant who, Performance perf, double[][] out) {
    EogDipole dipole = new EogDipole(placed);
    int left = Blendshapes.indexOf("eyeBlinkLeft");
    int right = Blendshapes.indexOf("eyeBlinkRight");
    double[] v = new double[out.length];
    for (int i = 0; i < out[0].length; i++) {
      double t = i / rate;
      double closure = 0.5 * (perf.weightAt(left, t) + perf.weightAt(right, t));
      dipole.voltages(perf.at(perf.gazeYawDeg(), t), perf.at(perf.gazePitchDeg(), t), closure, who.eogGain(), v);
      for (int c = 0; c < out.length; c++) {
        out[c][i] += v[c];
      }
    }
  }

  private void powerline(Participant who, SplittableRandom r, double[][] out) {
    double[] harmonic = {1.0, 0.1, 0.3};
    for (double[] ch : out) {
      double base = 0.4 * who.impedanceKOhm() * r.nextDouble(0.5, 1.5);
      for (int h = 0; h < harmonic.length; h++) {
        double f = (h + 1) * who.powerlineHz();
        if (f >= rate / 2) {
          continue;
        }
        double a = base * harmonic[h];
        double ph = r.nextDouble(0, 2 * Math.PI);
        double w = 2 * Math.PI * f / rate;
        for (int i = 0; i < ch.length; i++) {
          ch[i] += a * Math.sin(w * i + ph);
        }
      }
    }
  }

  private void wander(SplittableRandom r, double[][] out) {
    for (double[] ch : out) {
      for (int k = 0; k < 4; k++) {
        double f = k == 0 ? r.nextDouble(0.2, 0.33) : r.nextDouble(0.02, 0.5);
        double a = k == 0 ? r.nextDouble(2, 8) : r.nextDouble(5, 25);
        double ph = r.nextDouble(0, 2 * Math.PI);
        double w = 2 * Math.PI * f / rate;
        for (int i = 0; i < ch.length; i++) {
          ch[i] += a * Math.sin(w * i + ph);
        }
      }
    }
  }

  private void noise(Participant who, SplittableRandom r, double[][] out) {
    for (double[] ch : out) {
      for (int i = 0; i < ch.length; i++) {
        ch[i] += who.electrodeNoiseUv() * r.nextGaussian();
      }
    }
  }

  private void motion(Performance perf, SplittableRandom r, double[][] out) {
    for (Segment s : perf.segments()) {
      if (!s.label().equals("head_move")) {
        continue;
      }
      for (double[] ch : out) {
        double a = (r.nextBoolean() ? 1 : -1) * r.nextDouble(20, 150) * s.intensity();
        int i0 = (int) (s.onsetS() * rate);
        int i1 = Math.min(ch.length, (int) (s.endS() * rate) + 1);
        for (int i = Math.max(0, i0); i < i1; i++) {
          double u = (i - i0) / (double) Math.max(1, i1 - 1 - i0);
          ch[i] += a * Math.sin(Math.PI * u) * Math.sin(Math.PI * u);
        }
      }
    }
  }

  /**
   * The electrode pops that {@link #record} with {@code seed} adds to a recording of {@code samples} samples per
   * lead on {@code who} (when its components include artefacts): the exact ground truth of every pop, in the order
   * drawn (lead by lead, in time).
   */
  public List<ElectrodePop> pops(Participant who, long seed, int samples) {
    SplittableRandom r = SeedStreams.stream(seed, "pops");
    double perSecond = 0.02 * who.impedanceKOhm() / 60;
    double duration = samples / rate;
    List<ElectrodePop> pops = new ArrayList<>();
    for (int c = 0; c < montage.leads().size(); c++) {
      double t = -Math.log(1 - r.nextDouble()) / perSecond;
      while (t < duration) {
        double a = (r.nextBoolean() ? 1 : -1) * r.nextDouble(100, 800);
        double tau = r.nextDouble(0.1, 1.0);
        pops.add(new ElectrodePop(c, (int) (t * rate) / rate, a, tau));
        t += -Math.log(1 - r.nextDouble()) / perSecond;
      }
    }
    return pops;
  }

  private void pops(Participant who, long seed, double[][] out) {
    for (ElectrodePop p : pops(who, seed, out[0].length)) {
      double[] ch = out[p.lead()];
      double tau = p.decaySeconds() * rate;
      int i0 = (int) Math.round(p.onsetSeconds() * rate);
      int i1 = Math.min(ch.length, i0 + (int) (6 * tau));
      for (int i = i0; i < i1; i++) {
        ch[i] += p.amplitudeUv() * Math.exp(-(i - i0) / tau);
      }
    }
  }
}
