package dev.mimik.sim.camera;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.sim.performance.Performance;
import java.util.SplittableRandom;
import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.camera.PinholeCamera;
import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Films a performance: poses the rig's landmarks at each camera frame (68, or 70 with the pupils), places the head
 * in front of the camera, projects, and adds the detector's jitter and dropped frames.
 *
 * <p>Frame {@code k >= 0} is taken at camera time {@code k / fps}, which is biosensor time
 * {@link CameraModel#bioTime}, from the camera's own start (camera time 0) until the performance ends. A camera
 * started before the biosignals (a positive clock offset) films the face before the performance begins, held as
 * it is at its start; its frame times, like a video file's, begin at 0 whatever the offset, so they do not give the
 * offset away.
 */
public final class CameraSimulator {

  private static final int FACE_COORDINATES = 136;
  private final CameraModel camera;

  public CameraSimulator(CameraModel camera) {
    this.camera = camera;
  }

  /** Films {@code perf} with the given landmarks; the detector's randomness comes from {@code r}. */
  public Capture film(RigLandmarks face, Performance perf, SplittableRandom r) {
    double duration = perf.durationSeconds();
    int count = 0;
    while (camera.bioTime(count / camera.fps()) < duration) {
      count++;
    }
    double[] camTimes = new double[count];
    double[] bioTimes = new double[count];
    int n = face.pointCount();
    double[][] exact = new double[count][2 * n];
    double[][] detected = new double[count][];
    boolean[] missing = new boolean[count];
    boolean[] none = new boolean[count];
    double[][] pose = new double[count][6];
    PinholeCamera cam = camera.pinhole();
    double[] weights = new double[52];
    double[] points = new double[3 * n];
    for (int f = 0; f < count; f++) {
      camTimes[f] = f / camera.fps();
      double t = camera.bioTime(camTimes[f]);
      bioTimes[f] = t;
      for (int k = 0; k < weights.length; k++) {
        weights[k] = perf.weightAt(k, t);
      }
      for (int a = 0; a < 6; a++) {
        pose[f][a] = headAt(perf, a, t);
      }
      face.positions(weights, points);
      HeadPose head = camera.headPose(pose[f]);
      for (int p = 0; p < n; p++) {
        Vector2D uv = cam.project(head.apply(new Vector3D(points[3 * p], points[3 * p + 1], points[3 * p + 2])));
        exact[f][2 * p] = uv.getX();
        exact[f][2 * p + 1] = uv.getY();
      }
      missing[f] = r.nextDouble() < camera.dropProbability();
      double[] d = new double[2 * n];
      double sigma = camera.noisePx() * (r.nextDouble() < 0.005 ? 5 : 1);
      for (int i = 0; i < FACE_COORDINATES; i++) {
        d[i] = missing[f] ? Double.NaN : exact[f][i] + sigma * r.nextGaussian();
      }
      detected[f] = d;
    }
    // the pupils' jitter comes after the face's, so that the 68 points are the same with or without pupils
    for (int f = 0; f < count; f++) {
      for (int i = FACE_COORDINATES; i < 2 * n; i++) {
        detected[f][i] = missing[f] ? Double.NaN : exact[f][i] + camera.noisePx() * r.nextGaussian();
      }
    }
    return new Capture(new LandmarkTrack(camTimes, n, detected, missing),
        new LandmarkTrack(bioTimes, n, exact, none), pose);
  }

  private static double headAt(Performance perf, int axis, double t) {
    double[][] h = perf.headPose();
    double x = Math.max(0, Math.min(h.length - 1, t * perf.rate()));
    int i = Math.min((int) x, h.length - 2);
    return h[i][axis] + (x - i) * (h[i + 1][axis] - h[i][axis]);
  }
}
