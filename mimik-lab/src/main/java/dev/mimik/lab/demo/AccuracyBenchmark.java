package dev.mimik.lab.demo;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.baseline.WindowRidge;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.sim.session.SimulationSettings;
import dev.mimik.sim.session.Simulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The demo's protocol over several seeds ({@code mimik bench accuracy}): per seed, participants simulated wearing the
 * earpiece under the simulator's realistic conditions (put on afresh each session, varied faces and speech), the
 * training sessions' camera clocks taken from the truth so that sync errors stay out of it, BioNet and the fair ridge
 * baseline trained on each participant's first session (and third onwards, with more training sessions), and both,
 * with the mean face, scored on the held-out second session; then the mean and spread over seeds and
 * participants. The figures the README's accuracy rows come from.
 *
 * @param participants participants per seed
 * @param minutes minutes per session
 * @param options BioNet's training options (their seed is replaced by each run's)
 * @param features changes to the default front end (sub-bands, window, per-session normalisation), which BioNet and
 *     the ridge both see
 * @param trainingSessions sessions per participant both models train on, each put on afresh (the held-out one is
 *     the second session; further training sessions are the third onwards)
 */
public record AccuracyBenchmark(int participants, double minutes, TrainingOptions options,
    UnaryOperator<FrontEnd> features, int trainingSessions) {

  public AccuracyBenchmark {
    if (trainingSessions < 1) {
      throw new IllegalArgumentException("need at least one training session: " + trainingSessions);
    }
  }

  /** One participant's held-out session under one seed. */
  public record Run(long seed, String participant, double bioNetNme, double ridgeNme, double meanNme) {}

  /** Mean and sample standard deviation of a series. */
  public record Spread(double mean, double sd) {
    static Spread of(double[] v) {
      double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
      double ss = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
      return new Spread(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN);
    }

    @Override
    public String toString() {
      return Double.isNaN(sd) ? String.format(Locale.ROOT, "%.3f %%", mean)
          : String.format(Locale.ROOT, "%.3f %% +- %.3f", mean, sd);
    }
  }

  /** Runs every seed; {@code progress} hears of each participant done. */
  public List<Run> run(FaceRig rig, List<Long> seeds, Consumer<String> progress) throws IOException {
    List<Run> runs = new ArrayList<>();
    for (long seed : seeds) {
      Simulator simulator = new Simulator(rig, null, new SimulationSettings(participants, trainingSessions + 1,
          minutes, seed, Montage.earpiece(), 1000, Demo.FPS, 120));
      TrainingOptions seeded = options.withSeed(seed).withProgress(false);
      for (int p = 0; p < participants; p++) {
        Participant who = simulator.participant(p);
        List<Session> train = new ArrayList<>();
        for (int s = 0; s <= trainingSessions; s++) {
          if (s != 1) {
            train.add(HeldOut.camera(simulator.session(who, s)));
          }
        }
        Session heldOut = HeldOut.exact(simulator.session(who, 1));
        FrontEnd frontEnd = features.apply(ModelTraining.frontEndFor(train, Demo.FPS));
        if (runs.isEmpty()) {
          progress.accept(describe(frontEnd, seeded) + String.format(Locale.ROOT, "; %d training session(s)",
              trainingSessions));
        }
        ModelTraining.Outcome trained = ModelTraining.train(train, frontEnd, LandmarkSet.IBUG_51, null, seeded, null,
            w -> { });
        try {
          WindowRidge ridge = HeldOut.baseline(trained, LandmarkSet.IBUG_51, seeded);
          HeldOut.Scores x = HeldOut.score(trained, ridge, heldOut, LandmarkSet.IBUG_51, w -> { });
          runs.add(new Run(seed, who.id(), x.bioNetNme(), x.ridgeNme(), x.meanNme()));
          progress.accept(String.format(Locale.ROOT, "seed %d %s: BioNet %.3f %%, ridge %.3f %% (lambda %g), mean"
              + " face %.3f %%", seed, who.id(), x.bioNetNme(), x.ridgeNme(), ridge.lambda(), x.meanNme()));
        } finally {
          trained.model().close();
        }
      }
    }
    return runs;
  }

  /** The inputs both models see and BioNet's augmentation, in one line. */
  static String describe(FrontEnd frontEnd, TrainingOptions options) {
    return String.format(Locale.ROOT, "inputs: %d EMG envelope(s) and the EOG per channel, window %.2f s, %s;"
        + " BioNet's gain jitter %.2f", frontEnd.emgSubBands(), frontEnd.windowSeconds(),
        frontEnd.sessionNormalised() ? "z-scored per session" : "not normalised per session", options.gainJitter());
  }

  /** Mean and spread of BioNet's, the ridge's and the mean face's NME, and of BioNet's ratio to the ridge's. */
  public static String summary(List<Run> runs) {
    Spread bioNet = Spread.of(runs.stream().mapToDouble(Run::bioNetNme).toArray());
    Spread ridge = Spread.of(runs.stream().mapToDouble(Run::ridgeNme).toArray());
    Spread mean = Spread.of(runs.stream().mapToDouble(Run::meanNme).toArray());
    Spread ratio = Spread.of(runs.stream().mapToDouble(r -> r.bioNetNme() / r.ridgeNme()).toArray());
    return String.format(Locale.ROOT, "over %d held-out sessions: BioNet %s, fair ridge %s, mean face %s;"
        + " BioNet / ridge %.3f +- %.3f%n", runs.size(), bioNet, ridge, mean, ratio.mean(), ratio.sd());
  }
}
