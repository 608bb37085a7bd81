package dev.mimik.app.serve;

import java.util.ArrayDeque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connected viewer: a bounded queue of encoded frames with at most one send in flight. When the viewer reads
 * slower than frames arrive the oldest queued frame is dropped, so a slow viewer never holds memory or slows the
 * others down.
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

  /** Queues a message, dropping the oldest queued one if full, and starts sending if idle. */
  void offer(String message) {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (queue.size() == capacity) {
        queue.pollFirst();
        dropped++;
      }
      queue.addLast(message);
      if (sending) {
        return;
      }
      sending = true;
    }
    sendNext();
  }

  private void sendNext() {
    String next;
    synchronized (this) {
      next = closed ? null : queue.pollFirst();
      if (next == null) {
        sending = false;
        return;
      }
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
