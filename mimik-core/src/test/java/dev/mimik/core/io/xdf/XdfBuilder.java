package dev.mimik.core.io.xdf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes small XDF files for tests, chunk by chunk, following the XDF 1.0 specification. */
final class XdfBuilder {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  XdfBuilder() {
    out.writeBytes("XDF:".getBytes(StandardCharsets.US_ASCII));
    chunk(1, "<?xml version=\"1.0\"?><info><version>1.0</version></info>".getBytes(StandardCharsets.UTF_8));
  }

  XdfBuilder header(int id, String name, int channels, double rate, String format, String channelsXml) {
    String xml = "<?xml version=\"1.0\"?><info><name>" + name + "</name><type>EMG</type><channel_count>" + channels
        + "</channel_count><nominal_srate>" + rate + "</nominal_srate><channel_format>" + format
        + "</channel_format><desc>" + channelsXml + "</desc></info>";
    return streamChunk(2, id, xml.getBytes(StandardCharsets.UTF_8));
  }

  /** One Samples chunk; {@code stamps[i]} NaN means "deduced" (no time stamp bytes). */
  XdfBuilder samples(int id, String format, double[] stamps, double[][] values) {
    ByteBuffer b = ByteBuffer.allocate(64 + stamps.length * (9 + 8 * values[0].length)).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 4).putInt(stamps.length);
    for (int i = 0; i < stamps.length; i++) {
      if (Double.isNaN(stamps[i])) {
        b.put((byte) 0);
      } else {
        b.put((byte) 8).putDouble(stamps[i]);
      }
      for (double v : values[i]) {
        switch (format) {
          case "int8" -> b.put((byte) v);
          case "int16" -> b.putShort((short) v);
          case "int32" -> b.putInt((int) v);
          case "int64" -> b.putLong((long) v);
          case "float32" -> b.putFloat((float) v);
          default -> b.putDouble(v);
        }
      }
    }
    return streamChunk(3, id, java.util.Arrays.copyOf(b.array(), b.position()));
  }

  XdfBuilder stringSample(int id, double stamp, String text) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(32 + t.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 1).put((byte) 1).put((byte) 8).putDouble(stamp).put((byte) 4).putInt(t.length).put(t);
    return streamChunk(3, id, java.util.Arrays.copyOf(b.array(), b.position()));
  }

  XdfBuilder clockOffset(int id, double time, double value) {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(time).putDouble(value);
    return streamChunk(4, id, b.array());
  }

  XdfBuilder footer(int id) {
    return streamChunk(6, id, "<?xml version=\"1.0\"?><info><sample_count>0</sample_count></info>"
        .getBytes(StandardCharsets.UTF_8));
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private XdfBuilder streamChunk(int tag, int id, byte[] content) {
    byte[] body = ByteBuffer.allocate(4 + content.length).order(ByteOrder.LITTLE_ENDIAN).putInt(id).put(content)
        .array();
    return chunk(tag, body);
  }

  private XdfBuilder chunk(int tag, byte[] content) {
    ByteBuffer b = ByteBuffer.allocate(11 + content.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 4).putInt(2 + content.length).putShort((short) tag).put(content);
    out.write(b.array(), 0, b.position());
    return this;
  }
}
