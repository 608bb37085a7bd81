package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.learn.eifer.EiferTraining;
import dev.mimik.signal.artefact.Artefact;
import dev.mimik.signal.artefact.PopDetector;
import dev.mimik.signal.preset.EiferChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads the inputs of {@code mimik emg}: signal files (any supported format) as envelopes, made by the EIFER preset
 * from raw sEMG or taken as they are, and blendshape CSV files brought onto the envelope frames.
 */
final class EmgRecordings {

  private EmgRecordings() {}

  /**
   * The envelopes of {@code file}: with {@code preset} "eifer" the raw sEMG goes through {@link EiferChain} (its
   * FIR and RMS durations kept at the file's rate, EIFER's being 4096 Hz); with "none" the channels already are
   * envelopes at the frame rate. {@code firTaps} sets the FIR length at the file's rate (0 for
   * {@link EiferChain#sound()}'s): EIFER's 129 taps at 4096 Hz cannot make a 10 Hz edge and pass 0-5 Hz at about
   * two thirds amplitude, baseline wander included.
   */
  static Signal envelopes(Path file, Signal s, String preset, int firTaps) {
    return switch (preset) {
      case "none" -> s;
      case "eifer" -> chain(file, s, firTaps).apply(s);
      default -> throw new BadInputException("--preset must be eifer or none, not '" + preset + "'");
    };
  }

  /** The EOG band of the raw sEMG {@code s} of {@code file} on the EIFER preset's frames ({@link EiferChain#eogBand}). */
  static Signal eogBand(Path file, Signal s, int firTaps) {
    return chain(file, s, firTaps).eogBand(s);
  }

  /**
   * One recording paired with its blendshapes, as {@code mimik emg train} and {@code eval} take it: the recording's
   * inputs on all its envelope frames (as {@code apply} computes them) and the blendshapes on the frames they cover.
   *
   * @param envelopes envelopes {@code [frame][channel]}
   * @param eog the EOG band, or null when not asked for
   * @param saccades the saccade integral, or null when not asked for
   * @param clean values clear of electrode pops (EIFER preset; else null)
   * @param inside the frames the blendshape file covers
   * @param weights the blendshapes at those frames
   * @param channels the envelope channels, in the columns' order
   * @param rate the envelopes' frame rate
   * @param pops electrode pops found (0 without the EIFER preset)
   */
  record Paired(double[][] envelopes, double[][] eog, double[][] saccades, boolean[][] clean, int[] inside,
      double[][] weights, List<String> channels, double rate, int pops) {

    /** The covered frames as one training recording. */
    EiferTraining.Recording recording() {
      return new EiferTraining.Recording(at(envelopes), weights, at(clean), at(eog), at(saccades));
    }

    /** Covered frames that touch a pop on some channel. */
    int touched() {
      return clean == null ? 0 : (int) Arrays.stream(inside).filter(f -> !EiferTraining.cleanWindow(clean, f, 1))
          .count();
    }

    /** The rows of {@code rows} at the covered frames (null stays null). */
    <T> T[] at(T[] rows) {
      if (rows == null) {
        return null;
      }
      T[] out = Arrays.copyOf(rows, inside.length);
      for (int i = 0; i < inside.length; i++) {
        out[i] = rows[inside[i]];
      }
      return out;
    }
  }

  /**
   * Reads {@code signals} through {@code chain} and {@code blendshapes}; the blendshapes must cover at least 60
   * envelope frames. {@code names} picks the channels (null: all of the file's); {@code eog} and {@code saccades}
   * add the EOG band and the saccade integral (EIFER preset only); {@code warnings} gets the pop detector's.
   */
  static Paired paired(Path signals, Path blendshapes, EmgChainOptions chain, List<String> names, boolean eog,
      boolean saccades, PrintWriter warnings) throws IOException {
    Signal raw = chain.read(signals);
    Signal env = chain.envelopes(signals, raw);
    List<String> channels = names != null ? names : env.channelNames();
    BlendshapeTrack track = blendshapes(blendshapes, Blendshapes.ARKIT_52);
    double[] times = frameTimes(env);
    double first = track.timesSeconds()[0];
    double last = track.timesSeconds()[track.frameCount() - 1];
    int[] inside = IntStream.range(0, times.length).filter(f -> times[f] >= first && times[f] <= last).toArray();
    if (inside.length < 60) {
      throw new BadInputException(blendshapes, "overlaps the signals for only " + inside.length
          + " frames; need at least 60");
    }
    Pops found = "eifer".equals(chain.preset) ? pops(signals, raw, chain.firTaps, channels, times.length, warnings)
        : null;
    return new Paired(rows(signals, env, channels), eog ? rows(signals, chain.eogBand(signals, raw), channels) : null,
        saccades ? rows(signals, chain.saccadeIntegral(signals, raw), channels) : null,
        found == null ? null : found.clean(), inside,
        at(track, Arrays.stream(inside).mapToDouble(f -> times[f]).toArray()), channels, env.samplingRate(),
        found == null ? 0 : found.count());
  }

  /**
   * Electrode pops in the raw sEMG of {@code file}: per channel of {@code names}, what {@link PopDetector#standard()}
   * finds (seconds from the first sample), and which of the {@code frames} envelope frames stay clear of them,
   * {@code [frame][channel]} ({@link EiferChain#cleanRows}).
   */
  record Pops(List<List<Artefact>> perChannel, boolean[][] clean) {

    /** How many pops were found on all channels. */
    int count() {
      return perChannel.stream().mapToInt(List::size).sum();
    }

    /** Whether envelope frame {@code f} is clear of pops on every channel. */
    boolean cleanAt(int f) {
      return EiferTraining.cleanWindow(clean, f, 1);
    }

  }

  /**
   * The electrode pops of {@link Pops} in {@code file}. A channel whose unit is not a voltage cannot be held to the
   * detector's microvolt thresholds: it is not searched, and {@code warnings} says so.
   */
  static Pops pops(Path file, Signal s, int firTaps, List<String> names, int frames, PrintWriter warnings) {
    List<List<Artefact>> found = new ArrayList<>();
    for (String n : names) {
      Channel c = s.channel(n).orElseThrow(() -> new BadInputException(file, "has no channel '" + n + "'"));
      var scale = c.microvoltsPerUnit();
      if (scale.isEmpty()) {
        warnings.printf("%s: channel %s is in '%s', not a voltage; electrode pops are not looked for on it%n", file,
            n, c.unit());
        found.add(List.of());
        continue;
      }
      double[] uv = c.samples().clone();
      for (int i = 0; i < uv.length; i++) {
        uv[i] *= scale.getAsDouble();
      }
      found.add(PopDetector.standard().detect(uv, c.samplingRate()));
    }
    warnings.flush();
    return new Pops(found, chain(file, s, firTaps).cleanRows(found, s.samplingRate(), frames));
  }

  /**
   * The saccade integral of the raw sEMG in {@code file} on the EIFER preset's frames
   * ({@link EiferChain#saccadeIntegral}).
   */
  static Signal saccadeIntegral(Path file, Signal s, int firTaps) {
    return chain(file, s, firTaps).saccadeIntegral(s);
  }

  private static EiferChain chain(Path file, Signal s, int firTaps) {
    if (s.samplingRate() < 1024) {
      throw new BadInputException(file, "the EIFER preset needs at least 1024 Hz (its band reaches 500 Hz), not "
          + s.samplingRate());
    }
    return EiferExperiment.chainAt(s.samplingRate(), firTaps);
  }

  /** A signal file, refused when its channels differ in rate or hold a value that is not a number. */
  static Signal read(Path file) throws IOException {
    Signal s = SignalFormats.standard().read(file);
    if (!s.hasUniformRate()) {
      throw new BadInputException(file, "channels have different sampling rates");
    }
    for (Channel c : s.channels()) {
      for (double v : c.samples()) {
        if (!Double.isFinite(v)) {
          throw new BadInputException(file, "channel " + c.name() + " has a value that is not a number");
        }
      }
    }
    return s;
  }

  /** Rows {@code [frame][channel]} of {@code names} taken from {@code envelopes} by name. */
  static double[][] rows(Path file, Signal envelopes, List<String> names) {
    List<double[]> cols = new ArrayList<>();
    for (String n : names) {
      if (!envelopes.channelNames().contains(n)) {
        throw new BadInputException(file, "has no channel '" + n + "' (it has " + envelopes.channelNames() + ")");
      }
      cols.add(envelopes.channel(n).orElseThrow().samples());
    }
    int frames = cols.get(0).length;
    double[][] out = new double[frames][names.size()];
    for (int c = 0; c < names.size(); c++) {
      for (int f = 0; f < frames; f++) {
        out[f][c] = cols.get(c)[f];
      }
    }
    return out;
  }

  /** A blendshape CSV with every named shape, by name; shapes the file lacks stay at 0 (at least one must match). */
  static BlendshapeTrack blendshapes(Path file, List<String> names) throws IOException {
    BlendshapeTrack t = BlendshapeCsv.read(file);
    double[][] w = new double[t.frameCount()][names.size()];
    int found = 0;
    for (int k = 0; k < names.size(); k++) {
      int j = t.names().indexOf(names.get(k));
      if (j < 0) {
        continue;
      }
      found++;
      for (int f = 0; f < w.length; f++) {
        w[f][k] = t.weights()[f][j];
      }
    }
    if (found == 0 || t.frameCount() < 2) {
      throw new BadInputException(file, "has none of the model's blendshapes or fewer than two frames");
    }
    return new BlendshapeTrack(t.timesSeconds(), names, w);
  }

  /** The weights of {@code track} at {@code times} by linear interpolation; times outside it clamp to its ends. */
  static double[][] at(BlendshapeTrack track, double[] times) {
    double[] t = track.timesSeconds();
    double[][] out = new double[times.length][];
    int j = 0;
    for (int f = 0; f < times.length; f++) {
      double x = times[f];
      while (j < t.length - 2 && t[j + 1] <= x) {
        j++;
      }
      double a = Math.max(0, Math.min(1, (x - t[j]) / (t[j + 1] - t[j])));
      double[] w0 = track.weights()[j];
      double[] w1 = track.weights()[j + 1];
      out[f] = new double[w0.length];
      for (int k = 0; k < w0.length; k++) {
        out[f][k] = w0[k] + a * (w1[k] - w0[k]);
      }
    }
    return out;
  }

  /** Times of the envelope frames, seconds. */
  static double[] frameTimes(Signal envelopes) {
    int n = envelopes.channel(0).samples().length;
    double[] t = new double[n];
    for (int f = 0; f < n; f++) {
      t[f] = envelopes.startTimeSeconds() + f / envelopes.samplingRate();
    }
    return t;
  }
}
