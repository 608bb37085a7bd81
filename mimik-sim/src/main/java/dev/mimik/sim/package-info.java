/**
 * The simulator: synthetic participants perform scripted sessions on a face rig, and forward models produce every
 * sensor stream (biosignals, camera landmarks) with exact ground truth.
 */
package dev.mimik.sim;
