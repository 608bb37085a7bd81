package dev.mimik.app.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who may use the server: decides for each HTTP request and WebSocket upgrade from its headers alone, and counts
 * whom it turned away.
 *
 * <ul>
 *   <li>With a token, every request must carry it: header {@code Authorization: Bearer TOKEN}, query parameter
 *       {@code token=TOKEN} (browsers, WebSocket upgrades), or the cookie {@value #COOKIE} the server sets when a
 *       request brought the token (so that the page's scripts and styles load). Otherwise 401.</li>
 *   <li>Without a token (loopback only), the {@code Host} header must name a loopback address: a page from another
 *       site whose name was made to resolve to 127.0.0.1 (DNS rebinding) is refused with 403.</li>
 *   <li>A WebSocket upgrade with an {@code Origin} header must come from the server's own origin ({@code http://}
 *       and the {@code Host} the client asked for); a foreign origin is refused with 403. Clients that are not
 *       browsers send no {@code Origin} and are let through.</li>
 * </ul>
 */
final class AccessGuard {

  /** The cookie carrying the token for the viewer page's own requests. */
  static final String COOKIE = "mimik_token";

  /** What the guard decided about one request. */
  enum Verdict {
    ALLOW(200, null),
    NO_TOKEN(401, "this server needs its token: open the address mimik serve printed (with ?token=...) or send"
        + " 'Authorization: Bearer TOKEN'"),
    FOREIGN_HOST(403, "the Host header does not name this machine's loopback address"),
    FOREIGN_ORIGIN(403, "WebSocket connections are accepted from this server's own pages only");

    final int status;
    final String reason;

    Verdict(int status, String reason) {
      this.status = status;
      this.reason = reason;
    }
  }

  private final byte[] token;
  private final AtomicLong unauthorized = new AtomicLong();
  private final AtomicLong foreignHost = new AtomicLong();
  private final AtomicLong foreignOrigin = new AtomicLong();

  /** @param token the secret every request must carry, or null for none */
  AccessGuard(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /** A new random token: 32 bytes from {@link SecureRandom}, URL-safe base64 (43 characters). */
  static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether an address (a name or a literal) is a loopback address. */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Whether a Host header's name is {@code localhost} or a loopback literal, without asking DNS: a rebinding
   * attacker's name resolves to 127.0.0.1 too.
   */
  static boolean namesLoopback(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("localhost") || n.equals("localhost.")) {
      return true;
    }
    boolean literal = n.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (n.contains(":") && n.matches("[0-9a-f:.]+"));
    return literal && isLoopback(n);
  }

  boolean hasToken() {
    return token != null;
  }

  /**
   * Decides on one request.
   *
   * @param host the {@code Host} header (may be null)
   * @param origin the {@code Origin} header, checked only when {@code upgrade} (may be null)
   * @param authorization the {@code Authorization} header (may be null)
   * @param queryToken the {@code token} query parameter (may be null)
   * @param cookieToken the {@value #COOKIE} cookie (may be null)
   * @param upgrade whether this is a WebSocket upgrade
   */
  Verdict check(String host, String origin, String authorization, String queryToken, String cookieToken,
      boolean upgrade) {
    Verdict v = decide(host, origin, authorization, queryToken, cookieToken, upgrade);
    switch (v) {
      case NO_TOKEN -> unauthorized.incrementAndGet();
      case FOREIGN_HOST -> foreignHost.incrementAndGet();
      case FOREIGN_ORIGIN -> foreignOrigin.incrementAndGet();
      default -> { }
    }
    return v;
  }

  private Verdict decide(String host, String origin, String authorization, String queryToken, String cookieToken,
      boolean upgrade) {
    if (upgrade && origin != null && !sameOrigin(origin, host)) {
      return Verdict.FOREIGN_ORIGIN;
    }
    if (token == null) {
      return host != null && namesLoopback(hostName(host)) ? Verdict.ALLOW : Verdict.FOREIGN_HOST;
    }
    String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).strip() : null;
    return matches(bearer) || matches(queryToken) || matches(cookieToken) ? Verdict.ALLOW : Verdict.NO_TOKEN;
  }

  /** Whether a request's token is the server's, compared in constant time. */
  boolean matches(String candidate) {
    return token != null && candidate != null
        && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean sameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    String o = origin.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    return o.equals("http://" + h) || o.equals("https://" + h);
  }

  /** The name part of a Host header: {@code [::1]:8080} gives {@code ::1}, {@code localhost:8080} localhost. */
  private static String hostName(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(1, end);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  long unauthorized() {
    return unauthorized.get();
  }

  long foreignHost() {
    return foreignHost.get();
  }

  long foreignOrigin() {
    return foreignOrigin.get();
  }
}
