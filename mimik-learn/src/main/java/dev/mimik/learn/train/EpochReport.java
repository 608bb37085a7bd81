package dev.mimik.learn.train;

/**
 * What one training epoch achieved.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean Wing loss over the training batches
 * @param validationNme NME in percent on the validation frames
 * @param seconds wall time of the epoch
 */
public record EpochReport(int epoch, double trainLoss, double validationNme, double seconds) {}
