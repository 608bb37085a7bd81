package dev.mimik.face.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.eyes.Eye;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.PosedMesh;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.util.Random;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.junit.jupiter.api.Test;

class LocalDistancesTest {

  private static final FaceRig RIG = EmbeddedRig.load();

  private static double[] landmarks(double[] w, HeadPose pose, PinholeCamera cam, Random rnd, double noise) {
    float[] mesh = PosedMesh.of(RIG, w, new double[0]);
    double[] out = new double[136];
    for (int j = 0; j < 68; j++) {
      int v = RIG.landmarkVertices()[j];
      Vector2D uv = cam.project(pose.apply(new Vector3D(mesh[3 * v], mesh[3 * v + 1], mesh[3 * v + 2])));
      out[2 * j] = uv.getX() + noise * rnd.nextGaussian();
      out[2 * j + 1] = uv.getY() + noise * rnd.nextGaussian();
    }
    return out;
  }

  @Test
  void eyelidPairTermReproducesAnElamClosedEyeCloserThanTheLandmarksAlone() {
    // noisy detections of a closed eye, put together by ELAM (closure 1): the pairs say "closed", the other
    // landmarks' noise pulls the lids apart in a plain fit
    dev.mimik.face.eyes.EyeState[] closed = {new dev.mimik.face.eyes.EyeState(0, 1), new dev.mimik.face.eyes.EyeState(0, 1)};
    PinholeCamera cam = FitBenchmark.pinhole();
    double[] w = new double[RIG.shapeCount()];
    w[RIG.shapeIndex("eyeBlinkLeft")] = 1;
    w[RIG.shapeIndex("eyeBlinkRight")] = 1;
    RigFitter plain = new RigFitter(RIG, LandmarkSet.IBUG_68, cam, FitOptions.defaults());
    RigFitter ldl = new RigFitter(RIG, LandmarkSet.IBUG_68, cam,
        FitOptions.defaults().withLocalDistances(new LocalDistances(1, 1)));
    double plainAperture = 0;
    double ldlAperture = 0;
    Random rnd = new Random(17);
    int trials = 12;
    for (int t = 0; t < trials; t++) {
      HeadPose pose = HeadPose.ofEulerDegrees(10 * rnd.nextGaussian(), 5 * rnd.nextGaussian(), 0, 0, 0, -60);
      double[] points = dev.mimik.face.eyes.Elam.adjust(landmarks(w, pose, cam, rnd, 1.5), LandmarkSet.IBUG_68,
          closed);
      plainAperture += aperture(plain.fit(points).weights());
      ldlAperture += aperture(ldl.fit(points).weights());
    }
    System.out.printf("ELAM-closed eyes, 3D aperture (sum of both): plain %.4f, LDL %.4f%n", plainAperture / trials,
        ldlAperture / trials);
    assertThat(ldlAperture / trials).isLessThan(0.9 * plainAperture / trials).isLessThan(0.03);
  }

  @Test
  void exactLandmarksStayExactWithTheTermOn() {
    PinholeCamera cam = FitBenchmark.pinhole();
    double[] w = new double[RIG.shapeCount()];
    w[RIG.shapeIndex("jawOpen")] = 0.4;
    w[RIG.shapeIndex("eyeBlinkRight")] = 0.7;
    double[] points = landmarks(w, HeadPose.ofEulerDegrees(15, 5, 0, 0, 0, -60), cam, new Random(1), 0);
    FitResult r = new RigFitter(RIG, LandmarkSet.IBUG_68, cam,
        FitOptions.defaults().withLocalDistances(new LocalDistances(1, 1))).fit(points);
    assertThat(r.residualPx()).isLessThan(0.15);
    assertThat(r.weights()[RIG.shapeIndex("jawOpen")]).isBetween(0.37, 0.43);
  }

  private static double aperture(double[] weights) {
    float[] mesh = PosedMesh.of(RIG, weights, new double[0]);
    return Eye.LEFT.aperture(mesh, RIG.landmarkVertices()) + Eye.RIGHT.aperture(mesh, RIG.landmarkVertices());
  }
}
