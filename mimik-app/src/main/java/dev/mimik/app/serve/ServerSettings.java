package dev.mimik.app.serve;

import java.util.regex.Pattern;

/**
 * How {@link MimikServer} listens, whom it lets in and how much it takes from each connection: validated once by the
 * command, passed in as plain data.
 *
 * @param host the address to bind, 127.0.0.1 by default (only this machine can connect)
 * @param port the TCP port; 0 picks a free one
 * @param token the secret every request must carry, or null for none (allowed on a loopback address only: the
 *     command generates one for any other)
 * @param limits what one connection may take
 * @param maxBridgeSeconds longest ingest gap filled with interpolated samples
 */
public record ServerSettings(String host, int port, String token, Limits limits, double maxBridgeSeconds) {

  /** A token travels in URLs: at least 16 characters that need no escaping there. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{16,}");

  public ServerSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    if (token != null && !TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("a token needs at least 16 characters, each a letter, a digit or one of"
          + " . _ ~ -");
    }
    if (limits == null) {
      throw new IllegalArgumentException("limits missing");
    }
  }

  /**
   * Per-connection limits, so that a slow viewer or a flooding client can neither grow the server's memory nor slow
   * the others down.
   *
   * @param viewerQueue frames queued per viewer before the oldest is dropped
   * @param maxViewers viewers connected at once; more are refused
   * @param maxIngestClients ingest connections at once; more are refused
   * @param maxMessageBytes largest message a client may send (ingest blocks; viewers send nothing); a larger one
   *     closes the connection with status 1009
   * @param messagesPerSecond messages a connection may send per second, on average over {@code burstSeconds}
   * @param bytesPerSecond bytes a connection may send per second, on average over {@code burstSeconds}
   * @param burstSeconds how long a client may send above the rates before it is closed with status 1008
   * @param stalledViewerSeconds a viewer whose last frame has not left after this long is disconnected
   */
  public record Limits(int viewerQueue, int maxViewers, int maxIngestClients, int maxMessageBytes,
      double messagesPerSecond, double bytesPerSecond, double burstSeconds, double stalledViewerSeconds) {

    public Limits {
      if (viewerQueue < 1 || maxViewers < 1 || maxIngestClients < 1 || maxMessageBytes < 64) {
        throw new IllegalArgumentException("a viewer queue of at least one frame, at least one viewer and ingest"
            + " client, and messages of at least 64 bytes are needed");
      }
      if (!(messagesPerSecond > 0 && bytesPerSecond > 0 && burstSeconds > 0 && stalledViewerSeconds > 0)) {
        throw new IllegalArgumentException("rates, burst and stall time must be positive");
      }
    }

    /**
     * 8 queued frames per viewer, 128 viewers, 4 ingest clients, messages up to 1 MiB, 1000 messages and 8 MiB per
     * second over 2 s, viewers stalled for 10 s disconnected. A bridge sending 22 channels at 4096 Hz in JSON uses
     * about a tenth of the byte rate.
     */
    public static Limits defaults() {
      return new Limits(8, 128, 4, 1 << 20, 1000, 8 << 20, 2, 10);
    }
  }

  /** Loopback, the given port, no token, the default limits, gaps up to half a second bridged. */
  public static ServerSettings loopback(int port) {
    return new ServerSettings("127.0.0.1", port, null, Limits.defaults(), 0.5);
  }

  /** These settings listening on another address. */
  public ServerSettings withHost(String address) {
    return new ServerSettings(address, port, token, limits, maxBridgeSeconds);
  }

  /** These settings with a token every request must carry. */
  public ServerSettings withToken(String secret) {
    return new ServerSettings(host, port, secret, limits, maxBridgeSeconds);
  }

  /** These settings with other limits. */
  public ServerSettings withLimits(Limits other) {
    return new ServerSettings(host, port, token, other, maxBridgeSeconds);
  }
}
