package dev.mimik.app.serve;

import java.util.ArrayDeque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connected viewer: a bounded queue of encoded frames with at most one send in flight. When the viewer reads
 * slower than frames arrive the oldest queued frame is dropped, so a slow viewer never holds memory or slows the
 * others down; how long the send in flight has waited tells the broadcaster when a viewer has stopped reading.
 */
final class ViewerConnection {

  private final String id;
  private final Session session;
  private final int capacity;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean closed;
  private long sent;
  private long dropped;
  private long inFlightSince;

  ViewerConnection(String id, Session session, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1");
    }
    this.id = id;
    this.session = session;
    this.capacity = capacity;
  }

  String id() {
    return id;
  }

  /**
   * Queues a message, dropping the oldest queued one if full, and starts sending if idle.
   *
   * @return whether a queued frame was dropped to make room
   */
  boolean offer(String message) {
    boolean droppedOne = false;
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (queue.size() == capacity) {
        queue.pollFirst();
        dropped++;
        droppedOne = true;
      }
      queue.addLast(message);
      if (sending) {
        return droppedOne;
      }
      sending = true;
    }
    sendNext();
    return droppedOne;
  }

  /** How long the send in flight has been waiting at {@code nowNanos}, 0 when none is. */
  synchronized long stalledNanos(long nowNanos) {
    return sending && inFlightSince != 0 ? nowNanos - inFlightSince : 0;
  }

  /** Drops the connection at once, without a closing handshake the stalled peer would not read. */
  void disconnect() {
    close();
    session.disconnect();
  }

  private void sendNext() {
    String next;
    synchronized (this) {
      next = closed ? null : queue.pollFirst();
      if (next == null) {
        sending = false;
        inFlightSince = 0;
        return;
      }
      inFlightSince = System.nanoTime();
    }
    session.sendText(next, Callback.from(this::sent, this::failed));
  }

  private void sent() {
    synchronized (this) {
      sent++;
    }
    sendNext();
  }

  private void failed(Throwable t) {
    close();
  }

  synchronized void close() {
    closed = true;
    queue.clear();
    sending = false;
  }

  synchronized long sentCount() {
    return sent;
  }

  synchronized long droppedCount() {
    return dropped;
  }
}
