/** Facial muscles: where they lie and how much each is active for a set of ARKit (FACS-based) blendshape weights. */
package dev.mimik.sim.muscle;
