/**
 * The stages of the tracking pipeline: BioNet ({@link dev.mimik.track.stage.NetworkStage}), landmark smoothing
 * (causal {@link dev.mimik.track.stage.KalmanStage}, two-sided {@link dev.mimik.track.stage.RtsStage}), eye state
 * and ELAM ({@link dev.mimik.track.stage.EyeStage}), and the face fit with identity and LDL
 * ({@link dev.mimik.track.stage.FaceFitStage}).
 */
package dev.mimik.track.stage;
