package dev.mimik.app.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An Open Sound Control 1.0 message with string, float32 and int32 arguments, and its binary encoding: the
 * address and a type-tag string ({@code ,sfi...}) as NUL-terminated strings padded to 4 bytes, then the arguments
 * big-endian. {@link #bundle} wraps messages in an {@code #bundle} with the "immediately" time tag.
 *
 * @param address the OSC address, starting with '/'
 * @param arguments each a {@link String}, {@link Float} or {@link Integer}
 */
public record OscMessage(String address, List<Object> arguments) {

  public OscMessage {
    if (!address.startsWith("/")) {
      throw new IllegalArgumentException("an OSC address starts with '/': " + address);
    }
    arguments = List.copyOf(arguments);
    for (Object a : arguments) {
      if (!(a instanceof String || a instanceof Float || a instanceof Integer)) {
        throw new IllegalArgumentException("unsupported OSC argument type " + a.getClass().getSimpleName());
      }
    }
  }

  public static OscMessage of(String address, Object... arguments) {
    return new OscMessage(address, List.of(arguments));
  }

  /** The message's bytes. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    writeString(out, address);
    StringBuilder tags = new StringBuilder(",");
    for (Object a : arguments) {
      tags.append(a instanceof String ? 's' : a instanceof Float ? 'f' : 'i');
    }
    writeString(out, tags.toString());
    for (Object a : arguments) {
      if (a instanceof String s) {
        writeString(out, s);
      } else if (a instanceof Float f) {
        out.writeBytes(ByteBuffer.allocate(4).putFloat(f).array());
      } else {
        out.writeBytes(ByteBuffer.allocate(4).putInt((Integer) a).array());
      }
    }
    return out.toByteArray();
  }

  /** An OSC bundle of messages with time tag 1 ("immediately"). */
  public static byte[] bundle(List<OscMessage> messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * messages.size() + 16);
    writeString(out, "#bundle");
    out.writeBytes(ByteBuffer.allocate(8).putLong(1L).array());
    for (OscMessage m : messages) {
      byte[] bytes = m.encode();
      out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(bytes);
    int pad = 4 - bytes.length % 4;
    out.writeBytes(new byte[pad]);
  }
}
