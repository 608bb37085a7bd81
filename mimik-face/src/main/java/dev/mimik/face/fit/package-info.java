/**
 * Fitting a face rig to 2D landmarks: head pose, expression weights (ARKit 52, in [0, 1]) and, once per person,
 * identity. Entry point: {@link dev.mimik.face.fit.RigFitter}.
 */
package dev.mimik.face.fit;
