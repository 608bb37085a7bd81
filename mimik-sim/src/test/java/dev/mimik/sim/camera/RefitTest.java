package dev.mimik.sim.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.fit.FitOptions;
import dev.mimik.face.fit.RigFitter;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.performance.Performer;
import dev.mimik.sim.performance.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** Simulated landmarks, re-fitted with the 3D fitter, give back the scripted weights. */
class RefitTest {

  @Test
  void refittingTheExactLandmarksGivesBackTheScriptedWeights() {
    FaceRig rig = EmbeddedRig.load();
    Participant who = Participant.draw("p01", 3, rig.identityNames().size());
    Performance perf = new Performer(120).perform(who, Protocol.bioFace3d(), 40, 8);
    CameraModel cam = new CameraModel(10, 1280, 720, 1000, 600, 0, 0, 0, 0);
    Capture c = new CameraSimulator(cam).film(new RigLandmarks(rig, who.identity()), perf, new SplittableRandom(1));
    LandmarkTrack exact = c.exact();
    assertThat(exact.pointCount()).as("68 face points and 2 pupils").isEqualTo(70);
    double[][] face = java.util.Arrays.stream(exact.frames()).map(f -> java.util.Arrays.copyOf(f, 136))
        .toArray(double[][]::new);
    exact = new LandmarkTrack(exact.timesSeconds(), 68, face, exact.missing());
    BlendshapeTrack fitted = new RigFitter(rig, LandmarkSet.IBUG_68, cam.pinhole(), FitOptions.defaults())
        .withIdentity(who.identity()).fitTrack(exact);
    BlendshapeTrack truth = perf.blendshapesAt(exact.timesSeconds());
    for (String name : List.of("jawOpen", "eyeBlinkLeft", "eyeBlinkRight", "mouthSmileLeft", "mouthSmileRight",
        "browInnerUp")) {
      double[] t = truth.column(name);
      double[] f = column(fitted, name);
      double mae = 0;
      for (int i = 0; i < t.length; i++) {
        mae += Math.abs(t[i] - f[i]) / t.length;
      }
      double r = new PearsonsCorrelation().correlation(t, f);
      System.out.printf(Locale.ROOT, "refit %s: r = %.3f, MAE = %.3f%n", name, r, mae);
      assertThat(r).as(name).isGreaterThan(0.9);
      assertThat(mae).as(name).isLessThan(0.08);
    }
  }

  private static double[] column(BlendshapeTrack t, String name) {
    int k = t.names().indexOf(name);
    double[] out = new double[t.frameCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = t.weights()[i][k];
    }
    return out;
  }
}
