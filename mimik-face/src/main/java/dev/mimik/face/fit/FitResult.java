package dev.mimik.face.fit;

import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.HeadPose;

/**
 * One frame's fit.
 *
 * @param pose head pose (rig to camera frame)
 * @param camera the camera used; for a weak-perspective camera, with its fitted scale
 * @param weights expression weights in [0, 1], in the rig's target order
 * @param residualPx root-mean-square distance in pixels between the observed and the fitted landmarks
 * @param iterations Gauss-Newton iterations spent
 */
public record FitResult(HeadPose pose, Camera camera, double[] weights, double residualPx, int iterations) {}
