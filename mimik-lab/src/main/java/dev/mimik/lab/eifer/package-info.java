/**
 * EIFER's studies on muscle activity and expression: the simulator's muscle model held out on the real
 * voluntary-exercise table ({@link dev.mimik.lab.eifer.ExerciseValidation}), the experiment on simulated Fridlund
 * sessions against the real per-emotion table ({@link dev.mimik.lab.eifer.EiferExperiment}), both in the order
 * {@code mimik emg experiment} runs them ({@link dev.mimik.lab.eifer.EiferStudy}), the evaluation of a model on
 * recordings with known blendshapes ({@link dev.mimik.lab.eifer.EiferEvaluation}), how recordings become the maps'
 * inputs ({@link dev.mimik.lab.eifer.EmgInputs}), and their reports and heat maps.
 */
package dev.mimik.lab.eifer;
