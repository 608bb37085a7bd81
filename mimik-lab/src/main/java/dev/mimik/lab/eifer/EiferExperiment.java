package dev.mimik.lab.eifer;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferTraining;
import dev.mimik.learn.eifer.FrameWindows;
import dev.mimik.learn.eifer.MapMetrics;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.muscle.CoActivation;
import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.sensor.ElectrodePop;
import dev.mimik.sim.sensor.FridlundCalibration;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.sim.sensor.MuscleCalibration;
import dev.mimik.sim.session.EnvelopeSession;
import dev.mimik.signal.artefact.Artefact;
import dev.mimik.signal.artefact.PopDetector;
import dev.mimik.signal.preset.EiferChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * EIFER's evaluation on simulated Fridlund sessions: the simulator's muscles are calibrated on real amplitudes
 * (part of the per-emotion table, or the voluntary-exercise table), participants are simulated through the EIFER
 * chain, both maps are trained on some participants and measured on the others, and Exp2EMG is compared with the
 * real table's per-emotion profiles, separately for the emotions left out of the calibration.
 *
 * <p>The chain runs at the simulated rate with its durations kept: at {@code rate} Hz the FIR has
 * {@code 513 * rate / 4096} taps (made odd; {@link EiferChain#sound()}, since EIFER's 129 cannot block baseline
 * wander) and the RMS window {@code 2048 * rate / 4096} samples (0.5 s), the notch and the 10-500 Hz band unchanged.
 * Simulating at EIFER's 4096 Hz is possible but twice as slow. Participants are recorded as in a lab
 * ({@link Participant#inLab}) at the mains frequency the chain's notch is for.
 *
 * @param trainParticipants participants to train on
 * @param testParticipants further participants to test on
 * @param seconds length of each session
 * @param rate simulated sEMG rate, Hz
 * @param seed seed of everything
 * @param taps FIR taps at {@code rate}; 0 for {@link EiferChain#sound()}'s 513 at 4096 Hz scaled to {@code rate}
 * @param calibration the emotions whose real profiles calibrate the simulator's muscle amplitudes in
 *     {@link #run(FridlundCalibration.Table, Consumer)}; empty when the muscles are calibrated elsewhere
 * @param eogBand whether EMG2Exp (network and baseline) also takes each lead's EOG band ({@link EiferChain#eogBand})
 * @param saccadeIntegral whether EMG2Exp (network and baseline) also takes each lead's saccade integral
 *     ({@link EiferChain#saccadeIntegral})
 */
public record EiferExperiment(int trainParticipants, int testParticipants, double seconds, double rate, long seed,
    int taps, List<Expression> calibration, boolean eogBand, boolean saccadeIntegral) {

  /**
   * The metrics of one test participant. {@code moving} marks the blendshapes that move; {@code audible} the
   * channels whose muscle-only envelope rises above the recording's resting floor at least in its strongest 2 %
   * of frames (its 98th percentile above the recorded envelope's median): on the others no map can follow muscles.
   * The {@code Clean} metrics are over the frames clear of detected artefacts only (per channel for Exp2EMG and the
   * ceiling; for EMG2Exp, frames whose input window is clear on every channel); {@code cleanShare} is the share of
   * channel frames kept.
   */
  public record ParticipantResult(String id, MapMetrics emg2exp, MapMetrics emg2expLinear, MapMetrics exp2emg,
      MapMetrics exp2emgLinear, boolean[] moving, MapMetrics exp2emgMuscles, MapMetrics exp2emgMusclesLinear,
      MapMetrics ceiling, boolean[] audible, MapMetrics emg2expClean, MapMetrics emg2expLinearClean,
      MapMetrics exp2emgClean, MapMetrics exp2emgLinearClean, MapMetrics ceilingClean, double cleanShare) {}

  /**
   * How {@link PopDetector} did on every simulated session against the simulator's exact pops: a pop is found when a
   * detected artefact on its lead holds its onset; an artefact is right when it holds some pop's onset.
   */
  public record Detection(int sessions, int pops, int found, int artefacts, int right) {
    public double recall() {
      return found / (double) pops;
    }

    public double precision() {
      return right / (double) artefacts;
    }
  }

  /**
   * The comparison of Exp2EMG at one emotion's apex with the real table's row. {@code pearsonMuscleModel} is the
   * simulator's own apex profile (its muscle model after calibration, no noise and no learnt map) against the same
   * row: what the maps learn to reproduce, so a miss there is the simulator's, not the network's. Without trained
   * maps the Exp2EMG figures are NaN.
   */
  public record EmotionResult(Expression emotion, boolean calibrated, double pearson, double pearsonLinear,
      double pearsonMuscleModel, double[] predicted, double[] real) {}

  /**
   * Everything measured, and the model.
   *
   * @param muscles the simulator's muscles the sessions were recorded with
   * @param chain the chain the sessions went through
   * @param table the per-emotion table the emotions were compared with, or null
   */
  public record Result(EiferModel model, Montage montage, List<ParticipantResult> participants, ParticipantResult pooled,
      List<EmotionResult> emotions, FridlundCalibration.Table<Expression> table, Detection detection,
      MuscleCalibration muscles, EiferChain chain) {}

  /**
   * The chain at {@code rate} with EIFER's durations; {@code taps} FIR taps at {@code rate}, or 0 for
   * {@link EiferChain#sound()}'s 513 taps at 4096 Hz scaled to {@code rate} (EIFER's literal 129 taps let baseline
   * wander through: give {@code 129 * rate / 4096} for them).
   */
  public static EiferChain chainAt(double rate, int taps) {
    EiferChain s = EiferChain.sound();
    taps = taps > 0 ? taps | 1 : (int) Math.round(s.taps() * rate / 4096.0) | 1;
    int rms = (int) Math.round(s.rmsSamples() * rate / 4096.0);
    return new EiferChain(s.notchHz(), s.notchQ(), s.lowHz(), s.highHz(), taps, rms, s.outputRate());
  }

  /**
   * Calibrates the simulator's amplitudes on this experiment's {@code calibration} emotions of {@code table} (the
   * built-in co-activations kept), then runs it ({@link #run(MuscleCalibration, FridlundCalibration.Table, List,
   * Consumer)}).
   */
  public Result run(FridlundCalibration.Table<Expression> table, Consumer<String> progress) {
    return run(calibrated(table.subset(calibration), progress), table, calibration, progress);
  }

  /**
   * The simulator's amplitudes calibrated on the emotion rows of {@code part} (shrinkage chosen by leaving out one
   * emotion at a time, the built-in co-activations kept); says so on {@code progress}.
   */
  public static MuscleCalibration calibrated(FridlundCalibration.Table<Expression> part, Consumer<String> progress) {
    MuscleCalibration muscles = MuscleCalibration.amplitudesOn(part, CoActivation.builtIn());
    progress.accept(String.format(Locale.ROOT, "calibrated on %s: shrinkage %g (leave-one-emotion-out r %.3f, %.3f"
        + " unshrunk)", part.rows(), muscles.lambda(),
        FridlundCalibration.leaveOneRowOut(part, muscles.lambda(), muscles.muscles()),
        FridlundCalibration.leaveOneRowOut(part, 0, muscles.muscles())));
    return muscles;
  }

  /**
   * Simulates the sessions with {@code muscles}, trains both maps, measures them, and compares Exp2EMG and the
   * muscle model at each emotion's apex with {@code table}'s rows (none when it is null); {@code calibrated} marks
   * the rows {@code muscles} were calibrated on.
   */
  public Result run(MuscleCalibration muscles, FridlundCalibration.Table<Expression> table,
      List<Expression> calibrated, Consumer<String> progress) {
    Montage montage = Montage.fridlund();
    EiferChain chain = chainAt(rate, taps);
    List<EnvelopeSession> train = new ArrayList<>();
    List<EnvelopeSession> test = new ArrayList<>();
    for (int p = 0; p < trainParticipants + testParticipants; p++) {
      String id = String.format(Locale.ROOT, "p%02d", p + 1);
      Participant who = Participant.draw(id, SeedStreams.derive(seed, id), 0).inLab(chain.notchHz());
      EnvelopeSession s = EnvelopeSession.simulate(id + "/s01", who, seconds, SeedStreams.derive(seed, id + "/s01"),
          montage, rate, muscles, chain);
      (p < trainParticipants ? train : test).add(s);
      progress.accept("simulated " + s.id());
    }
    List<EiferTraining.Recording> recordings = train.stream()
        .map(s -> new EiferTraining.Recording(rows(s), s.truth().weights(), clean(s, chain, rate), eog(s),
            saccades(s)))
        .toList();
    EiferModel model = EiferTraining.standard(seed)
        .train(montage.channelNames(), Blendshapes.ARKIT_52, chain.outputRate(), recordings);
    progress.accept("trained both maps");
    List<ParticipantResult> per = new ArrayList<>();
    List<double[]> allEnv = new ArrayList<>();
    List<double[]> allEog = new ArrayList<>();
    List<double[]> allSaccades = new ArrayList<>();
    List<double[]> allW = new ArrayList<>();
    List<double[]> allClean = new ArrayList<>();
    List<boolean[]> allOk = new ArrayList<>();
    for (EnvelopeSession s : test) {
      double[][] env = rows(s);
      double[][] w = s.truth().weights();
      double[][] clean = rows(s.muscleEnvelopes(), w.length);
      boolean[][] ok = clean(s, chain, rate);
      double[][] eog = eog(s);
      double[][] saccades = saccades(s);
      per.add(measure(s.participant().id(), model, env, eog, saccades, w, clean, ok));
      allEnv.addAll(List.of(env));
      if (eog != null) {
        allEog.addAll(List.of(eog));
      }
      if (saccades != null) {
        allSaccades.addAll(List.of(saccades));
      }
      allClean.addAll(List.of(clean));
      allW.addAll(List.of(w));
      allOk.addAll(List.of(ok));
    }
    ParticipantResult all = measure("all", model, allEnv.toArray(new double[0][]),
        eogBand ? allEog.toArray(new double[0][]) : null,
        saccadeIntegral ? allSaccades.toArray(new double[0][]) : null, allW.toArray(new double[0][]),
        allClean.toArray(new double[0][]), allOk.toArray(new boolean[0][]));
    List<EnvelopeSession> sessions = new ArrayList<>(train);
    sessions.addAll(test);
    List<EmotionResult> emotions = table == null ? List.of() : emotions(muscles, table, calibrated, model);
    return new Result(model, montage, per, all, emotions, table, detection(sessions), muscles, chain);
  }

  /**
   * Each row of {@code table} against the apex profile of the muscle model ({@code muscles}) and, when
   * {@code model} is not null, of Exp2EMG (network and linear); {@code calibrated} marks the rows calibrated on.
   */
  public static List<EmotionResult> emotions(MuscleCalibration muscles, FridlundCalibration.Table<Expression> table,
      List<Expression> calibrated, EiferModel model) {
    List<EmotionResult> emotions = new ArrayList<>();
    List<String> names = Montage.fridlund().channelNames();
    double[][] muscleModel = muscles.predictedRms(table.rows());
    for (int e = 0; e < table.rows().size(); e++) {
      Expression x = table.rows().get(e);
      double[][] apex = {x.apex()};
      double[] net = model == null ? new double[names.size()] : model.emg(apex, false)[0];
      double[] lin = model == null ? new double[names.size()] : model.emg(apex, true)[0];
      List<double[]> p = new ArrayList<>();
      for (int k = 0; k < table.channels().size(); k++) {
        int c = names.indexOf(table.channels().get(k));
        double v = table.microvolts()[e][k];
        if (c >= 0 && v > 0) {
          p.add(new double[] {net[c], lin[c], muscleModel[e][c], v});
        }
      }
      double[] pa = column(p, 0);
      double[] ra = column(p, 3);
      emotions.add(new EmotionResult(x, calibrated.contains(x),
          model == null ? Double.NaN : MapMetrics.pearson(pa, ra),
          model == null ? Double.NaN : MapMetrics.pearson(column(p, 1), ra), table.pearson(e, muscleModel[e]),
          model == null ? column(p, 2) : pa, ra));
    }
    return emotions;
  }

  private static double[] column(List<double[]> rows, int k) {
    return rows.stream().mapToDouble(r -> r[k]).toArray();
  }

  /** Which envelope frames of {@code s}, {@code [frame][channel]}, are clear of its detected artefacts. */
  public static boolean[][] clean(EnvelopeSession s, EiferChain chain, double rate) {
    return chain.cleanRows(s.artefacts(), rate, s.truth().weights().length);
  }


  private static Detection detection(List<EnvelopeSession> sessions) {
    int pops = 0;
    int found = 0;
    int artefacts = 0;
    int right = 0;
    for (EnvelopeSession s : sessions) {
      for (ElectrodePop p : s.pops()) {
        pops++;
        found += s.artefacts().get(p.lead()).stream().anyMatch(a -> a.overlaps(p.onsetSeconds(), p.onsetSeconds()))
            ? 1 : 0;
      }
      for (int c = 0; c < s.artefacts().size(); c++) {
        for (Artefact a : s.artefacts().get(c)) {
          int lead = c;
          artefacts++;
          right += s.pops().stream().anyMatch(p -> p.lead() == lead && a.overlaps(p.onsetSeconds(), p.onsetSeconds()))
              ? 1 : 0;
        }
      }
    }
    return new Detection(sessions.size(), pops, found, artefacts, right);
  }

  /**
   * Measures both maps on one recording: envelopes {@code env}, truth {@code w}, and the muscle-only envelopes
   * {@code clean}, against which Exp2EMG is also scored (with the recorded envelopes' levels), next to the ceiling:
   * how well {@code clean} itself, the exact muscle activity, predicts {@code env}. {@code eog} and {@code saccades}
   * are the recording's EOG band and saccade integral when the model takes them, else null.
   */
  public static ParticipantResult measure(String id, EiferModel model, double[][] env, double[][] eog, double[][] saccades,
      double[][] w, double[][] clean, boolean[][] ok) {
    boolean[] moving = moving(w);
    double[] strong = FrameWindows.quantile(clean, FrameWindows.HIGH);
    double[] floor = FrameWindows.quantile(env, 0.5);
    boolean[] audible = new boolean[strong.length];
    for (int c = 0; c < audible.length; c++) {
      audible[c] = strong[c] > floor[c];
    }
    double[][] level = FrameWindows.levels(FrameWindows.log(env));
    double[][] net = model.emg(w, false, level[0], level[1]);
    double[][] lin = model.emg(w, true, level[0], level[1]);
    double[][] e2x = model.expression(env, eog, saccades, ok, false);
    double[][] e2xLin = model.expression(env, eog, saccades, ok, true);
    boolean[][] okWindow = windowsClean(ok, model.window(), w[0].length);
    double kept = 0;
    for (boolean[] row : ok) {
      for (boolean b : row) {
        kept += b ? 1.0 / (ok.length * row.length) : 0;
      }
    }
    return new ParticipantResult(id, MapMetrics.of(e2x, w), MapMetrics.of(e2xLin, w), MapMetrics.of(net, env),
        MapMetrics.of(lin, env), moving, MapMetrics.of(net, clean), MapMetrics.of(lin, clean),
        MapMetrics.of(clean, env), audible, MapMetrics.of(e2x, w, okWindow), MapMetrics.of(e2xLin, w, okWindow),
        MapMetrics.of(net, env, ok), MapMetrics.of(lin, env, ok), MapMetrics.of(clean, env, ok), kept);
  }

  /** The blendshapes that move in {@code w} ({@code [frame][shape]}): standard deviation above 0.01. */
  public static boolean[] moving(double[][] w) {
    boolean[] moving = new boolean[w[0].length];
    MapMetrics spread = MapMetrics.of(w, w);
    for (int k = 0; k < moving.length; k++) {
      double mean = 0;
      double sq = 0;
      for (double[] row : w) {
        mean += row[k] / w.length;
        sq += row[k] * row[k] / w.length;
      }
      moving[k] = Math.sqrt(Math.max(0, sq - mean * mean)) > 0.01 && Double.isFinite(spread.pearson()[k]);
    }
    return moving;
  }

  /**
   * Per frame and blendshape ({@code shapes} of them), whether EMG2Exp's input window of {@code window} frames around
   * the frame is clear of artefacts on every channel of {@code clean} ({@code [frame][channel]}): the mask EMG2Exp is
   * scored on artefact-free frames with.
   */
  public static boolean[][] windowsClean(boolean[][] clean, int window, int shapes) {
    boolean[][] out = new boolean[clean.length][shapes];
    for (int f = 0; f < out.length; f++) {
      java.util.Arrays.fill(out[f], EiferTraining.cleanWindow(clean, f, window));
    }
    return out;
  }


  /** Mean of {@code values} over the entries where {@code keep} is true (all when {@code keep} is null). */
  public static double mean(double[] values, boolean[] keep) {
    double s = 0;
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if ((keep == null || keep[i]) && Double.isFinite(values[i])) {
        s += values[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /**
   * The ARKit shapes that contract a muscle under a Fridlund electrode in the built-in muscle model, co-activations
   * included (the rest, e.g. gaze, EMG cannot see).
   */
  public static boolean[] observable() {
    MuscleModel model = new MuscleModel();
    boolean[] out = new boolean[Blendshapes.ARKIT_52.size()];
    for (int k = 0; k < out.length; k++) {
      for (Muscle m : Muscle.values()) {
        for (Muscle.Side side : Muscle.Side.values()) {
          out[k] |= m.onFridlund() && model.weight(m, side, k) > 0;
        }
      }
    }
    return out;
  }

  /** The EOG band of {@code s} on its envelope frames when this experiment uses it, else null. */
  private double[][] eog(EnvelopeSession s) {
    return eogBand ? rows(s.eog(), s.truth().weights().length) : null;
  }

  /** The saccade integral of {@code s} on its envelope frames when this experiment uses it, else null. */
  private double[][] saccades(EnvelopeSession s) {
    return saccadeIntegral ? rows(s.saccades(), s.truth().weights().length) : null;
  }

  public static double[][] rows(EnvelopeSession s) {
    return rows(s.envelopes(), s.truth().weights().length);
  }

  public static double[][] rows(dev.mimik.core.data.Signal envelopes, int maxFrames) {
    int frames = Math.min(envelopes.channel(0).samples().length, maxFrames);
    double[][] out = new double[frames][envelopes.channelCount()];
    for (int c = 0; c < out[0].length; c++) {
      double[] v = envelopes.channel(c).samples();
      for (int f = 0; f < frames; f++) {
        out[f][c] = v[f];
      }
    }
    return out;
  }

}
