package dev.mimik.lab.eifer;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Columns;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.TempColumns;
import dev.mimik.learn.eifer.EiferTraining;
import dev.mimik.signal.artefact.Artefact;
import dev.mimik.signal.artefact.PopDetector;
import dev.mimik.signal.preset.EiferChain;
import dev.mimik.signal.preset.EiferSegments;
import dev.mimik.signal.reference.BipolarPairs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * How {@code mimik emg} turns a recording into its maps' inputs: envelopes made by the EIFER preset from raw sEMG
 * (or taken as they are), the EOG band and saccade integral beside them, the electrode pops found in the raw signal,
 * and blendshapes brought onto the envelope frames. The file names given are for messages only; reading is the
 * caller's.
 *
 * @param preset "eifer" (raw sEMG through {@link EiferChain}) or "none" (the channels already are envelopes)
 * @param firTaps with "eifer", the FIR length at the recording's rate; 0 for {@link EiferChain#sound()}'s
 */
public record EmgInputs(String preset, int firTaps) {

  public EmgInputs {
    if (!preset.equals("eifer") && !preset.equals("none")) {
      throw new BadInputException("--preset must be eifer or none, not '" + preset + "'");
    }
  }

  /**
   * The recording in {@code signals}, refused when its channels differ in rate or hold a value that is not a number,
   * its electrodes paired into bipolar leads when {@code bipolar} names a pairs file ({@code channel,plus,minus}).
   *
   * @param bipolar the pairs file, or null
   */
  public static Signal read(Path signals, Path bipolar) throws java.io.IOException {
    BipolarPairs pairs = pairs(bipolar);
    Signal s = dev.mimik.core.io.SignalFormats.standard().read(signals);
    if (!s.hasUniformRate()) {
      throw new BadInputException(signals, "channels have different sampling rates");
    }
    for (Channel c : s.channels()) {
      for (double v : c.samples()) {
        if (!Double.isFinite(v)) {
          throw new BadInputException(signals, "channel " + c.name() + " has a value that is not a number");
        }
      }
    }
    return pairs == null ? s : pairs.apply(signals, s);
  }

  /** The pairs in pairs file {@code bipolar} ({@code channel,plus,minus}); null for null. */
  public static BipolarPairs pairs(Path bipolar) throws java.io.IOException {
    return bipolar == null ? null : BipolarPairs.parse(dev.mimik.core.io.TextTable.read(bipolar));
  }

  /** Whether raw sEMG goes through the EIFER chain (and pops are looked for). */
  public boolean raw() {
    return preset.equals("eifer");
  }

  /**
   * The envelopes of recording {@code s} (read from {@code file}): with the "eifer" preset the chain's FIR and RMS
   * durations are kept at the file's rate (EIFER's being 4096 Hz); EIFER's 129 taps at 4096 Hz cannot make a 10 Hz
   * edge and pass 0-5 Hz at about two thirds amplitude, baseline wander included.
   */
  public Signal envelopes(Path file, Signal s) {
    return raw() ? chain(file, s).apply(s) : s;
  }

  /** The EOG band of the raw sEMG {@code s} on the envelope frames ({@link EiferChain#eogBand}). */
  public Signal eogBand(Path file, Signal s) {
    needRaw(file);
    return chain(file, s).eogBand(s);
  }

  /** The saccade integral of the raw sEMG {@code s} on the envelope frames ({@link EiferChain#saccadeIntegral}). */
  public Signal saccadeIntegral(Path file, Signal s) {
    needRaw(file);
    return chain(file, s).saccadeIntegral(s);
  }

  private void needRaw(Path file) {
    if (!raw()) {
      throw new BadInputException(file, "the EOG inputs need the raw signals (--preset eifer);"
          + " give --no-eog-band --no-saccade-integral, or a model trained without them, for envelopes");
    }
  }

  private EiferChain chain(Path file, Signal s) {
    return chain(file, s.samplingRate());
  }

  private EiferChain chain(Path file, double rate) {
    if (rate < 1024) {
      throw new BadInputException(file, "the EIFER preset needs at least 1024 Hz (its band reaches 500 Hz), not "
          + rate);
    }
    return EiferExperiment.chainAt(rate, firTaps);
  }

  /**
   * A recording's inputs for a map on its channels {@code names}, with the "eifer" preset, read from {@code file}
   * in blocks ({@link EiferSegments}; its electrodes paired block by block when {@code pairs} is not null) rather
   * than held, so that a recording of any length fits: the envelopes, the
   * EOG band and saccade integral when asked ({@code eog}, {@code saccades}; else null) as columns in temporary
   * files (one per channel of {@code names}, in that order), and the electrode pops. The same values, to rounding,
   * as {@link #envelopes}, {@link #eogBand}, {@link #saccadeIntegral} and {@link #pops} of the recording read
   * whole. Closing the result deletes the files.
   */
  public Streamed streamed(Path file, BipolarPairs pairs, List<String> names, boolean eog, boolean saccades,
      Consumer<String> warnings) throws java.io.IOException {
    EiferSegments.Opener opener = () -> {
      dev.mimik.core.io.SignalStream s = dev.mimik.core.io.SignalFormats.standard().open(file);
      return pairs == null ? s : pairs.apply(s);
    };
    List<Channel> channels;
    try (dev.mimik.core.io.SignalStream s = opener.open()) {
      channels = s.channels();
    }
    List<String> all = channels.stream().map(Channel::name).toList();
    double[] scales = new double[channels.size()];
    java.util.Arrays.fill(scales, Double.NaN);
    for (String n : names) {
      int c = all.indexOf(n);
      if (c < 0) {
        throw new BadInputException(file, "has no channel '" + n + "' (it has " + all + ")");
      }
      scales[c] = popScale(file, channels.get(c), warnings);
    }
    if (channels.stream().anyMatch(c -> c.samplingRate() != channels.get(0).samplingRate())) {
      throw new BadInputException(file, "channels have different sampling rates");
    }
    double fs = channels.get(0).samplingRate();
    EiferChain chain = chain(file, fs);
    EiferSegments seg = EiferSegments.run(chain, opener, eog, saccades, scales);
    TempColumns integral = null;
    try {
      int[] which = names.stream().mapToInt(all::indexOf).toArray();
      List<List<Artefact>> found = new ArrayList<>();
      for (int c : which) {
        found.add(seg.pops().get(c));
      }
      if (saccades) { // over every lead of the recording, as the recording read whole
        integral = new TempColumns(all.size());
        TempColumns out = integral;
        chain.saccadeIntegral(seg.saccadeBands(), (frames, c) -> out.append(c, frames, 0, frames.length));
        seg.saccadeBands().close();
      }
      int frames = seg.envelopes().length();
      return new Streamed(seg.startTimeSeconds(), chain.outputRate(), seg.envelopes().picked(which),
          eog ? seg.eogBand().picked(which) : null, saccades ? integral.picked(which) : null,
          new Pops(found, chain.cleanRows(found, fs, frames)),
          java.util.stream.Stream.of(seg.envelopes(), seg.eogBand(), integral).filter(t -> t != null).toList());
    } catch (java.io.IOException | RuntimeException e) {
      seg.close();
      if (integral != null) {
        integral.close();
      }
      throw e;
    }
  }

  /**
   * What {@link #streamed} gives, as columns {@code [channel] x frames} of the asked channels.
   *
   * @param startTimeSeconds the recording's start (its first frame's time)
   * @param rate the frame rate
   * @param envelopes the envelopes
   * @param eog the EOG band, or null
   * @param saccades the saccade integral, or null
   * @param pops the electrode pops on the asked channels
   * @param files what holds the columns, closed by {@link #close}
   */
  public record Streamed(double startTimeSeconds, double rate, Columns envelopes, Columns eog, Columns saccades,
      Pops pops, List<TempColumns> files) implements AutoCloseable {

    /** Deletes the columns' files. */
    @Override
    public void close() {
      for (TempColumns f : files) {
        f.close();
      }
    }
  }

  /** Microvolts per unit of channel {@code c}; NaN, and a warning, when its unit is not a voltage. */
  private static double popScale(Path file, Channel c, Consumer<String> warnings) {
    var scale = c.microvoltsPerUnit();
    if (scale.isEmpty()) {
      warnings.accept(file + ": channel " + c.name() + " is in '" + c.unit() + "', not a voltage; electrode pops are"
          + " not looked for on it");
      return Double.NaN;
    }
    return scale.getAsDouble();
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
  public record Paired(double[][] envelopes, double[][] eog, double[][] saccades, boolean[][] clean, int[] inside,
      double[][] weights, List<String> channels, double rate, int pops) {

    /** The covered frames as one training recording. */
    public EiferTraining.Recording recording() {
      return new EiferTraining.Recording(at(envelopes), weights, at(clean), at(eog), at(saccades));
    }

    /** Covered frames that touch a pop on some channel. */
    public int touched() {
      return clean == null ? 0 : (int) Arrays.stream(inside).filter(f -> !EiferTraining.cleanWindow(clean, f, 1))
          .count();
    }

    /** The rows of {@code rows} at the covered frames (null stays null). */
    public <T> T[] at(T[] rows) {
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
   * Pairs recording {@code raw} (from {@code signals}) with blendshape track {@code track} (from {@code shapesFile}),
   * which must cover at least 60 envelope frames and name some of ARKit's shapes. {@code names} picks the channels
   * (null: all of the recording's); {@code eog} and {@code saccades} add the EOG band and the saccade integral (EIFER
   * preset only); {@code warnings} gets the pop detector's.
   */
  public Paired paired(Path signals, Signal raw, Path shapesFile, BlendshapeTrack track, List<String> names,
      boolean eog, boolean saccades, Consumer<String> warnings) {
    BlendshapeTrack shapes = shapes(shapesFile, track, Blendshapes.ARKIT_52);
    Signal env = envelopes(signals, raw);
    List<String> channels = names != null ? names : env.channelNames();
    double[] times = frameTimes(env);
    double first = shapes.timesSeconds()[0];
    double last = shapes.timesSeconds()[shapes.frameCount() - 1];
    int[] inside = IntStream.range(0, times.length).filter(f -> times[f] >= first && times[f] <= last).toArray();
    if (inside.length < 60) {
      throw new BadInputException(shapesFile, "overlaps the signals for only " + inside.length
          + " frames; need at least 60");
    }
    Pops found = raw() ? pops(signals, raw, channels, times.length, warnings) : null;
    return new Paired(rows(signals, env, channels), eog ? rows(signals, eogBand(signals, raw), channels) : null,
        saccades ? rows(signals, saccadeIntegral(signals, raw), channels) : null,
        found == null ? null : found.clean(), inside,
        at(shapes, Arrays.stream(inside).mapToDouble(f -> times[f]).toArray()), channels, env.samplingRate(),
        found == null ? 0 : found.count());
  }

  /**
   * Electrode pops in raw sEMG: per channel, what {@link PopDetector#standard()} finds (seconds from the first
   * sample), and which envelope frames stay clear of them, {@code [frame][channel]} ({@link EiferChain#cleanRows}).
   */
  public record Pops(List<List<Artefact>> perChannel, boolean[][] clean) {

    /** How many pops were found on all channels. */
    public int count() {
      return perChannel.stream().mapToInt(List::size).sum();
    }

    /** Whether envelope frame {@code f} is clear of pops on every channel. */
    public boolean cleanAt(int f) {
      return EiferTraining.cleanWindow(clean, f, 1);
    }
  }

  /**
   * The electrode pops of {@link Pops} in the raw sEMG {@code s} of {@code file}, on the channels {@code names}, for
   * {@code frames} envelope frames. A channel whose unit is not a voltage cannot be held to the detector's microvolt
   * thresholds: it is not searched, and {@code warnings} says so.
   */
  public Pops pops(Path file, Signal s, List<String> names, int frames, Consumer<String> warnings) {
    List<List<Artefact>> found = new ArrayList<>();
    for (String n : names) {
      Channel c = s.channel(n).orElseThrow(() -> new BadInputException(file, "has no channel '" + n + "'"));
      double scale = popScale(file, c, warnings);
      if (Double.isNaN(scale)) {
        found.add(List.of());
        continue;
      }
      double[] uv = c.samples().clone();
      for (int i = 0; i < uv.length; i++) {
        uv[i] *= scale;
      }
      found.add(PopDetector.standard().detect(uv, c.samplingRate()));
    }
    return new Pops(found, chain(file, s).cleanRows(found, s.samplingRate(), frames));
  }

  /** Rows {@code [frame][channel]} of {@code names} taken from {@code envelopes} (read from {@code file}) by name. */
  public static double[][] rows(Path file, Signal envelopes, List<String> names) {
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

  /**
   * The blendshape track read from {@code file} with its columns in the order of {@code names} (shapes it lacks stay
   * at 0); refused when it has none of them or fewer than two frames.
   */
  public static BlendshapeTrack shapes(Path file, BlendshapeTrack track, List<String> names) {
    if (track.countOf(names) == 0 || track.frameCount() < 2) {
      throw new BadInputException(file, "has none of the model's blendshapes or fewer than two frames");
    }
    return track.reordered(names);
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
  public static double[] frameTimes(Signal envelopes) {
    int n = envelopes.channel(0).samples().length;
    double[] t = new double[n];
    for (int f = 0; f < n; f++) {
      t[f] = envelopes.startTimeSeconds() + f / envelopes.samplingRate();
    }
    return t;
  }
}
