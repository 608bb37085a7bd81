package dev.mimik.app.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket test client on the JDK's HttpClient: collects text messages and when each arrived. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

  public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<Long> arrivalsNanos = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  volatile String closedWith;
  /** Why the connection broke without a close frame (a reset under a send), or null. */
  volatile String failedWith;
  final WebSocket socket;

  private WsClient(HttpClient http, URI uri, Map<String, String> headers) {
    WebSocket.Builder builder = http.newWebSocketBuilder();
    headers.forEach(builder::header);
    this.socket = builder.buildAsync(uri, this).join();
  }

  public static WsClient open(HttpClient http, int port, String path) {
    return new WsClient(http, URI.create("ws://127.0.0.1:" + port + path), Map.of());
  }

  /** Opens a connection with extra upgrade headers (Origin, Authorization). */
  public static WsClient open(HttpClient http, int port, String path, Map<String, String> headers) {
    return new WsClient(http, URI.create("ws://127.0.0.1:" + port + path), headers);
  }

  /** The HTTP status with which the server refused an upgrade, or 101 if it accepted (the socket is closed again). */
  public static int upgradeStatus(HttpClient http, int port, String path, Map<String, String> headers) {
    try {
      new WsClient(http, URI.create("ws://127.0.0.1:" + port + path), headers).close();
      return 101;
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
      throw e;
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      arrivalsNanos.add(System.nanoTime());
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closedWith = statusCode + " " + reason;
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    failedWith = String.valueOf(error);
  }

  public String next(long seconds) throws InterruptedException {
    return messages.poll(seconds, TimeUnit.SECONDS);
  }

  void sendText(String text) {
    socket.sendText(text, true).join();
  }

  void sendBinary(ByteBuffer data) {
    socket.sendBinary(data, true).join();
  }

  @Override
  public void close() {
    socket.abort();
  }
}
