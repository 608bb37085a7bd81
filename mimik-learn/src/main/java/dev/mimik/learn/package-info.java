/**
 * Learned models of mimik: BioNet (biosignal windows to landmarks) with its loss, training loop, model file and a
 * ridge-regression baseline, all behind {@link dev.mimik.learn.LandmarkRegressor}.
 */
package dev.mimik.learn;
