/**
 * BioFace-3D's tracking model around BioNet: the front end that turns raw biosignals into input windows
 * ({@link dev.mimik.learn.bioface.FrontEnd}, {@link dev.mimik.learn.bioface.FeatureStream}: the same code for
 * training, offline and live tracking), the training data ({@link dev.mimik.learn.bioface.TrainingData}: landmarks
 * resampled, Procrustes-aligned and synchronised with the signals, one window per frame), training
 * ({@link dev.mimik.learn.bioface.ModelTraining}), the model file ({@link dev.mimik.learn.bioface.TrackingModel}) and
 * the blink detector it carries ({@link dev.mimik.learn.bioface.BlinkModel}).
 */
package dev.mimik.learn.bioface;
