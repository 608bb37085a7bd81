package dev.mimik.app.serve;

/**
 * One block of live samples as a device bridge sends it on {@code /ws/ingest}.
 *
 * @param sequence the sender's block counter, increasing by one per block
 * @param samplingRate samples per second per channel
 * @param samples {@code [channel][sample]}, every channel the same length
 */
public record SampleBlock(long sequence, double samplingRate, double[][] samples) {

  public int channelCount() {
    return samples.length;
  }

  public int length() {
    return samples.length == 0 ? 0 : samples[0].length;
  }
}
