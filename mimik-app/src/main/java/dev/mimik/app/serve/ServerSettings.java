package dev.mimik.app.serve;

/**
 * How {@link MimikServer} listens and buffers: validated once by the command, passed in as plain data.
 *
 * @param host the address to bind, 127.0.0.1 by default (only this machine can connect)
 * @param port the TCP port; 0 picks a free one
 * @param viewerQueue frames queued per viewer before the oldest is dropped
 * @param maxBridgeSeconds longest ingest gap filled with interpolated samples
 */
public record ServerSettings(String host, int port, int viewerQueue, double maxBridgeSeconds) {

  public ServerSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    if (viewerQueue < 1) {
      throw new IllegalArgumentException("viewer queue must hold at least one frame");
    }
  }

  /** Loopback, the given port, 8 queued frames per viewer, gaps up to half a second bridged. */
  public static ServerSettings loopback(int port) {
    return new ServerSettings("127.0.0.1", port, 8, 0.5);
  }
}
