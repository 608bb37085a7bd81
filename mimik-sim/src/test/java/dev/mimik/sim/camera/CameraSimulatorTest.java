package dev.mimik.sim.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.sim.Fixtures;
import dev.mimik.sim.performance.Performance;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CameraSimulatorTest {

  private final FaceRig rig = SketchRig.build();

  @Test
  void neutralFaceProjectsThroughThePinholeModel() {
    CameraModel cam = new CameraModel(30, 1280, 720, 1000, 600, 0, 0, 0, 0);
    Capture c = new CameraSimulator(cam).film(new RigLandmarks(rig, new double[0]),
        Fixtures.holding(Fixtures.rest(), 1), new SplittableRandom(1));
    assertThat(c.exact().frameCount()).isEqualTo(30);
    double[] p = new double[204];
    new RigLandmarks(rig, new double[0]).positions(Fixtures.rest(), p);
    for (int i = 0; i < 68; i++) {
      double z = 600 - p[3 * i + 2];
      assertThat(c.exact().x(0, i)).isCloseTo(640 + 1000 * p[3 * i] / z, Offset.offset(1e-9));
      assertThat(c.exact().y(0, i)).isCloseTo(360 - 1000 * p[3 * i + 1] / z, Offset.offset(1e-9));
    }
    // the subject's left eye (+X) appears on the image's right
    assertThat(c.exact().x(0, 45)).isGreaterThan(c.exact().x(0, 36));
  }

  @Test
  void blinkClosesTheEyelidLandmarks() {
    double[] w = Fixtures.rest();
    w[Blendshapes.indexOf("eyeBlinkLeft")] = 1;
    CameraModel cam = new CameraModel(30, 1280, 720, 1000, 600, 0, 0, 0, 0);
    Capture c = new CameraSimulator(cam).film(new RigLandmarks(rig, new double[0]), Fixtures.holding(w, 0.5),
        new SplittableRandom(1));
    double gapLeft = c.exact().y(0, 47) - c.exact().y(0, 43);
    double gapRight = c.exact().y(0, 41) - c.exact().y(0, 37);
    assertThat(Math.abs(gapLeft)).isLessThan(1.0);
    assertThat(gapRight).isGreaterThan(10.0);
  }

  @Test
  void detectorJitterDropsAndClockFollowTheModel() {
    CameraModel cam = new CameraModel(30, 1280, 720, 1000, 600, 0.8, 0.05, 0.25, 80);
    Performance perf = Fixtures.holding(Fixtures.rest(), 120);
    Capture c = new CameraSimulator(cam).film(new RigLandmarks(rig, new double[0]), perf, new SplittableRandom(4));
    int n = c.detected().frameCount();
    assertThat((double) c.detected().missingCount() / n).isBetween(0.03, 0.07);
    double sum = 0;
    int count = 0;
    for (int f = 0; f < n; f++) {
      if (!c.detected().missing()[f]) {
        for (int i = 0; i < 136; i++) {
          double d = c.detected().frames()[f][i] - c.exact().frames()[f][i];
          sum += d * d;
          count++;
        }
      }
      double camT = c.detected().timesSeconds()[f];
      assertThat(c.exact().timesSeconds()[f]).isCloseTo((camT - 0.25) / (1 + 80e-6), Offset.offset(1e-12));
    }
    assertThat(Math.sqrt(sum / count)).isBetween(0.75, 1.0);
    // a camera started 0.25 s before the biosignals: its first frame is at camera time 0, biosensor time -0.25 s
    assertThat(c.detected().timesSeconds()[0]).isZero();
    assertThat(c.exact().timesSeconds()[0]).isCloseTo(-0.25 / (1 + 80e-6), Offset.offset(1e-12));
    assertThat(c.exact().timesSeconds()[n - 1]).isLessThan(120).isGreaterThan(120 - 1 / 30.0);
    CameraModel late = new CameraModel(30, 1280, 720, 1000, 600, 0.8, 0.05, -0.4, -50);
    Capture d = new CameraSimulator(late).film(new RigLandmarks(rig, new double[0]), perf, new SplittableRandom(4));
    assertThat(d.detected().timesSeconds()[0]).isZero();
    assertThat(d.exact().timesSeconds()[0]).isCloseTo(0.4 / (1 - 50e-6), Offset.offset(1e-12));
  }
}
