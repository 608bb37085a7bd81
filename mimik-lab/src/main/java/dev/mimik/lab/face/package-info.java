/**
 * The reconstructed 3D face against the simulator's true one: the scores of "Eye Motion Matters"
 * ({@link dev.mimik.lab.face.FaceScores}) and its ablation of ELAM and LDL ({@link dev.mimik.lab.face.FaceFitAblation}).
 */
package dev.mimik.lab.face;
