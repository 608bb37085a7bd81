package dev.mimik.app.serve;

/**
 * What one connection may still send: two token buckets, one counting messages and one bytes, each refilled at its
 * rate and holding at most {@code burstSeconds} of it. A message the buckets cannot pay for is over the limit.
 * Thread-safe; one per connection.
 */
final class MessageBudget {

  private final double messagesPerSecond;
  private final double bytesPerSecond;
  private final double burstSeconds;
  private double messages;
  private double bytes;
  private long last;

  /** A full budget at time {@code nowNanos}. */
  MessageBudget(ServerSettings.Limits limits, long nowNanos) {
    this.messagesPerSecond = limits.messagesPerSecond();
    this.bytesPerSecond = limits.bytesPerSecond();
    this.burstSeconds = limits.burstSeconds();
    this.messages = messagesPerSecond * burstSeconds;
    this.bytes = bytesPerSecond * burstSeconds;
    this.last = nowNanos;
  }

  /** Pays for one message of {@code size} bytes received at {@code nowNanos}; false when the budget is spent. */
  synchronized boolean admit(long size, long nowNanos) {
    double elapsed = Math.max(0, nowNanos - last) / 1e9;
    last = Math.max(last, nowNanos);
    messages = Math.min(messagesPerSecond * burstSeconds, messages + elapsed * messagesPerSecond);
    bytes = Math.min(bytesPerSecond * burstSeconds, bytes + elapsed * bytesPerSecond);
    if (messages < 1 || bytes < size) {
      return false;
    }
    messages -= 1;
    bytes -= size;
    return true;
  }
}
