package dev.mimik.learn.eifer;

import dev.mimik.core.data.Columns;

/**
 * EMG2Exp's input rows of one recording ({@link EiferModel#inputs}) for any range of its frames: a first pass over
 * the recording's columns takes what the rows are scaled by (each channel's imputed value, levels, mean and spread,
 * the saccade integral's aligned components), then {@link #rows} makes the windows of the frames asked for from
 * those frames and the window's reach around them. So a long recording goes through the network chunk by chunk,
 * never every frame's window at once; the rows are those of the whole recording's.
 */
public final class InputWindows {

  private final Columns envelopes;
  private final Columns eog;
  private final Columns saccades;
  private final boolean[][] clean;
  private final int window;
  private final int frames;
  private final int channels;
  /** Per channel: {@code {imputed value (NaN: none), offset, scale}} of the log envelopes. */
  private final double[][] envScale;
  /** Per channel: {@code {imputed value, mean, standard deviation}} of the EOG band, or null. */
  private final double[][] eogScale;
  /** Per channel: the same of the saccade integral, or null. */
  private final double[][] saccadeScale;
  /** The saccade integral's standardised aligned components {@code [component][frame]}, or null. */
  private final double[][] components;

  /**
   * The statistics of envelopes, EOG band and saccade integral {@code [channel] x frames} (the last two may be
   * null) with artefact marks {@code clean} ({@code [frame][channel]}, null: none), for windows of {@code window}
   * frames; with {@code saccadeAxes}, the saccade integral enters as its aligned components.
   */
  public InputWindows(Columns envelopes, Columns eog, Columns saccades, boolean[][] clean, int window,
      double[][] saccadeAxes) {
    if (window < 1 || window % 2 == 0) {
      throw new IllegalArgumentException("the window must be a positive odd number of frames: " + window);
    }
    this.envelopes = envelopes;
    this.eog = eog;
    this.saccades = saccades;
    this.clean = clean;
    this.window = window;
    this.frames = envelopes.length();
    this.channels = envelopes.count();
    if (clean != null && clean.length != frames) {
      throw new IllegalArgumentException("the artefact marks need the envelopes' frames");
    }
    for (Columns extra : new Columns[] {eog, saccades}) {
      if (extra != null && (extra.length() != frames || extra.count() != channels)) {
        throw new IllegalArgumentException("the EOG inputs need the envelopes' frames and channels");
      }
    }
    envScale = new double[channels][];
    for (int c = 0; c < channels; c++) {
      double[] logs = log(envelopes.column(c));
      double fill = fill(logs, c);
      impute(logs, 0, c, fill);
      double[] level = FrameWindows.level(logs);
      envScale[c] = new double[] {fill, level[0], level[1]};
    }
    eogScale = eog == null ? null : standardisation(eog);
    saccadeScale = saccades == null ? null : standardisation(saccades);
    components = saccades == null || saccadeAxes == null ? null : components(saccadeAxes);
  }

  /** Number of frames. */
  public int frames() {
    return frames;
  }

  /** The input rows of frames {@code [from, to)}. */
  public double[][] rows(int from, int to) {
    int half = window / 2;
    int width = channels * window + (eog != null ? channels : 0)
        + (saccades == null ? 0 : components != null ? components.length * window : channels);
    double[][] out = new double[to - from][width];
    int lo = Math.max(0, from - half);
    int hi = Math.min(frames, to + half);
    for (int c = 0; c < channels; c++) {
      double[] v = log(envelopes.read(c, lo, hi));
      impute(v, lo, c, envScale[c][0]);
      for (int i = 0; i < v.length; i++) {
        v[i] = (v[i] - envScale[c][1]) / envScale[c][2];
      }
      windows(v, lo, from, to, out, c * window);
    }
    int at = channels * window;
    if (eog != null) {
      centre(eog, eogScale, from, to, out, at);
      at += channels;
    }
    if (components != null) {
      for (int a = 0; a < components.length; a++) {
        windows(components[a], 0, from, to, out, at + a * window);
      }
    } else if (saccades != null) {
      centre(saccades, saccadeScale, from, to, out, at);
    }
    return out;
  }

  /** Into {@code out}'s columns from {@code at}: each frame's window of {@code v} (which starts at frame {@code lo}). */
  private void windows(double[] v, int lo, int from, int to, double[][] out, int at) {
    int half = window / 2;
    for (int f = from; f < to; f++) {
      for (int o = 0; o < window; o++) {
        out[f - from][at + o] = v[Math.max(0, Math.min(frames - 1, f + o - half)) - lo];
      }
    }
  }

  /** Into {@code out}'s columns from {@code at}: each channel of {@code x}, imputed and standardised, per frame. */
  private void centre(Columns x, double[][] scale, int from, int to, double[][] out, int at) {
    for (int c = 0; c < channels; c++) {
      double[] v = standardised(x, scale, c, from, to);
      for (int f = from; f < to; f++) {
        out[f - from][at + c] = v[f - from];
      }
    }
  }

  /** Channel {@code c} of {@code x}, frames {@code [from, to)}, imputed and standardised by {@code scale}. */
  private double[] standardised(Columns x, double[][] scale, int c, int from, int to) {
    double[] v = x.read(c, from, to);
    impute(v, from, c, scale[c][0]);
    for (int i = 0; i < v.length; i++) {
      v[i] = (v[i] - scale[c][1]) / scale[c][2];
    }
    return v;
  }

  /** Per channel of {@code x}: {@code {imputed value, mean, sd}} ({@link FrameWindows#standardised}). */
  private double[][] standardisation(Columns x) {
    double[][] out = new double[channels][];
    for (int c = 0; c < channels; c++) {
      double[] v = x.column(c);
      double fill = fill(v, c);
      impute(v, 0, c, fill);
      double[] m = FrameWindows.meanSd(v);
      out[c] = new double[] {fill, m[0], m[1]};
    }
    return out;
  }

  /**
   * The standardised saccade integral's {@link AlignedComponents#scores} on {@code reference}, standardised, as
   * columns {@code [component][frame]}: its mean, its scatter and its scores each take a pass in chunks.
   */
  private double[][] components(double[][] reference) {
    double[] mean = new double[channels];
    for (int f = 0; f < frames; f += CHUNK) {
      AlignedComponents.addMean(mean, standardisedRows(f), frames);
    }
    AlignedComponents.Scatter scatter = new AlignedComponents.Scatter(mean);
    for (int f = 0; f < frames; f += CHUNK) {
      scatter.add(standardisedRows(f));
    }
    double[][] axes = AlignedComponents.signed(scatter.axes(reference.length), reference);
    double[][] out = new double[axes.length][frames];
    for (int f = 0; f < frames; f += CHUNK) {
      double[][] s = AlignedComponents.project(standardisedRows(f), mean, axes);
      for (int i = 0; i < s.length; i++) {
        for (int a = 0; a < axes.length; a++) {
          out[a][f + i] = s[i][a];
        }
      }
    }
    for (double[] a : out) {
      double[] m = FrameWindows.meanSd(a);
      for (int f = 0; f < frames; f++) {
        a[f] = (a[f] - m[0]) / m[1];
      }
    }
    return out;
  }

  /** Frames used per pass of {@link #components}. */
  private static final int CHUNK = 4096;

  /** The standardised saccade integral's rows {@code [frame][channel]} of the chunk from frame {@code from}. */
  private double[][] standardisedRows(int from) {
    int to = Math.min(frames, from + CHUNK);
    double[][] out = new double[to - from][channels];
    for (int c = 0; c < channels; c++) {
      double[] v = standardised(saccades, saccadeScale, c, from, to);
      for (int i = 0; i < v.length; i++) {
        out[i][c] = v[i];
      }
    }
    return out;
  }

  /** {@link FrameWindows#cleanMedian} of channel {@code c}'s values {@code v}; NaN without marks. */
  private double fill(double[] v, int c) {
    return clean == null ? Double.NaN : FrameWindows.cleanMedian(v, clean, c);
  }

  /** Replaces in {@code v} (channel {@code c} from frame {@code from}) the values not clean by {@code fill}. */
  private void impute(double[] v, int from, int c, double fill) {
    if (Double.isNaN(fill)) {
      return;
    }
    for (int i = 0; i < v.length; i++) {
      if (!clean[from + i][c]) {
        v[i] = fill;
      }
    }
  }

  /** {@link FrameWindows#log} of one channel's values (in place). */
  private static double[] log(double[] v) {
    for (int i = 0; i < v.length; i++) {
      v[i] = FrameWindows.log(v[i]);
    }
    return v;
  }
}
