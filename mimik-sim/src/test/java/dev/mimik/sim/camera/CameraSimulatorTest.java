package dev.mimik.sim.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
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
    RigLandmarks landmarks = new RigLandmarks(rig, new double[0]);
    assertThat(landmarks.pointCount()).isEqualTo(70);
    double[] p = new double[3 * landmarks.pointCount()];
    landmarks.positions(Fixtures.rest(), p);
    for (int i = 0; i < 70; i++) {
      double z = 600 - p[3 * i + 2];
      assertThat(c.exact().x(0, i)).isCloseTo(640 + 1000 * p[3 * i] / z, Offset.offset(1e-9));
      assertThat(c.exact().y(0, i)).isCloseTo(360 - 1000 * p[3 * i + 1] / z, Offset.offset(1e-9));
    }
    // the subject's left eye (+X) appears on the image's right
    assertThat(c.exact().x(0, 45)).isGreaterThan(c.exact().x(0, 36));
  }

  @Test
  void pupilsTurnWithTheGazeAboutTheEyeballsCentre() {
    // the sketch rig's eyeLook targets leave its eyeballs still: the pupils are turned by the gaze the weights stand
    // for, about each eyeball's centre (radius 12 mm)
    RigLandmarks landmarks = new RigLandmarks(rig, new double[0]);
    double[] rest = new double[210];
    landmarks.positions(Fixtures.rest(), rest);
    double[] w = Fixtures.rest();
    w[Blendshapes.indexOf("eyeLookOutLeft")] = 1;
    w[Blendshapes.indexOf("eyeLookDownLeft")] = 0.5;
    double[] p = new double[210];
    landmarks.positions(w, p);
    int left = LandmarkSet.PUPIL_B;
    double down = Math.toRadians(0.5 * Eyeball.LOOK_VERTICAL_DEGREES);
    double out = Math.toRadians(Eyeball.LOOK_SIDEWAYS_DEGREES);
    assertThat(p[3 * left + 1] - rest[3 * left + 1]).isCloseTo(-12 * Math.sin(down), Offset.offset(1e-9));
    assertThat(p[3 * left] - rest[3 * left]).isCloseTo(12 * Math.cos(down) * Math.sin(out), Offset.offset(1e-9));
    for (int i = 0; i < 3; i++) {
      assertThat(p[3 * LandmarkSet.PUPIL_A + i]).isEqualTo(rest[3 * LandmarkSet.PUPIL_A + i]);
    }
  }

  @Test
  void pupilsFollowTheEmbeddedRigsOwnGazeTargets() {
    FaceRig embedded = EmbeddedRig.load();
    RigLandmarks landmarks = new RigLandmarks(embedded, new double[0]);
    double[] rest = new double[210];
    landmarks.positions(Fixtures.rest(), rest);
    double[] w = Fixtures.rest();
    w[Blendshapes.indexOf("eyeLookInRight")] = 0.5;
    double[] p = new double[210];
    landmarks.positions(w, p);
    int v = embedded.rightEye().pupilVertex(embedded.neutral());
    float[] d = embedded.shapeDeltas().get(embedded.shapeIndex("eyeLookInRight"));
    for (int i = 0; i < 3; i++) {
      assertThat(p[3 * LandmarkSet.PUPIL_A + i] - rest[3 * LandmarkSet.PUPIL_A + i])
          .isCloseTo(0.5 * 10 * d[3 * v + i], Offset.offset(1e-9));
    }
    // turned toward the nose: the subject's right eye moves toward +X
    assertThat(p[3 * LandmarkSet.PUPIL_A]).isGreaterThan(rest[3 * LandmarkSet.PUPIL_A] + 2);
  }

  @Test
  void theFaceLandmarksAreTheSameWithOrWithoutPupils() {
    FaceRig noEyes = new FaceRig(rig.name(), rig.neutral(), rig.triangles(), rig.shapeNames(), rig.shapeDeltas(),
        rig.identityNames(), rig.identityDeltas(), rig.landmarkVertices(), null, null, rig.millimetresPerUnit());
    CameraModel cam = new CameraModel(30, 1280, 720, 1000, 600, 1.0, 0.05, 0, 0);
    Performance perf = Fixtures.holding(Fixtures.rest(), 3);
    Capture with = new CameraSimulator(cam).film(new RigLandmarks(rig, new double[0]), perf, new SplittableRandom(3));
    Capture without = new CameraSimulator(cam).film(new RigLandmarks(noEyes, new double[0]), perf,
        new SplittableRandom(3));
    assertThat(with.detected().pointCount()).isEqualTo(70);
    assertThat(without.detected().pointCount()).isEqualTo(68);
    assertThat(with.detected().missing()).isEqualTo(without.detected().missing());
    for (int f = 0; f < with.detected().frameCount(); f++) {
      assertThat(java.util.Arrays.copyOf(with.detected().frames()[f], 136)).isEqualTo(without.detected().frames()[f]);
    }
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
