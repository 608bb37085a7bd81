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
import dev.mimik.sim.muscle.MuscleModel;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.sensor.Biosensor;
import dev.mimik.sim.sensor.Components;
import dev.mimik.sim.sensor.Donning;
import dev.mimik.sim.sensor.Montage;
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
 * --ceiling}): on the same held-out session, the NME of ridge from the simulation's own truth (the 52 weights; the
 * muscle activations with the gaze and the lids; either with the head's rotation), which says how much of the face
 * any sensor of those could explain, and BioNet and the fair ridge with the two things the protocol adds taken away
 * one at a time: the held-out session recorded with the training session's donning (no re-donning), and both
 * sessions recorded with the EMG and EOG only (no electrode noise, mains, wander or artefacts). Each variant records
 * the same performance with the same seeds, so only the named part changes.
 *
 * @param participants participants per seed
 * @param minutes minutes per session
 * @param options BioNet's training options (their seed is replaced by each run's)
 */
public record AccuracyCeiling(int participants, double minutes, TrainingOptions options) {

  /** The EMG and EOG as the electrodes would see them without electrode noise, mains, wander or artefacts. */
  static final Components CLEAN = new Components(true, true, false, false, false, false);

  /**
   * One held-out session's NMEs (percent): mean face; ridge from the truth; BioNet and the fair ridge as the
   * benchmark runs them, with the held-out session put on as the training one was, and both on clean signals.
   */
  public record Row(long seed, String participant, double meanFace, double truthWeights, double truthWeightsPose,
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
        Biosensor sensor = new Biosensor(settings.montage(), settings.rate());
        SimulatedSession testSameDonning = recorded(sensor, seed, test, train.donning(), Components.all());
        SimulatedSession trainClean = recorded(sensor, seed, train, train.donning(), CLEAN);
        SimulatedSession testClean = recorded(sensor, seed, test, test.donning(), CLEAN);
        SimulatedSession testCleanSameDonning = recorded(sensor, seed, test, train.donning(), CLEAN);

        Pair real = pair(train, List.of(test, testSameDonning), set, seeded);
        Pair clean = pair(trainClean, List.of(testClean, testCleanSameDonning), set, seeded);

        FrontEnd frontEnd = real.frontEnd;
        TrainingData truthTrain = TrainingData.build(List.of(HeldOut.exact(train)), frontEnd, set, real.frame,
            w -> { });
        TrainingData truthTest = TrainingData.build(List.of(HeldOut.exact(test)), frontEnd, set, real.frame,
            w -> { });
        TrainingOptions split = ModelTraining.withWindowGap(seeded, frontEnd);
        double weights = truthRidge(truthTrain, train.performance(), truthTest, test.performance(), false, false,
            set, split);
        double weightsPose = truthRidge(truthTrain, train.performance(), truthTest, test.performance(), false, true,
            set, split);
        double muscles = truthRidge(truthTrain, train.performance(), truthTest, test.performance(), true, false,
            set, split);
        double musclesPose = truthRidge(truthTrain, train.performance(), truthTest, test.performance(), true, true,
            set, split);
        Row row = new Row(seed, who.id(), real.meanFace, weights, weightsPose, muscles, musclesPose,
            real.bioNet[0], real.ridge[0], real.bioNet[1], real.ridge[1], clean.bioNet[0], clean.ridge[0],
            clean.bioNet[1], clean.ridge[1]);
        rows.add(row);
        progress.accept(String.format(Locale.ROOT, "seed %d %s: mean face %.3f; truth ridge: weights %.3f, +pose"
            + " %.3f, muscles+eyes %.3f, +pose %.3f; BioNet / ridge: as benchmarked %.3f / %.3f, same donning %.3f /"
            + " %.3f, clean %.3f / %.3f, clean same donning %.3f / %.3f (%%)", seed, who.id(), row.meanFace(),
            weights, weightsPose, muscles, musclesPose, row.bioNet(), row.ridge(), row.bioNetSameDonning(),
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
      double[] bioNet, double[] ridge) {}

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

  /**
   * Ridge (penalty chosen as the fair baseline's) from the truth at each frame's time to its aligned landmarks,
   * trained on one session and scored on the other: the 52 weights, or the muscle activations with the gaze and the
   * lids' closure; with the head's rotation, or without.
   */
  private static double truthRidge(TrainingData train, Performance trainPerf, TrainingData test,
      Performance testPerf, boolean muscles, boolean pose, LandmarkSet set, TrainingOptions options) {
    WindowRidge ridge = WindowRidge.fit(truth(train, trainPerf, muscles, pose), train.targets(), set,
        options.split());
    return new NormalisedMeanError(set).percent(ridge.predict(truth(test, testPerf, muscles, pose)), test.targets());
  }

  /** The truth at each frame as a one-sample window per value, {@code [frame][value][1]}. */
  static float[][][] truth(TrainingData data, Performance perf, boolean muscles, boolean pose) {
    MuscleModel model = new MuscleModel();
    int blinkLeft = Blendshapes.indexOf("eyeBlinkLeft");
    int blinkRight = Blendshapes.indexOf("eyeBlinkRight");
    float[][][] out = new float[data.size()][][];
    for (int f = 0; f < out.length; f++) {
      double t = data.times()[f];
      double[] w = perf.weightsAt(t);
      List<Double> v = new ArrayList<>();
      if (muscles) {
        double[] a = new double[MuscleModel.columns()];
        model.activate(w, a);
        for (double x : a) {
          v.add(x);
        }
        v.add(perf.at(perf.gazeYawDeg(), t));
        v.add(perf.at(perf.gazePitchDeg(), t));
        v.add(0.5 * (w[blinkLeft] + w[blinkRight]));
      } else {
        for (double x : w) {
          v.add(x);
        }
      }
      if (pose) {
        for (int k = 0; k < 3; k++) {
          int axis = k;
          v.add(interpolated(perf, t, row -> row[axis]));
        }
      }
      out[f] = new float[v.size()][1];
      for (int i = 0; i < v.size(); i++) {
        out[f][i][0] = v.get(i).floatValue();
      }
    }
    return out;
  }

  private static double interpolated(Performance perf, double t, ToDoubleFunction<double[]> of) {
    double[][] track = perf.headPose();
    double x = Math.max(0, Math.min(track.length - 1, t * perf.rate()));
    int i = Math.min((int) x, track.length - 2);
    double a = x - i;
    return (1 - a) * of.applyAsDouble(track[i]) + a * of.applyAsDouble(track[i + 1]);
  }

  /** Mean and spread over the held-out sessions of every column, and of BioNet's ratio to the ridge in each setting. */
  public static String summary(List<Row> rows) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "over %d held-out sessions (NME %%):%n",
        rows.size()));
    line(b, rows, "mean face", Row::meanFace);
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
