/**
 * BioFace-3D's tracking model and how it is trained: the front end that turns raw biosignals into BioNet's windows
 * ({@link dev.mimik.learn.bioface.FrontEnd}, {@link dev.mimik.learn.bioface.FeatureStream}), recording sessions and
 * their training data ({@link dev.mimik.learn.bioface.Session}, {@link dev.mimik.learn.bioface.TrainingData}), the
 * aligned landmark frame the network regresses in ({@link dev.mimik.learn.bioface.LandmarkFrame}), the blink detector
 * calibrated on the training camera ({@link dev.mimik.learn.bioface.BlinkModel}), and the model file that carries
 * them all ({@link dev.mimik.learn.bioface.TrackingModel}); tracking with it is mimik-track's.
 */
package dev.mimik.learn.bioface;
