package dev.mimik.lab.demo;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.baseline.WindowRidge;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.bioface.TrainingData;
import dev.mimik.learn.metric.NormalisedMeanError;
import dev.mimik.signal.sync.ClockMapping;
import dev.mimik.sim.session.SimulatedSession;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A trained model, its fair baseline and the mean face on a session held out of their training: BioFace-3D's NME of
 * each, on the same windows, against the session's landmarks aligned into the model's frame.
 */
final class HeldOut {

  private HeldOut() {}

  /** NME in percent of BioNet, of the fair ridge baseline and of the training targets' mean face. */
  record Scores(double bioNetNme, double ridgeNme, double meanNme) {}

  /**
   * The baseline a model is compared with: ridge on the same windows, its penalty chosen on the training frames'
   * own validation blocks, as BioNet's epochs are.
   */
  static WindowRidge baseline(ModelTraining.Outcome trained, LandmarkSet set, dev.mimik.learn.train.TrainingOptions
      options) {
    return WindowRidge.fit(trained.data().windows(), trained.data().targets(), set,
        ModelTraining.withWindowGap(options, trained.model().frontEnd()).split());
  }

  static Scores score(ModelTraining.Outcome trained, WindowRidge ridge, Session heldOut, LandmarkSet set,
      Consumer<String> warnings) {
    TrainingData test = TrainingData.build(List.of(heldOut), trained.model().frontEnd(), set,
        trained.model().landmarkFrame(), warnings);
    NormalisedMeanError nme = new NormalisedMeanError(set);
    return new Scores(nme.percent(trained.model().network().predict(test.windows()), test.targets()),
        nme.percent(ridge.predict(test.windows()), test.targets()),
        nme.percent(meanFace(trained.data(), test.size()), test.targets()));
  }

  /** The training targets' mean shape, as a prediction for {@code frames} frames: the no-information baseline. */
  static float[][] meanFace(TrainingData training, int frames) {
    float[] mean = new float[training.targets()[0].length];
    for (float[] t : training.targets()) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += t[i] / training.size();
      }
    }
    float[][] out = new float[frames][];
    Arrays.fill(out, mean);
    return out;
  }

  /** A session as training sees it: the camera's landmarks on the camera's clock, its offset and drift known. */
  static Session camera(SimulatedSession s) {
    return new Session(s.id(), s.participant().id(), s.signals(), s.capture().detected(),
        new ClockMapping(s.camera().clockOffsetS(), s.camera().driftPpm() * 1e-6), null);
  }

  /** A held-out session scored against the exact landmarks, on the biosignal clock. */
  static Session exact(SimulatedSession s) {
    return new Session(s.id(), s.participant().id(), s.signals(), s.capture().exact(), ClockMapping.identity(),
        null);
  }
}
