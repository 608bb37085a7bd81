package dev.mimik.learn.train;

/**
 * What one training epoch achieved.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean Wing loss over the training batches
 * @param validationNme NME in percent on the validation frames
 * @param seconds wall time of the epoch
 * @param cpuSeconds CPU time of the whole process during the epoch (all threads: the engine's, the JVM's), the
 *     figure that stays fair when other work loads the machine; 0 in histories written before it was recorded
 */
public record EpochReport(int epoch, double trainLoss, double validationNme, double seconds, double cpuSeconds) {}
