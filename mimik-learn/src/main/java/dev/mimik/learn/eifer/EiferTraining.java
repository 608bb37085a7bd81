package dev.mimik.learn.eifer;

import dev.mimik.learn.train.TimeBlockedSplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Trains an {@link EiferModel} from recordings of envelopes and blendshapes on the same frames. Validation (for
 * early stopping) is a {@link TimeBlockedSplit} of each recording with a gap of one window; the ridge baselines
 * are fitted on the same training frames, and each network learns what its baseline misses (a linear skip
 * connection holding the baseline's weights).
 *
 * @param window frames per window (odd)
 * @param ridgeLambda ridge penalty per standardised row
 * @param network the network settings
 */
public record EiferTraining(int window, double ridgeLambda, NetworkTrainer network) {

  /**
   * How far beyond the levels seen in training Exp2EMG may go, in spans (1 = from rest to strong contraction):
   * room for a stronger expression than any trained on (a prototype's full apex, where the simulated participants
   * reach 68-100 % of it), none for the exponential of an extrapolated log.
   */
  public static final double LEVEL_MARGIN = 1;

  /**
   * The quantile of each training recording's levels that bounds Exp2EMG (with {@link #LEVEL_MARGIN}): not the
   * maximum, which an electrode pop (about 0.5 s, under 1 % of a two-minute recording) would set.
   */
  public static final double LEVEL_QUANTILE = 0.99;

  /**
   * Exp2EMG's network trains with a Huber loss of this threshold (standardised units): recorded envelopes carry
   * artefacts no expression explains (electrode pops: a 0.5 s burst tens of times the channel's range), and under
   * squared error the network learned them as expression-driven activity and fell below its ridge baseline on the
   * channels they hit ({@code docs/notes/eifer.md}, "Exp2EMG's network against its baseline"). EMG2Exp's targets,
   * blendshapes, have no such outliers and keep L2.
   */
  public static final double EXP2EMG_HUBER = 1;

  /**
   * How many {@link AlignedComponents aligned principal components} of the saccade integral EMG2Exp takes in place
   * of its channels: the vertical gaze and blink pattern and the horizontal one (a third changed nothing on
   * simulated sessions with seeds of their own, {@code docs/notes/eifer.md}).
   */
  public static final int SACCADE_COMPONENTS = 2;

  /**
   * One recording: envelopes {@code [frame][channel]} and weights {@code [frame][shape]}, frame for frame, and which
   * envelope values are clear of artefacts {@code [frame][channel]} (null: all of them). A frame whose window holds
   * an artefact on any channel is left out of training and validation (both maps see every channel). {@code eog} is
   * the channels' EOG band {@code [frame][channel]} (see {@link EiferModel#eogBand}) and {@code saccades} their
   * saccade integral (see {@link EiferModel#saccadeIntegral}), each or both null: the model takes each that every
   * recording has.
   */
  public record Recording(double[][] envelopes, double[][] weights, boolean[][] clean, double[][] eog,
      double[][] saccades) {
    public Recording {
      if (envelopes.length != weights.length || envelopes.length == 0
          || clean != null && clean.length != envelopes.length || eog != null && eog.length != envelopes.length
          || saccades != null && saccades.length != envelopes.length) {
        throw new IllegalArgumentException("envelopes and blendshapes need the same, non-zero number of frames: "
            + envelopes.length + " and " + weights.length);
      }
    }

    /** A recording without artefact marks or EOG inputs. */
    public Recording(double[][] envelopes, double[][] weights) {
      this(envelopes, weights, null, null, null);
    }

    /** Whether every channel is clean on every frame of the window of {@code window} frames centred on {@code f}. */
    public boolean cleanWindow(int f, int window) {
      return clean == null || EiferTraining.cleanWindow(clean, f, window);
    }
  }

  /**
   * Whether every channel of {@code clean} ({@code [frame][channel]}) is clean on every frame of the window of
   * {@code window} frames centred on {@code f} (cut at the ends).
   */
  public static boolean cleanWindow(boolean[][] clean, int f, int window) {
    for (int g = Math.max(0, f - window / 2); g <= Math.min(clean.length - 1, f + window / 2); g++) {
      for (boolean b : clean[g]) {
        if (!b) {
          return false;
        }
      }
    }
    return true;
  }

  /** Defaults: a window of 15 frames (0.5 s at 30 fps, the EIFER RMS window), lambda 1e-3, {@link NetworkTrainer#standard}. */
  public static EiferTraining standard(long seed) {
    return new EiferTraining(15, 1e-3, NetworkTrainer.standard(seed));
  }

  /**
   * Trains both directions; EMG2Exp takes the EOG band and the saccade integral when the recordings have them (each
   * all or none), the latter as {@link #SACCADE_COMPONENTS} components aligned to reference axes learned, without
   * labels, from these recordings' saccade integrals.
   */
  public EiferModel train(List<String> channels, List<String> blendshapes, double frameRate,
      List<Recording> recordings) {
    return train(channels, blendshapes, frameRate, recordings, null);
  }

  /**
   * As {@link #train(List, List, double, List)}, keeping each finished network map in {@code checkpoint} (null:
   * nowhere) and taking those an earlier, killed run of the same training kept there.
   */
  public EiferModel train(List<String> channels, List<String> blendshapes, double frameRate,
      List<Recording> recordings, Path checkpoint) {
    boolean eogBand = recordings.get(0).eog() != null;
    if (recordings.stream().anyMatch(r -> (r.eog() != null) != eogBand)) {
      throw new IllegalArgumentException("either every recording has its EOG band or none does");
    }
    boolean saccades = recordings.get(0).saccades() != null;
    if (recordings.stream().anyMatch(r -> (r.saccades() != null) != saccades)) {
      throw new IllegalArgumentException("either every recording has its saccade integral or none does");
    }
    double[][] axes = saccades ? AlignedComponents.reference(recordings.stream()
        .map(r -> FrameWindows.standardised(FrameWindows.imputed(r.saccades(), r.clean()))).toList(),
        SACCADE_COMPONENTS) : null;
    List<double[]> emgRows = new ArrayList<>();
    List<double[]> expRows = new ArrayList<>();
    List<double[]> logEnv = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    double[] rest = new double[channels.size()];
    double[] span = new double[channels.size()];
    double[] low = new double[channels.size()];
    double[] high = new double[channels.size()];
    java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
    TimeBlockedSplit splitter = new TimeBlockedSplit(0.15, 3, window);
    for (Recording r : recordings) {
      if (r.envelopes()[0].length != channels.size() || r.weights()[0].length != blendshapes.size()) {
        throw new IllegalArgumentException("a recording does not have " + channels.size() + " channels and "
            + blendshapes.size() + " blendshapes");
      }
      int base = emgRows.size();
      double[][] raw = FrameWindows.log(r.envelopes());
      double[][] level = FrameWindows.levels(raw);
      double[][] logs = FrameWindows.scaled(raw, level[0], level[1]);
      for (int c = 0; c < rest.length; c++) {
        rest[c] += level[0][c] / recordings.size();
        span[c] += level[1][c] / recordings.size();
      }
      double[] bottom = FrameWindows.quantile(logs, 1 - LEVEL_QUANTILE);
      double[] top = FrameWindows.quantile(logs, LEVEL_QUANTILE);
      for (int c = 0; c < low.length; c++) {
        low[c] = Math.min(low[c], bottom[c]);
        high[c] = Math.max(high[c], top[c]);
      }
      emgRows.addAll(List.of(EiferModel.inputs(r.envelopes(), r.eog(), r.saccades(), window, axes, r.clean())));
      expRows.addAll(List.of(FrameWindows.of(r.weights(), window)));
      logEnv.addAll(List.of(logs));
      weights.addAll(List.of(r.weights()));
      TimeBlockedSplit.Split s = splitter.split(r.envelopes().length);
      IntStream.of(s.train()).filter(f -> r.cleanWindow(f, window)).forEach(f -> train.add(base + f));
      IntStream.of(s.validation()).filter(f -> r.cleanWindow(f, window)).forEach(f -> validation.add(base + f));
    }
    double[][] emg = emgRows.toArray(new double[0][]);
    double[][] exp = expRows.toArray(new double[0][]);
    double[][] env = logEnv.toArray(new double[0][]);
    double[][] w = weights.toArray(new double[0][]);
    int[] tr = train.stream().mapToInt(Integer::intValue).toArray();
    int[] va = validation.stream().mapToInt(Integer::intValue).toArray();
    DenseMap e2xLinear = RidgeMap.fit(pick(emg, tr), pick(w, tr), ridgeLambda);
    DenseMap x2eLinear = RidgeMap.fit(pick(exp, tr), pick(env, tr), ridgeLambda);
    MapCheckpoint kept = new MapCheckpoint(checkpoint, MapCheckpoint.fingerprint(List.of(window, ridgeLambda,
        network.describe(), channels, blendshapes, java.util.Arrays.toString(tr), java.util.Arrays.toString(va)),
        emg, exp, env, w));
    DenseMap e2x = kept.load("emg2exp").orElseGet(() -> network.fitResidual(emg, w, tr, va, e2xLinear));
    kept.save("emg2exp", e2x);
    DenseMap x2e = kept.load("exp2emg")
        .orElseGet(() -> network.withHuber(EXP2EMG_HUBER).fitResidual(exp, env, tr, va, x2eLinear));
    kept.save("exp2emg", x2e);
    for (int c = 0; c < low.length; c++) {
      low[c] -= LEVEL_MARGIN;
      high[c] += LEVEL_MARGIN;
    }
    return new EiferModel(channels, blendshapes, window, frameRate, rest, span, e2x, x2e, e2xLinear, x2eLinear, low,
        high, eogBand, saccades, axes);
  }

  private static double[][] pick(double[][] rows, int[] index) {
    double[][] out = new double[index.length][];
    for (int i = 0; i < index.length; i++) {
      out[i] = rows[index[i]];
    }
    return out;
  }
}
