package dev.mimik.lab.face;

import dev.mimik.face.fit.LocalDistances;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.sim.session.GroundTruth;
import dev.mimik.track.FaceFit;
import dev.mimik.track.TrackedRecording;
import dev.mimik.track.TrackingRecipe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The ablation of "Eye Motion Matters" (its Tables 1 and 2) through the biosignal path: one tracked recording's
 * landmarks fitted again without and with the eyelid landmark adjustment (ELAM) and the local dynamic loss (LDL),
 * with the same eye closures and identity, each 3D face scored against the simulator's true one ({@link FaceScores}).
 */
public final class FaceFitAblation {

  /**
   * The configurations, in the paper's order with LDL on the eyes alone added, LDL at mimik's weight; the last is
   * mimik's default.
   */
  public static final List<FaceFit> CONFIGURATIONS = List.of(
      FaceFit.PLAIN,
      new FaceFit("LDL (mouth)", false, new LocalDistances(0, FaceFit.LDL_WEIGHT)),
      new FaceFit("LDL (eye, mouth)", false, new LocalDistances(FaceFit.LDL_WEIGHT, FaceFit.LDL_WEIGHT)),
      new FaceFit("ELAM", true, LocalDistances.off()),
      new FaceFit("ELAM + LDL (eye)", true, new LocalDistances(FaceFit.LDL_WEIGHT, 0)),
      FaceFit.ELAM_LDL);

  private FaceFitAblation() {}

  /**
   * Fits the recording's tracked landmarks every way in {@link #CONFIGURATIONS} and scores each.
   *
   * @param progress receives the fraction done
   */
  public static List<FaceScores.Row> run(TrackingModel model, FaceRig rig, TrackedRecording tracked,
      GroundTruth truth, DoubleConsumer progress) {
    List<FaceScores.Row> rows = new ArrayList<>();
    for (FaceFit how : CONFIGURATIONS) {
      TrackedRecording refit = TrackingRecipe.causal().withFace(how).refit(model, rig, tracked);
      rows.add(FaceScores.score(rig, how.name(), refit.blendshapes(), refit.identity(), truth,
          model.frontEnd().fps()));
      progress.accept(rows.size() / (double) CONFIGURATIONS.size());
    }
    return rows;
  }
}
