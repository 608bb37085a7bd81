package dev.mimik.app.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP and WebSocket server of {@code mimik serve}: {@code GET /} the viewer, {@code GET /face.glb} the face,
 * {@code GET /health}, WebSocket {@code /ws/frames} out and {@code /ws/ingest} in. Frames from the
 * {@link FrameSource} go to every viewer and to any extra listeners (OSC). A failing viewer, listener or ingest
 * client is logged in one line and the others go on.
 *
 * <p>Every request passes the {@link AccessGuard} (token, Host and Origin); every connection is held to the
 * {@link ServerSettings.Limits} (message size, message and byte rate, queued frames, connections at once), and
 * {@code /health} counts what was refused, closed and dropped.
 */
public final class MimikServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MimikServer.class);
  private static final String VIEWER = "/dev/mimik/app/serve/viewer";
  /** Largest message a viewer may send: viewers have nothing to say beyond control frames. */
  private static final long VIEWER_MESSAGE_BYTES = 1024;

  private final FrameSource source;
  private final SampleSink ingestSink;
  private final Supplier<byte[]> face;
  private final ServerSettings settings;
  private final FrameBroadcaster broadcaster;
  private final List<FrameSource.Listener> listeners = new CopyOnWriteArrayList<>();
  private final IngestGate gate;
  private final AccessGuard guard;
  private final ServerSettings.Limits limits;
  private final Map<String, MessageBudget> budgets = new ConcurrentHashMap<>();
  private final AtomicInteger ingestClients = new AtomicInteger();
  private final AtomicLong refusedFull = new AtomicLong();
  private final AtomicLong closedRate = new AtomicLong();
  private final AtomicLong closedTooBig = new AtomicLong();
  private long ingestRejected;
  private long lastBlockNanos;
  private boolean idleLogged = true;
  private java.util.concurrent.ScheduledExecutorService watchdog;
  private Javalin app;

  /**
   * @param source where frames come from
   * @param ingestSink where live samples go, or null when this server takes no live input
   * @param face the face's glTF binary, or null when there is none to show
   * @param settings where to listen, whom to let in and how much each connection may take
   */
  public MimikServer(FrameSource source, SampleSink ingestSink, Supplier<byte[]> face, ServerSettings settings) {
    this.source = source;
    this.ingestSink = ingestSink;
    this.face = face;
    this.settings = settings;
    this.limits = settings.limits();
    this.guard = new AccessGuard(settings.token());
    this.broadcaster = new FrameBroadcaster(limits.viewerQueue(), limits.stalledViewerSeconds());
    this.gate = ingestSink == null ? null : new IngestGate(ingestSink, settings.maxBridgeSeconds());
    listeners.add(broadcaster);
  }

  /** Adds a receiver of every frame besides the viewers (an OSC sender); call before {@link #start}. */
  public void addListener(FrameSource.Listener listener) {
    listeners.add(listener);
  }

  /**
   * Binds the port, then starts the source.
   *
   * @throws IllegalStateException if the address is not a loopback one and the settings have no token, or the port
   *     cannot be bound
   */
  public MimikServer start() {
    if (!guard.hasToken() && !AccessGuard.isLoopback(settings.host())) {
      throw new IllegalStateException("listening on " + settings.host() + " needs a token: anyone who can reach"
          + " it could watch the face and push samples");
    }
    Javalin created = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.before(this::admit);
      config.routes.wsBeforeUpgrade(this::admitUpgrade);
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

  /** A new random token for a server that listens beyond loopback (32 bytes from SecureRandom, URL-safe). */
  public static String newToken() {
    return AccessGuard.newToken();
  }

  /** Whether an address is a loopback one, where a server may go without a token. */
  public static boolean isLoopback(String address) {
    return AccessGuard.isLoopback(address);
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
    h.put("refused", Map.of("unauthorized", guard.unauthorized(), "foreign_origin", guard.foreignOrigin(),
        "foreign_host", guard.foreignHost(), "full", refusedFull.get()));
    h.put("closed", Map.of("rate_limit", closedRate.get(), "too_big", closedTooBig.get(), "stalled",
        broadcaster.stalled()));
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

  /** HTTP requests: the guard's verdict; the token, once shown, travels on in a cookie for the page's assets. */
  private void admit(Context ctx) {
    if (ctx.path().equals("/ws/frames") || ctx.path().equals("/ws/ingest")) {
      return; // judged by admitUpgrade (by path, not by an Upgrade header a client could add to any request)
    }
    enforce(ctx, guard.check(ctx.header("Host"), null, ctx.header("Authorization"), ctx.queryParam("token"),
        ctx.cookie(AccessGuard.COOKIE), false));
    if (guard.hasToken() && !guard.matches(ctx.cookie(AccessGuard.COOKIE))) {
      ctx.header("Set-Cookie", AccessGuard.COOKIE + "=" + settings.token() + "; Path=/; HttpOnly; SameSite=Strict");
    }
  }

  /** WebSocket upgrades: the guard's verdict (Origin included), then room for one more connection. */
  private void admitUpgrade(Context ctx) {
    enforce(ctx, guard.check(ctx.header("Host"), ctx.header("Origin"), ctx.header("Authorization"),
        ctx.queryParam("token"), ctx.cookie(AccessGuard.COOKIE), true));
    boolean full = ctx.path().equals("/ws/frames") ? broadcaster.viewers() >= limits.maxViewers()
        : ctx.path().equals("/ws/ingest") && ingestClients.get() >= limits.maxIngestClients();
    if (full) {
      refusedFull.incrementAndGet();
      throw new HttpResponseException(503, "this server has as many " + (ctx.path().equals("/ws/frames")
          ? "viewers (" + limits.maxViewers() : "ingest clients (" + limits.maxIngestClients()) + ") as it takes");
    }
  }

  private static void enforce(Context ctx, AccessGuard.Verdict verdict) {
    if (verdict == AccessGuard.Verdict.ALLOW) {
      return;
    }
    if (verdict == AccessGuard.Verdict.NO_TOKEN) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"mimik\"");
    }
    LOG.info("refused {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(), verdict);
    throw new HttpResponseException(verdict.status, verdict.reason);
  }

  /**
   * Applies the connection's limits to a message just received; closes the connection (1008) when it sends more
   * than its budget. Returns whether the message may be handled.
   */
  private boolean withinBudget(WsContext ctx, long bytes) {
    MessageBudget budget = budgets.get(ctx.sessionId());
    if (budget == null || budget.admit(bytes, System.nanoTime())) {
      return budget != null;
    }
    budgets.remove(ctx.sessionId());
    closedRate.incrementAndGet();
    LOG.warn("client {} sent more than {} messages or {} bytes per second: closed", ctx.sessionId(),
        limits.messagesPerSecond(), limits.bytesPerSecond());
    ctx.closeSession(1008, "too many messages: at most " + (long) limits.messagesPerSecond() + " messages and "
        + (long) limits.bytesPerSecond() + " bytes per second");
    return false;
  }

  /** Per-connection limits on what a client may send, and on what may wait to go out to it. */
  private void limit(WsContext ctx, long maxMessageBytes) {
    ctx.session.setMaxTextMessageSize(maxMessageBytes);
    ctx.session.setMaxBinaryMessageSize(maxMessageBytes);
    ctx.session.setMaxOutgoingFrames(4 + limits.viewerQueue());
    budgets.put(ctx.sessionId(), new MessageBudget(limits, System.nanoTime()));
  }

  /** Counts the connections the WebSocket layer closed for a message over the size limit (status 1009). */
  private void closed(WsContext ctx, int status) {
    budgets.remove(ctx.sessionId());
    if (status == 1009) {
      closedTooBig.incrementAndGet();
      LOG.warn("client {} sent a message over {} bytes: closed", ctx.sessionId(), limits.maxMessageBytes());
    }
  }

  private void frames(WsConfig ws) {
    ws.onConnect(ctx -> {
      limit(ctx, VIEWER_MESSAGE_BYTES);
      ctx.enableAutomaticPings();
      broadcaster.connect(ctx.sessionId(), ctx.session);
    });
    // viewers have nothing to say: what they send is only counted against their budget
    ws.onMessage(ctx -> withinBudget(ctx, ctx.message().length()));
    ws.onBinaryMessage(ctx -> withinBudget(ctx, ctx.data().remaining()));
    ws.onClose(ctx -> {
      closed(ctx, ctx.status());
      broadcaster.disconnect(ctx.sessionId(), "closed " + ctx.status());
    });
    ws.onError(ctx -> broadcaster.disconnect(ctx.sessionId(), "error " + ctx.error()));
  }

  private void ingest(WsConfig ws) {
    ws.onConnect(ctx -> {
      if (gate == null) {
        LOG.info("ingest client {} refused: this server plays a replay, it takes no live samples", ctx.host());
        ctx.closeSession(1008, "this server takes no live samples (start mimik serve with --ingest)");
        return;
      }
      limit(ctx, limits.maxMessageBytes());
      ingestClients.incrementAndGet();
      LOG.info("ingest client {} connected", ctx.sessionId());
    });
    ws.onMessage(ctx -> {
      String text = ctx.message();
      if (withinBudget(ctx, text.length())) {
        ingestBlock(ctx, () -> IngestDecoder.decodeJson(text));
      }
    });
    ws.onBinaryMessage(ctx -> {
      ByteBuffer data = ctx.data();
      if (withinBudget(ctx, data.remaining())) {
        ingestBlock(ctx, () -> IngestDecoder.decodeBinary(data));
      }
    });
    ws.onClose(ctx -> {
      closed(ctx, ctx.status());
      if (gate != null) {
        ingestClients.decrementAndGet();
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
      // at most a few replies wait to go out (the session's outgoing limit): a client that floods garbage and never
      // reads loses its replies rather than growing the server's memory
      ctx.session.sendText("{\"error\":" + quote(e.getMessage()) + "}", Callback.NOOP);
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
