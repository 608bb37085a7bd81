/**
 * Fitting a face rig to 2D landmarks: head pose, expression weights (ARKit 52, in [0, 1]) and, once per person,
 * identity. Entry point: {@link dev.mimik.face.fit.RigFitter}.
 *
 * <p>{@code RigFitter} is a facade over one class per algorithm: {@code InitialPose} (the closed-form first pose),
 * {@code BoundedLevenbergMarquardt} (the solver, which knows nothing of faces), {@code FrameObjective} over
 * {@code LandmarkResiduals} and {@code LocalDistanceResiduals} (one frame's cost and its Jacobian rows),
 * {@code IdentityFit} (the Schur-complement fit over many frames), {@code RestOffsets} (the landmark offsets of a
 * person's {@link dev.mimik.face.fit.RestShape}) and {@code Rotations}. The camera projects itself
 * ({@link dev.mimik.face.camera.Camera}), so a new camera model needs no change here.
 */
package dev.mimik.face.fit;
