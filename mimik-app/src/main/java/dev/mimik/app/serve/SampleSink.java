package dev.mimik.app.serve;

/**
 * Receives live biosignal samples from the ingest WebSocket, in order: the tracker implements it. The ingest side
 * has already dropped late and duplicate blocks and bridged short gaps, so sequences arrive strictly increasing.
 */
public interface SampleSink {

  /**
   * One block of samples.
   *
   * @param sequence the block's sequence number (strictly increasing across calls)
   * @param samplesPerChannel {@code [channel][sample]}, every channel the same length
   */
  void accept(long sequence, double[][] samplesPerChannel);

  /**
   * Blocks {@code firstMissing .. firstMissing + count - 1} never arrived. Called before the next {@link #accept};
   * when the gap was short it is followed by bridged (interpolated) blocks carrying the missing sequence numbers.
   */
  default void gap(long firstMissing, long count, boolean bridged) {}
}
