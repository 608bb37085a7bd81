package dev.mimik.sim.camera;

import dev.mimik.core.data.LandmarkTrack;

/**
 * What the camera produced, with its exact truth.
 *
 * @param detected the detector's 68 landmarks (70 with the pupils), times on the camera clock, jittered, some
 *     frames missing
 * @param exact the exact projected landmarks of the same frames, times on the biosensor clock
 * @param headPose per frame {@code {yaw, pitch, roll, tx, ty, tz}} (degrees, millimetres), biosensor clock
 */
public record Capture(LandmarkTrack detected, LandmarkTrack exact, double[][] headPose) {}
