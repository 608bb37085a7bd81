/**
 * The camera forward model: the rig's landmarks posed by the performance, projected through a pinhole camera and
 * reported as a face detector would (jitter, dropped frames) on a clock of its own.
 */
package dev.mimik.sim.camera;
