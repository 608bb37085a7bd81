/**
 * EIFER's studies on muscle activity and expression: the experiment on simulated Fridlund sessions against the real
 * per-emotion table ({@link dev.mimik.lab.eifer.EiferExperiment}), the evaluation of a model on recordings with known
 * blendshapes ({@link dev.mimik.lab.eifer.EiferEvaluation}), how recordings become the maps' inputs
 * ({@link dev.mimik.lab.eifer.EmgInputs}), and their reports and heat maps.
 */
package dev.mimik.lab.eifer;
