package dev.mimik.app.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every frame to every connected viewer: encodes it once, then hands it to each viewer's bounded queue, and
 * disconnects a viewer whose last frame has not left for the stall limit (its peer stopped reading). Keeps the counts
 * {@code /health} reports (frames, frames per second over the last second, viewers, frames dropped for slow viewers
 * since the start, viewers disconnected as stalled).
 */
final class FrameBroadcaster implements FrameSource.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(FrameBroadcaster.class);

  private final int queueCapacity;
  private final long stallNanos;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong stalled = new AtomicLong();
  private final Map<String, ViewerConnection> viewers = new ConcurrentHashMap<>();
  private final AtomicLong frames = new AtomicLong();
  private final long[] recent = new long[256];
  private int recentNext;
  private volatile String ended;

  FrameBroadcaster(int queueCapacity, double stalledViewerSeconds) {
    this.queueCapacity = queueCapacity;
    this.stallNanos = (long) (stalledViewerSeconds * 1e9);
  }

  void connect(String id, Session session) {
    viewers.put(id, new ViewerConnection(id, session, queueCapacity));
    LOG.info("viewer {} connected ({} now)", id, viewers.size());
  }

  void disconnect(String id, String why) {
    ViewerConnection v = viewers.remove(id);
    if (v != null) {
      v.close();
      LOG.info("viewer {} left ({}): {} frames sent, {} dropped as it fell behind; {} viewers now", id, why,
          v.sentCount(), v.droppedCount(), viewers.size());
    }
  }

  @Override
  public void onFrame(TrackedFrame frame) {
    String json = FrameJson.encode(frame, System.currentTimeMillis());
    frames.incrementAndGet();
    synchronized (recent) {
      recent[recentNext] = System.nanoTime();
      recentNext = (recentNext + 1) % recent.length;
    }
    long now = System.nanoTime();
    for (ViewerConnection v : viewers.values()) {
      if (v.offer(json)) {
        dropped.incrementAndGet();
      }
      if (v.stalledNanos(now) > stallNanos && viewers.remove(v.id()) != null) {
        stalled.incrementAndGet();
        v.disconnect();
        LOG.info("viewer {} disconnected: its last frame has not left for {} s ({} frames sent, {} dropped); {}"
            + " viewers now", v.id(), stallNanos / 1_000_000_000L, v.sentCount(), v.droppedCount(), viewers.size());
      }
    }
  }

  @Override
  public void onEnd(String why) {
    ended = why;
    LOG.info("{}; still serving, no new frames", why);
  }

  long frames() {
    return frames.get();
  }

  /** Frames dropped since the start for viewers that fell behind, those gone included. */
  long dropped() {
    return dropped.get();
  }

  /** Viewers disconnected since the start because they stopped reading. */
  long stalled() {
    return stalled.get();
  }

  int viewers() {
    return viewers.size();
  }

  /** Why the source ended, or null while it runs. */
  String ended() {
    return ended;
  }

  /** Frames broadcast during the last second. */
  double fps() {
    long now = System.nanoTime();
    int n = 0;
    synchronized (recent) {
      for (long t : recent) {
        if (t != 0 && now - t <= 1_000_000_000L) {
          n++;
        }
      }
    }
    return n;
  }

  void closeAll() {
    viewers.values().forEach(ViewerConnection::close);
    viewers.clear();
  }
}
