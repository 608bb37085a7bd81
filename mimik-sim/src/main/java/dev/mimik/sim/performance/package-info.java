/**
 * Performances: what a participant's face does over a session (scripted expressions, blinks, gaze, speech, head
 * motion) as ARKit-52 weight tracks at a high internal rate, with the script as ground truth.
 */
package dev.mimik.sim.performance;
