package dev.mimik.app.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket test client on the JDK's HttpClient: collects text messages and when each arrived. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

  public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<Long> arrivalsNanos = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  volatile String closedWith;
  final WebSocket socket;

  private WsClient(HttpClient http, URI uri) {
    this.socket = http.newWebSocketBuilder().buildAsync(uri, this).join();
  }

  public static WsClient open(HttpClient http, int port, String path) {
    return new WsClient(http, URI.create("ws://127.0.0.1:" + port + path));
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
