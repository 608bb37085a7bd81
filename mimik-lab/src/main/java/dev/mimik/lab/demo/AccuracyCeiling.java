package dev.mimik.lab.demo;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.baseline.WindowRidge;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.LandmarkFrame;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.TrainingData;
import dev.mimik.learn.metric.NormalisedMeanError;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.sensor.Biosensor;
import dev.mimik.sim.sensor.Components;
import dev.mimik.sim.sensor.Donning;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.sim.sensor.VolumeConduction;
import dev.mimik.sim.session.SimulatedSession;
import dev.mimik.sim.session.SimulationSettings;
import dev.mimik.sim.session.Simulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * What the realistic simulator leaves attainable on {@link AccuracyBenchmark}'s protocol ({@code mimik bench accuracy
 * --ceiling}): on the same held-out session, the NME of ridge from the simulation's own truth (the head's rotation
 * alone; the gaze and the lids; those with the two leads' noise-free EMG amplitude, also with their products and recent course; the
 * 52 weights; the muscle activations with the gaze and the lids; either with the head's rotation), which says how
 * much of the face a sensor of those could explain, and BioNet and the fair ridge with the two things the protocol adds taken away
 * one at a time: the held-out session recorded with the training session's donning (no re-donning), and both
 * sessions recorded with the EMG and EOG only (no electrode noise, mains, wander or artefacts). Each variant records
 * the same performance with the same seeds, so only the named part changes.
 *
 * @param participants participants per seed
 * @param minutes minutes per session
 * @param options BioNet's training options (their seed is replaced by each run's)
 * @param networks whether to train BioNet and the fair ridge too (minutes each), or only fit the truth's ridges
 */
public record AccuracyCeiling(int participants, double minutes, TrainingOptions options, boolean networks) {

  /** The EMG and EOG as the electrodes would see them without electrode noise, mains, wander or artefacts. */
  static final Components CLEAN = new Components(true, true, false, false, false, false);

  /**
   * One held-out session's NMEs (percent): mean face; ridge from the truth; BioNet and the fair ridge as the
   * benchmark runs them, with the held-out session put on as the training one was, and both on clean signals.
   */
  public record Row(long seed, String participant, double meanFace, double truthPose, double truthEyes,
      double truthLeads, double truthLeadsQuadratic, double truthWeights, double truthWeightsPose,
      double truthMuscles, double truthMusclesPose, double bioNet, double ridge, double bioNetSameDonning,
      double ridgeSameDonning, double bioNetClean, double ridgeClean, double bioNetCleanSameDonning,
      double ridgeCleanSameDonning) {}

  /** Runs every seed; {@code progress} hears of each participant done. */
  public List<Row> run(FaceRig rig, List<Long> seeds, Consumer<String> progress) throws IOException {
    List<Row> rows = new ArrayList<>();
    LandmarkSet set = LandmarkSet.IBUG_51;
    for (long seed : seeds) {
      SimulationSettings settings = new SimulationSettings(participants, 2, minutes, seed, Montage.earpiece(), 1000,
          Demo.FPS, 120);
      Simulator simulator = new Simulator(rig, null, settings);
      TrainingOptions seeded = options.withSeed(seed).withProgress(false);
      for (int p = 0; p < participants; p++) {
        Participant who = simulator.participant(p);
        SimulatedSession train = simulator.session(who, 0);
        SimulatedSession test = simulator.session(who, 1);
        Pair real = Pair.untrained(train, test, set);
        Pair clean = real;
        if (networks) {
          Biosensor sensor = new Biosensor(settings.montage(), settings.rate());
          SimulatedSession testSameDonning = recorded(sensor, seed, test, train.donning(), Components.all());
          SimulatedSession trainClean = recorded(sensor, seed, train, train.donning(), CLEAN);
          SimulatedSession testClean = recorded(sensor, seed, test, test.donning(), CLEAN);
          SimulatedSession testCleanSameDonning = recorded(sensor, seed, test, train.donning(), CLEAN);
          real = pair(train, List.of(test, testSameDonning), set, seeded);
          clean = pair(trainClean, List.of(testClean, testCleanSameDonning), set, seeded);
        }

        FrontEnd frontEnd = real.frontEnd;
        TrainingData truthTrain = TrainingData.build(List.of(HeldOut.exact(train)), frontEnd, set, real.frame,
            w -> { });
        TrainingData truthTest = TrainingData.build(List.of(HeldOut.exact(test)), frontEnd, set, real.frame,
            w -> { });
        TrainingOptions split = ModelTraining.withWindowGap(seeded, frontEnd);
        Truth trainTruth = new Truth(train, settings.montage());
        Truth testTruth = new Truth(test, settings.montage());
        ToDoubleFunction<Feature[]> ridge = f -> truthRidge(trainTruth.at(truthTrain, f), truthTrain,
            testTruth.at(truthTest, f), truthTest, set, split);
        double nonlinear = truthRidge(quadratic(trainTruth, truthTrain, Feature.LEADS, Feature.EYES), truthTrain,
            quadratic(testTruth, truthTest, Feature.LEADS, Feature.EYES), truthTest, set, split);
        Row row = new Row(seed, who.id(), real.meanFace, ridge.applyAsDouble(new Feature[] {Feature.POSE}),
            ridge.applyAsDouble(new Feature[] {Feature.EYES}),
            ridge.applyAsDouble(new Feature[] {Feature.LEADS, Feature.EYES}), nonlinear,
            ridge.applyAsDouble(new Feature[] {Feature.WEIGHTS}),
            ridge.applyAsDouble(new Feature[] {Feature.WEIGHTS, Feature.POSE}),
            ridge.applyAsDouble(new Feature[] {Feature.MUSCLES, Feature.EYES}),
            ridge.applyAsDouble(new Feature[] {Feature.MUSCLES, Feature.EYES, Feature.POSE}),
            real.bioNet[0], real.ridge[0], real.bioNet[1], real.ridge[1], clean.bioNet[0], clean.ridge[0],
            clean.bioNet[1], clean.ridge[1]);
        rows.add(row);
        progress.accept(String.format(Locale.ROOT, "seed %d %s: mean face %.3f; from the truth: head %.3f, eyes"
            + " %.3f, leads+eyes %.3f (quadratic, lagged %.3f), weights %.3f, +head %.3f, muscles+eyes %.3f, +head %.3f;"
            + " BioNet / ridge: as benchmarked %.3f / %.3f, same donning %.3f / %.3f, clean %.3f / %.3f, clean same"
            + " donning %.3f / %.3f (%%)", seed, who.id(), row.meanFace(), row.truthPose(), row.truthEyes(),
            row.truthLeads(), row.truthLeadsQuadratic(), row.truthWeights(), row.truthWeightsPose(),
            row.truthMuscles(), row.truthMusclesPose(), row.bioNet(), row.ridge(), row.bioNetSameDonning(),
            row.ridgeSameDonning(), row.bioNetClean(), row.ridgeClean(), row.bioNetCleanSameDonning(),
            row.ridgeCleanSameDonning()));
      }
    }
    return rows;
  }

  /** A session's performance recorded again, on the same seed, with another donning or other components. */
  static SimulatedSession recorded(Biosensor sensor, long seed, SimulatedSession s, Donning donning,
      Components parts) {
    long biosensorSeed = SeedStreams.derive(SeedStreams.derive(seed, s.id()), "biosensor");
    return new SimulatedSession(s.id(), s.participant(), donning, s.performance(),
        sensor.record(s.participant(), donning, s.performance(), biosensorSeed, parts), s.camera(), s.capture());
  }

  private record Pair(FrontEnd frontEnd, LandmarkFrame frame, double meanFace,
      double[] bioNet, double[] ridge) {

    /** The front end, aligned frame and mean face's NME of a training session, no model trained (NaN scores). */
    static Pair untrained(SimulatedSession train, SimulatedSession test, LandmarkSet set) {
      var session = HeldOut.camera(train);
      FrontEnd frontEnd = ModelTraining.frontEndFor(List.of(session), Demo.FPS);
      TrainingData data = TrainingData.build(List.of(session), frontEnd, set, null, w -> { });
      TrainingData heldOut = TrainingData.build(List.of(HeldOut.exact(test)), frontEnd, set, data.frame(), w -> { });
      double meanFace = new NormalisedMeanError(set).percent(HeldOut.meanFace(data, heldOut.size()),
          heldOut.targets());
      double[] none = {Double.NaN, Double.NaN};
      return new Pair(frontEnd, data.frame(), meanFace, none, none);
    }
  }

  /** BioNet and the fair ridge trained on {@code train} as the benchmark does, scored on each of {@code tests}. */
  private static Pair pair(SimulatedSession train, List<SimulatedSession> tests, LandmarkSet set,
      TrainingOptions options) throws IOException {
    var session = HeldOut.camera(train);
    FrontEnd frontEnd = ModelTraining.frontEndFor(List.of(session), Demo.FPS);
    ModelTraining.Outcome trained = ModelTraining.train(List.of(session), frontEnd, set, null, options, null,
        w -> { });
    try {
      WindowRidge ridge = HeldOut.baseline(trained, set, options);
      double[] bioNet = new double[tests.size()];
      double[] ridges = new double[tests.size()];
      double meanFace = Double.NaN;
      for (int i = 0; i < tests.size(); i++) {
        HeldOut.Scores x = HeldOut.score(trained, ridge, HeldOut.exact(tests.get(i)), set, w -> { });
        bioNet[i] = x.bioNetNme();
        ridges[i] = x.ridgeNme();
        meanFace = i == 0 ? x.meanNme() : meanFace;
      }
      return new Pair(frontEnd, trained.model().landmarkFrame(), meanFace, bioNet, ridges);
    } finally {
      trained.model().close();
    }
  }

  /** What of the truth a feature set holds. */
  enum Feature {
    /** The 52 ARKit weights. */
    WEIGHTS,
    /** Every muscle's activation on both sides. */
    MUSCLES,
    /** The gaze (yaw, pitch) and the lids' mean closure: what the EOG could tell at best. */
    EYES,
    /** The head's rotation (yaw, pitch, roll). */
    POSE,
    /**
     * Each lead's EMG amplitude without noise, {@code log(1 + sqrt(sum of (gain * amplitude * activation)^2))} over
     * the muscles as this session's donning placed the electrodes: what an envelope could tell at best.
     */
    LEADS
  }

  /** A session's truth at any time. */
  static final class Truth {
    private final Performance perf;
    private final double[][] leadGains;
    private final MuscleModel muscles = new MuscleModel();

    /** The truth of {@code s}, its leads' EMG gains as {@code Biosensor} places {@code montage} on the person. */
    Truth(SimulatedSession s, Montage montage) {
      this.perf = s.performance();
      Participant who = s.participant();
      Montage placed = s.donning().place(montage.jittered(who.electrodeJitterMm(),
          SeedStreams.stream(who.seed(), "electrodes/" + who.id())));
      double[][] conduction = VolumeConduction.gains(placed);
      double[] lead = s.donning().leadGains(placed.leads().size());
      double[] amplitudes = Biosensor.defaultAmplitudes();
      double emgGain = s.donning().on(who).emgGain();
      leadGains = new double[lead.length][MuscleModel.columns()];
      for (Muscle m : Muscle.values()) {
        for (Muscle.Side side : Muscle.Side.values()) {
          int col = MuscleModel.column(m, side);
          for (int c = 0; c < lead.length; c++) {
            leadGains[c][col] = conduction[c][col] * amplitudes[m.ordinal()] * emgGain * lead[c];
          }
        }
      }
    }

    /** The features at each frame of {@code data} as one-sample windows, {@code [frame][value][1]}. */
    float[][][] at(TrainingData data, Feature... features) {
      return at(data, 0, features);
    }

    /** The features {@code shiftS} seconds after each frame of {@code data}, {@code [frame][value][1]}. */
    float[][][] at(TrainingData data, double shiftS, Feature... features) {
      int blinkLeft = Blendshapes.indexOf("eyeBlinkLeft");
      int blinkRight = Blendshapes.indexOf("eyeBlinkRight");
      float[][][] out = new float[data.size()][][];
      double[] a = new double[MuscleModel.columns()];
      for (int f = 0; f < out.length; f++) {
        double t = data.times()[f] + shiftS;
        double[] w = perf.weightsAt(t);
        muscles.activate(w, a);
        List<Double> v = new ArrayList<>();
        for (Feature feature : features) {
          switch (feature) {
            case WEIGHTS -> {
              for (double x : w) {
                v.add(x);
              }
            }
            case MUSCLES -> {
              for (double x : a) {
                v.add(x);
              }
            }
            case EYES -> {
              v.add(perf.at(perf.gazeYawDeg(), t));
              v.add(perf.at(perf.gazePitchDeg(), t));
              v.add(0.5 * (w[blinkLeft] + w[blinkRight]));
            }
            case POSE -> {
              for (int k = 0; k < 3; k++) {
                v.add(headPose(t, k));
              }
            }
            case LEADS -> {
              for (double[] g : leadGains) {
                double power = 0;
                for (int col = 0; col < a.length; col++) {
                  power += g[col] * g[col] * a[col] * a[col];
                }
                v.add(Math.log1p(Math.sqrt(power)));
              }
            }
            default -> throw new IllegalStateException(feature.name());
          }
        }
        out[f] = new float[v.size()][1];
        for (int i = 0; i < v.size(); i++) {
          out[f][i][0] = v.get(i).floatValue();
        }
      }
      return out;
    }

    private double headPose(double t, int axis) {
      double[][] track = perf.headPose();
      double x = Math.max(0, Math.min(track.length - 1, t * perf.rate()));
      int i = Math.min((int) x, track.length - 2);
      double u = x - i;
      return (1 - u) * track[i][axis] + u * track[i + 1][axis];
    }
  }

  /**
   * Ridge from truth features to the aligned landmarks, its penalty chosen as the fair baseline's; a feature constant
   * in training (a shape the training session never made) is left out, as standardising it would blow it up.
   */
  private static double truthRidge(float[][][] trainX, TrainingData train, float[][][] testX, TrainingData test,
      LandmarkSet set, TrainingOptions options) {
    int[] varying = java.util.stream.IntStream.range(0, trainX[0].length).filter(j -> {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (float[][] x : trainX) {
        min = Math.min(min, x[j][0]);
        max = Math.max(max, x[j][0]);
      }
      return max - min > 1e-6;
    }).toArray();
    WindowRidge ridge = WindowRidge.fit(columns(trainX, varying), train.targets(), set, options.split());
    return new NormalisedMeanError(set).percent(ridge.predict(columns(testX, varying)), test.targets());
  }

  private static float[][][] columns(float[][][] x, int[] keep) {
    float[][][] out = new float[x.length][keep.length][];
    for (int f = 0; f < x.length; f++) {
      for (int j = 0; j < keep.length; j++) {
        out[f][j] = x[f][keep[j]];
      }
    }
    return out;
  }

  /** How far back, in seconds, the nonlinear oracle also sees the truth features. */
  static final double[] LAGS_S = {0, 0.1, 0.2, 0.4};

  /**
   * The features at {@link #LAGS_S} before each frame, with every product of two of them: a ridge on these draws
   * a smooth nonlinear function of the features and their recent course from them, as a network could.
   */
  static float[][][] quadratic(Truth truth, TrainingData data, Feature... features) {
    List<float[][][]> lagged = new ArrayList<>();
    for (double lag : LAGS_S) {
      lagged.add(truth.at(data, -lag, features));
    }
    float[][][] out = new float[data.size()][][];
    for (int f = 0; f < out.length; f++) {
      float[] base = new float[lagged.size() * lagged.get(0)[0].length];
      int k = 0;
      for (float[][][] l : lagged) {
        for (float[] x : l[f]) {
          base[k++] = x[0];
        }
      }
      out[f] = new float[base.length + base.length * (base.length + 1) / 2][1];
      int o = 0;
      for (float x : base) {
        out[f][o++][0] = x;
      }
      for (int i = 0; i < base.length; i++) {
        for (int j = i; j < base.length; j++) {
          out[f][o++][0] = base[i] * base[j];
        }
      }
    }
    return out;
  }

  /** Mean and spread over the held-out sessions of every column, and of BioNet's ratio to the ridge in each setting. */
  public static String summary(List<Row> rows) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "over %d held-out sessions (NME %%):%n",
        rows.size()));
    line(b, rows, "mean face", Row::meanFace);
    line(b, rows, "ridge from the true head rotation", Row::truthPose);
    line(b, rows, "ridge from the true gaze and lids", Row::truthEyes);
    line(b, rows, "ridge from the two leads' noise-free EMG amplitude, gaze and lids", Row::truthLeads);
    line(b, rows, "the same, their products and values 0.1-0.4 s before", Row::truthLeadsQuadratic);
    line(b, rows, "ridge from the true 52 weights", Row::truthWeights);
    line(b, rows, "ridge from the true 52 weights and head rotation", Row::truthWeightsPose);
    line(b, rows, "ridge from the true muscle activations, gaze and lids", Row::truthMuscles);
    line(b, rows, "ridge from the true muscle activations, gaze, lids and head rotation", Row::truthMusclesPose);
    line(b, rows, "BioNet, as benchmarked", Row::bioNet);
    line(b, rows, "fair ridge, as benchmarked", Row::ridge);
    line(b, rows, "BioNet / ridge, as benchmarked", r -> r.bioNet() / r.ridge());
    line(b, rows, "BioNet, held-out session donned as the training one", Row::bioNetSameDonning);
    line(b, rows, "fair ridge, held-out session donned as the training one", Row::ridgeSameDonning);
    line(b, rows, "BioNet / ridge, same donning", r -> r.bioNetSameDonning() / r.ridgeSameDonning());
    line(b, rows, "BioNet, clean signals", Row::bioNetClean);
    line(b, rows, "fair ridge, clean signals", Row::ridgeClean);
    line(b, rows, "BioNet / ridge, clean signals", r -> r.bioNetClean() / r.ridgeClean());
    line(b, rows, "BioNet, clean signals, same donning", Row::bioNetCleanSameDonning);
    line(b, rows, "fair ridge, clean signals, same donning", Row::ridgeCleanSameDonning);
    line(b, rows, "BioNet / ridge, clean signals, same donning",
        r -> r.bioNetCleanSameDonning() / r.ridgeCleanSameDonning());
    return b.toString();
  }

  private static void line(StringBuilder b, List<Row> rows, String name, ToDoubleFunction<Row> of) {
    AccuracyBenchmark.Spread s = AccuracyBenchmark.Spread.of(rows.stream().mapToDouble(of).toArray());
    b.append(String.format(Locale.ROOT, "  %-72s %.3f +- %.3f%n", name, s.mean(), s.sd()));
  }
}
