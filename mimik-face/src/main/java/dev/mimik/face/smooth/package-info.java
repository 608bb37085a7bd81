/**
 * Temporal smoothing of 2D landmark tracks: a causal constant-velocity Kalman filter for live tracking and the
 * offline Rauch-Tung-Striebel smoother, both bridging frames the detector lost by prediction.
 */
package dev.mimik.face.smooth;
