/**
 * Eye state from 2D landmarks and the eyelid landmark adjustment (ELAM) of "Eye Motion Matters for 3D Face
 * Reconstruction": eyelid aperture per eye, a calibrated closure probability, the fusion with a biosignal (EOG)
 * closure probability, and the adjustment that moves the upper lid toward the lower lid before fitting.
 */
package dev.mimik.face.eyes;
