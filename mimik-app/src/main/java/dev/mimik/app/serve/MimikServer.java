package dev.mimik.app.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP and WebSocket server of {@code mimik serve}: {@code GET /} the viewer, {@code GET /face.glb} the face,
 * {@code GET /health}, WebSocket {@code /ws/frames} out and {@code /ws/ingest} in. Frames from the
 * {@link FrameSource} go to every viewer and to any extra listeners (OSC). A failing viewer, listener or ingest
 * client is logged in one line and the others go on.
 */
public final class MimikServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MimikServer.class);
  private static final String VIEWER = "/dev/mimik/app/serve/viewer";

  private final FrameSource source;
  private final SampleSink ingestSink;
  private final Supplier<byte[]> face;
  private final ServerSettings settings;
  private final FrameBroadcaster broadcaster;
  private final List<FrameSource.Listener> listeners = new CopyOnWriteArrayList<>();
  private final IngestGate gate;
  private long ingestRejected;
  private long lastBlockNanos;
  private boolean idleLogged = true;
  private java.util.concurrent.ScheduledExecutorService watchdog;
  private Javalin app;

  /**
   * @param source where frames come from
   * @param ingestSink where live samples go, or null when this server takes no live input
   * @param face the face's glTF binary, or null when there is none to show
   * @param settings where to listen and how much to buffer
   */
  public MimikServer(FrameSource source, SampleSink ingestSink, Supplier<byte[]> face, ServerSettings settings) {
    this.source = source;
    this.ingestSink = ingestSink;
    this.face = face;
    this.settings = settings;
    this.broadcaster = new FrameBroadcaster(settings.viewerQueue());
    this.gate = ingestSink == null ? null : new IngestGate(ingestSink, settings.maxBridgeSeconds());
    listeners.add(broadcaster);
  }

  /** Adds a receiver of every frame besides the viewers (an OSC sender); call before {@link #start}. */
  public void addListener(FrameSource.Listener listener) {
    listeners.add(listener);
  }

  /** Binds the port, then starts the source. */
  public MimikServer start() {
    Javalin created = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.staticFiles.enableWebjars();
      config.staticFiles.add(files -> {
        files.hostedPath = "/viewer";
        files.directory = VIEWER;
        files.location = Location.CLASSPATH;
      });
      config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(resource("index.html")));
      config.routes.get("/face.glb", this::face);
      config.routes.get("/health", ctx -> ctx.json(health()));
      config.routes.ws("/ws/frames", this::frames);
      config.routes.ws("/ws/ingest", this::ingest);
    });
    try {
      app = created.start(settings.host(), settings.port());
    } catch (io.javalin.util.JavalinBindException e) {
      throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port()
          + ": the port is in use or the address is not this machine's", e);
    }
    source.start(new FrameSource.Listener() {
      @Override
      public void onFrame(TrackedFrame frame) {
        for (FrameSource.Listener l : listeners) {
          try {
            l.onFrame(frame);
          } catch (RuntimeException e) {
            LOG.warn("a frame listener failed, frame at t={} skipped for it: {}", frame.t(), e.toString());
          }
        }
      }

      @Override
      public void onEnd(String why) {
        listeners.forEach(l -> l.onEnd(why));
      }
    });
    if (gate != null) {
      watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mimik-ingest-watchdog");
        t.setDaemon(true);
        return t;
      });
      watchdog.scheduleWithFixedDelay(this::checkIngestIdle, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
    LOG.info("serving {} at http://{}:{}/", source.describe(), settings.host(), app.port());
    return this;
  }

  /** The port the server listens on (useful when it was started on port 0). */
  public int port() {
    return app.port();
  }

  /** The counts {@code GET /health} reports. */
  public Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", "ok");
    h.put("frames", broadcaster.frames());
    h.put("fps", broadcaster.fps());
    h.put("viewers", broadcaster.viewers());
    h.put("dropped", broadcaster.dropped());
    h.put("source", source.describe());
    h.put("source_ended", broadcaster.ended() != null);
    if (gate != null) {
      synchronized (gate) {
        double idle = gate.accepted() == 0 ? -1 : (System.nanoTime() - lastBlockNanos) / 1e9;
        h.put("ingest", Map.of("accepted", gate.accepted(), "late_dropped", gate.late(), "missing",
            gate.missing(), "rejected", ingestRejected, "idle_s", idle));
      }
    }
    return h;
  }

  private void face(Context ctx) {
    byte[] bytes = face == null ? null : face.get();
    if (bytes == null) {
      ctx.status(404).result("no face model: start mimik serve with one");
      return;
    }
    ctx.contentType("model/gltf-binary").result(bytes);
  }

  private void frames(WsConfig ws) {
    ws.onConnect(ctx -> {
      ctx.enableAutomaticPings();
      broadcaster.connect(ctx.sessionId(), ctx.session);
    });
    ws.onClose(ctx -> broadcaster.disconnect(ctx.sessionId(), "closed " + ctx.status()));
    ws.onError(ctx -> broadcaster.disconnect(ctx.sessionId(), "error " + ctx.error()));
  }

  private void ingest(WsConfig ws) {
    ws.onConnect(ctx -> {
      if (gate == null) {
        LOG.info("ingest client {} refused: this server plays a replay, it takes no live samples", ctx.host());
        ctx.closeSession(1008, "this server takes no live samples (start mimik serve with --ingest)");
        return;
      }
      LOG.info("ingest client {} connected", ctx.sessionId());
    });
    ws.onMessage(ctx -> ingestBlock(ctx, () -> IngestDecoder.decodeJson(ctx.message())));
    ws.onBinaryMessage(ctx -> {
      ByteBuffer data = ctx.data();
      ingestBlock(ctx, () -> IngestDecoder.decodeBinary(data));
    });
    ws.onClose(ctx -> {
      if (gate != null) {
        LOG.info("ingest client {} left ({}); waiting for samples", ctx.sessionId(), ctx.status());
      }
    });
  }

  private void ingestBlock(WsContext ctx, Supplier<SampleBlock> decode) {
    if (gate == null) {
      return;
    }
    try {
      SampleBlock block = decode.get();
      IngestGate.Outcome outcome;
      synchronized (gate) {
        outcome = gate.offer(block);
        lastBlockNanos = System.nanoTime();
        idleLogged = false;
      }
      if (outcome == IngestGate.Outcome.GAP || outcome == IngestGate.Outcome.BRIDGED) {
        LOG.info("ingest: blocks missing before sequence {} ({})", block.sequence(),
            outcome == IngestGate.Outcome.BRIDGED ? "bridged by interpolation" : "too long to bridge");
      }
    } catch (IllegalArgumentException e) {
      synchronized (gate) {
        ingestRejected++;
      }
      LOG.warn("ingest client {} sent a bad block, dropped: {}", ctx.sessionId(), e.getMessage());
      ctx.send("{\"error\":" + quote(e.getMessage()) + "}");
    }
  }

  /** Logs one line when live samples stop arriving for two seconds (the bridge or the device went quiet). */
  private void checkIngestIdle() {
    synchronized (gate) {
      if (!idleLogged && System.nanoTime() - lastBlockNanos > 2_000_000_000L) {
        idleLogged = true;
        LOG.warn("ingest: no samples for 2 s after sequence {}; still serving, waiting for the device bridge",
            gate.last());
      }
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ") + "\"";
  }

  private static InputStream resource(String name) {
    InputStream in = MimikServer.class.getResourceAsStream(VIEWER + "/" + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("viewer resource missing from the jar: " + name));
    }
    return in;
  }

  /** Stops the source, closes every viewer and releases the port. */
  @Override
  public void close() {
    source.stop();
    if (watchdog != null) {
      watchdog.shutdownNow();
    }
    broadcaster.closeAll();
    if (app != null) {
      app.stop();
    }
    LOG.info("stopped");
  }
}
