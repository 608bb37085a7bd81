package dev.mimik.sim.camera;

import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.signal.sync.ClockMapping;
import java.util.SplittableRandom;

/**
 * The video camera and face detector of a session.
 *
 * @param fps frames per second on the camera clock
 * @param width image width, pixels
 * @param height image height, pixels
 * @param focalPx focal length, pixels
 * @param distanceMm distance from the camera to the face centre
 * @param noisePx standard deviation of the detector's per-point jitter, pixels
 * @param dropProbability chance that the detector loses a frame
 * @param clockOffsetS camera clock reading at biosensor time 0
 * @param driftPpm how much faster the camera clock runs, parts per million
 */
public record CameraModel(double fps, int width, int height, double focalPx, double distanceMm, double noisePx,
    double dropProbability, double clockOffsetS, double driftPpm) {

  public CameraModel {
    if (!(fps > 0) || width <= 0 || height <= 0 || !(focalPx > 0) || !(distanceMm > 0) || !(noisePx >= 0)
        || !(dropProbability >= 0 && dropProbability < 1)) {
      throw new IllegalArgumentException("invalid camera model");
    }
  }

  /**
   * A 1280x720 webcam (focal 1000 px) 60 cm from the face at {@code fps}, with a detector jitter of 0.3-1.5 px,
   * 0.5-3 % dropped frames, and a clock whose offset and drift have magnitudes drawn uniformly from
   * {@code offsetS} and {@code driftPpm} ({@code {min, max}}), each of either sign.
   */
  public static CameraModel draw(double fps, double[] offsetS, double[] driftPpm, SplittableRandom r) {
    double noise = r.nextDouble(0.3, 1.5);
    double drop = r.nextDouble(0.005, 0.03);
    return new CameraModel(fps, 1280, 720, 1000, 600, noise, drop, signed(offsetS, r), signed(driftPpm, r));
  }

  private static double signed(double[] range, SplittableRandom r) {
    double magnitude = range[1] > range[0] ? r.nextDouble(range[0], range[1]) : range[0];
    return r.nextBoolean() ? magnitude : -magnitude;
  }

  /** The camera's projection, principal point at the image centre. */
  public PinholeCamera pinhole() {
    return new PinholeCamera(focalPx, width / 2.0, height / 2.0, width, height);
  }

  /**
   * The head's placement in the camera frame for a performance pose {@code {yaw, pitch, roll, tx, ty, tz}}
   * (degrees, millimetres): the pose around the rest position {@code distanceMm} in front of the camera.
   */
  public HeadPose headPose(double[] pose) {
    return HeadPose.ofEulerDegrees(pose[0], pose[1], pose[2], pose[3], pose[4], pose[5] - distanceMm);
  }

  /** The camera clock against the biosensor clock: camera time = offset + (1 + drift) * biosensor time. */
  public ClockMapping clock() {
    return new ClockMapping(clockOffsetS, driftPpm * 1e-6);
  }

  /** Biosensor time of a camera-clock time. */
  public double bioTime(double cameraTime) {
    return clock().toBiosignalTime(cameraTime);
  }
}
