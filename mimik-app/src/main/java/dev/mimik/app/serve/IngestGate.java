package dev.mimik.app.serve;

/**
 * Puts live blocks in order for a {@link SampleSink}: drops late and duplicate blocks (sequence not above the last
 * one passed on), flags gaps, bridges short gaps with blocks interpolated linearly between the samples either side,
 * and refuses blocks whose channel count or rate differs from the stream's first block. Not thread-safe: one gate
 * per ingest connection, fed from that connection's thread.
 */
public final class IngestGate {

  /** What the gate did with one block. */
  public enum Outcome { ACCEPTED, BRIDGED, GAP, LATE }

  private final SampleSink sink;
  private final double maxBridgeSeconds;
  private long last = -1;
  private int channels;
  private double rate;
  private double[] lastSamples;
  private int lastLength;
  private long accepted;
  private long late;
  private long missing;

  /**
   * @param sink where ordered blocks go
   * @param maxBridgeSeconds longest gap that is filled with interpolated blocks; longer gaps are only flagged
   */
  public IngestGate(SampleSink sink, double maxBridgeSeconds) {
    this.sink = sink;
    this.maxBridgeSeconds = maxBridgeSeconds;
  }

  /**
   * Passes a block on, in order.
   *
   * @throws IllegalArgumentException if its channel count or rate differs from the stream's
   */
  public Outcome offer(SampleBlock block) {
    if (last < 0) {
      channels = block.channelCount();
      rate = block.samplingRate();
    } else if (block.channelCount() != channels || block.samplingRate() != rate) {
      throw new IllegalArgumentException("block " + block.sequence() + " has " + block.channelCount()
          + " channels at " + block.samplingRate() + " Hz; the stream has " + channels + " at " + rate + " Hz");
    }
    if (last >= 0 && block.sequence() <= last) {
      late++;
      return Outcome.LATE;
    }
    Outcome outcome = Outcome.ACCEPTED;
    if (last >= 0 && block.sequence() > last + 1) {
      long count = block.sequence() - last - 1;
      missing += count;
      boolean bridge = count * (double) lastLength / rate <= maxBridgeSeconds;
      sink.gap(last + 1, count, bridge);
      if (bridge) {
        bridge(count, block);
        outcome = Outcome.BRIDGED;
      } else {
        outcome = Outcome.GAP;
      }
    }
    sink.accept(block.sequence(), block.samples());
    accepted++;
    last = block.sequence();
    lastLength = block.length();
    lastSamples = new double[channels];
    for (int c = 0; c < channels; c++) {
      lastSamples[c] = block.samples()[c][lastLength - 1];
    }
    return outcome;
  }

  private void bridge(long count, SampleBlock next) {
    long total = count * lastLength + 1;
    for (long k = 0; k < count; k++) {
      double[][] fill = new double[channels][lastLength];
      for (int c = 0; c < channels; c++) {
        double from = lastSamples[c];
        double to = next.samples()[c][0];
        for (int i = 0; i < lastLength; i++) {
          double u = (k * lastLength + i + 1) / (double) total;
          fill[c][i] = from + (to - from) * u;
        }
      }
      sink.accept(last + 1 + k, fill);
    }
  }

  /** The sequence number of the last block passed on, or -1 before the first. */
  public long last() {
    return last;
  }

  public long accepted() {
    return accepted;
  }

  public long late() {
    return late;
  }

  public long missing() {
    return missing;
  }
}
