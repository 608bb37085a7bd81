package dev.mimik.learn.eifer;

import dev.mimik.core.data.Columns;
import java.util.List;

/**
 * The two EIFER maps learned from one set of recordings, for any montage: EMG2Exp (envelopes of the channels over
 * a centred window of frames -> blendshape weights) and Exp2EMG (blendshape weights over the same window -> the
 * channels' envelopes), each as the network and as its linear baseline.
 *
 * @param channels envelope channel names, in the order the maps take and give them
 * @param blendshapes blendshape names, in the order the maps take and give them
 * @param window frames per window (odd, centred)
 * @param frameRate frames per second of the envelopes and blendshapes
 * @param restLog per channel, the training recordings' mean resting level (median log envelope, ln uV)
 * @param spanLog per channel, the training recordings' mean log distance from rest to strong contraction
 * @param emg2exp the network EMG -> expression
 * @param exp2emg the network expression -> EMG
 * @param emg2expLinear ridge baseline EMG -> expression
 * @param exp2emgLinear ridge baseline expression -> EMG
 * @param levelLow per channel, the lowest 1st percentile of a training recording's levels (log envelope on the
 *     {@link FrameWindows#levels} scale), less {@link EiferTraining#LEVEL_MARGIN}
 * @param levelHigh per channel, the highest 99th percentile plus that margin: Exp2EMG's levels are clamped to
 *     {@code levelLow..levelHigh},
 *     so that a network meeting an expression unlike its training frames cannot predict envelopes decades beyond
 *     anything recorded (the exponential of an extrapolated log)
 * @param eogBand whether EMG2Exp (network and baseline) also takes each channel's EOG band (see
 *     {@code EiferChain#eogBand}), {@link FrameWindows#standardised standardised} per recording, at the window's
 *     centre frame after the envelopes' window: gaze and blinks, which the envelopes cannot see. Exp2EMG never
 *     does. The band's whole window (15 values per channel, mostly baseline wander), or three frames of it, followed
 *     the eyes a little better but made the network worse on the shapes muscles drive ({@code docs/notes/eifer.md}).
 * @param saccadeIntegral whether EMG2Exp (network and baseline) also takes each channel's saccade integral (see
 *     {@code EiferChain#saccadeIntegral}: gaze read through the baseline wander that hides it in the band),
 *     standardised per recording, at the window's centre frame after the EOG band's
 * @param saccadeAxes null, or when the model takes the saccade integral, reference axes {@code [component][channel]}
 *     (see {@link AlignedComponents#reference}): EMG2Exp then takes, instead of the standardised channels, that
 *     many leading principal components of the recording's standardised saccade integral, each signed to agree
 *     with its reference axis and standardised, over the whole window as the envelopes (a blink is a dip of the
 *     integral that comes back within 0.1-0.4 s, a vertical saccade a step that stays); a lead's gaze
 *     sensitivity, sign included, changes with electrode placement, the components much less. Null in files
 *     written before it (the channels themselves, at the centre frame).
 */
public record EiferModel(List<String> channels, List<String> blendshapes, int window, double frameRate, double[] restLog,
    double[] spanLog,
    DenseMap emg2exp, DenseMap exp2emg, DenseMap emg2expLinear, DenseMap exp2emgLinear, double[] levelLow,
    double[] levelHigh, boolean eogBand, boolean saccadeIntegral, double[][] saccadeAxes) {

  public EiferModel {
    channels = List.copyOf(channels);
    blendshapes = List.copyOf(blendshapes);
    int n = channels.size();
    if (saccadeAxes != null && (!saccadeIntegral || java.util.Arrays.stream(saccadeAxes)
        .anyMatch(a -> a.length != n))) {
      throw new IllegalArgumentException("saccade axes need the saccade integral and one weight per channel");
    }
    int ew = channels.size() * (window + (eogBand ? 1 : 0))
        + (saccadeIntegral ? saccadeAxes != null ? saccadeAxes.length * window : channels.size() : 0);
    int bw = blendshapes.size() * window;
    if (restLog.length != channels.size() || spanLog.length != channels.size()
        || levelLow.length != channels.size() || levelHigh.length != channels.size()) {
      throw new IllegalArgumentException("need one resting level and one level range per channel");
    }
    if (emg2exp.inputs() != ew || emg2expLinear.inputs() != ew || exp2emg.inputs() != bw
        || exp2emgLinear.inputs() != bw || emg2exp.outputs() != blendshapes.size()
        || exp2emg.outputs() != channels.size()) {
      throw new IllegalArgumentException("the maps do not fit " + channels.size() + " channels, "
          + blendshapes.size() + " blendshapes and a window of " + window);
    }
  }

  /**
   * Blendshape weights {@code [frame][shape]} (clamped to 0..1) from envelopes {@code [frame][channel]} and, when the
   * model takes them, the channels' EOG band ({@link #eogBand}) and saccade integral ({@link #saccadeIntegral})
   * {@code [frame][channel]} on the same frames (else null).
   */
  public double[][] expression(double[][] envelopes, double[][] eog, double[][] saccades, boolean linear) {
    return expression(envelopes, eog, saccades, null, linear);
  }

  /**
   * As {@link #expression(double[][], double[][], double[][], boolean)}, with the values that {@code clean}
   * ({@code [frame][channel]}, e.g. frames clear of detected electrode pops; null: all) marks false replaced by their
   * channel's median first ({@link FrameWindows#imputed}), in every input.
   */
  public double[][] expression(double[][] envelopes, double[][] eog, double[][] saccades, boolean[][] clean,
      boolean linear) {
    InputWindows in = inputs(Columns.ofRows(envelopes), eog == null ? null : Columns.ofRows(eog),
        saccades == null ? null : Columns.ofRows(saccades), clean);
    return expression(in, 0, in.frames(), linear);
  }

  /**
   * EMG2Exp's inputs of one recording given as columns ({@code [channel] x frames}; {@code eog} and {@code saccades}
   * null when the model takes none), after a pass for their statistics: {@link #expression(InputWindows, int, int,
   * boolean)} then maps them chunk by chunk, as {@link #expression(double[][], double[][], double[][], boolean[][],
   * boolean)} maps them whole.
   */
  public InputWindows inputs(Columns envelopes, Columns eog, Columns saccades, boolean[][] clean) {
    if (eogBand != (eog != null)) {
      throw new IllegalArgumentException(eogBand ? "this model needs the EOG band" : "this model takes no EOG band");
    }
    if (saccadeIntegral != (saccades != null)) {
      throw new IllegalArgumentException(saccadeIntegral ? "this model needs the saccade integral"
          : "this model takes no saccade integral");
    }
    return new InputWindows(envelopes, eog, saccades, clean, window, saccadeAxes);
  }

  /** Blendshape weights {@code [frame][shape]} (clamped to 0..1) of frames {@code [from, to)} of {@code in}. */
  public double[][] expression(InputWindows in, int from, int to, boolean linear) {
    double[][] w = (linear ? emg2expLinear : emg2exp).apply(in.rows(from, to));
    for (double[] row : w) {
      for (int k = 0; k < row.length; k++) {
        row[k] = Math.max(0, Math.min(1, row[k]));
      }
    }
    return w;
  }

  /**
   * EMG2Exp's input rows of one recording: windows of its log envelopes on the {@link FrameWindows#levels} scale,
   * then, for each of {@code eog} and {@code saccades} that is not null, its standardised values at each window's
   * centre frame; for {@code saccades}, when {@code saccadeAxes} is not null, its {@link AlignedComponents#scores
   * aligned components} instead, standardised, over the whole window as the envelopes. Values that {@code clean}
   * marks false (null: none) are first replaced by their channel's median ({@link FrameWindows#imputed}).
   */
  static double[][] inputs(double[][] envelopes, double[][] eog, double[][] saccades, int window,
      double[][] saccadeAxes, boolean[][] clean) {
    InputWindows in = new InputWindows(Columns.ofRows(envelopes), eog == null ? null : Columns.ofRows(eog),
        saccades == null ? null : Columns.ofRows(saccades), clean, window, saccadeAxes);
    return in.rows(0, in.frames());
  }

  /**
   * Envelopes {@code [frame][channel]} (uV) predicted from blendshape weights {@code [frame][shape]}, on top of the
   * training recordings' mean resting levels, each level within the training range ({@code levelLow..levelHigh}).
   */
  public double[][] emg(double[][] weights, boolean linear) {
    return emg(weights, linear, restLog, spanLog);
  }

  /**
   * As {@link #emg(double[][], boolean)} with a given recording's levels (see {@link FrameWindows#levels}): its
   * resting level {@code restLog} and span {@code spanLog}, ln uV.
   */
  public double[][] emg(double[][] weights, boolean linear, double[] restLog, double[] spanLog) {
    double[][] logs = (linear ? exp2emgLinear : exp2emg).apply(FrameWindows.of(weights, window));
    for (double[] row : logs) {
      for (int c = 0; c < row.length; c++) {
        row[c] = Math.exp(restLog[c] + Math.max(levelLow[c], Math.min(levelHigh[c], row[c])) * spanLog[c]);
      }
    }
    return logs;
  }
}
