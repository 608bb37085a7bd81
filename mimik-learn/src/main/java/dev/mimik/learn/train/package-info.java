/** Training BioNet: options, the time-blocked validation split, the resumable optimiser and the training loop with checkpoints. */
package dev.mimik.learn.train;
