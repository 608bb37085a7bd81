package dev.mimik.app.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes the two message forms of {@code /ws/ingest} (specified in docs/INGEST.md) into {@link SampleBlock}s:
 * JSON text {@code {"seq": n, "rate": hz, "samples": [[ch0...], [ch1...]]}} and the compact binary frame
 * (big-endian: magic {@code MMK1}, u16 channels, u16 samples per channel, f64 rate, u64 sequence, then f32
 * samples interleaved sample by sample). Anything else is rejected with an {@link IllegalArgumentException} whose
 * message says what is wrong.
 */
public final class IngestDecoder {

  /** The four bytes that open a binary block: ASCII {@code MMK1}. */
  public static final int MAGIC = 0x4D4D4B31;
  /** Bytes before the samples in a binary block. */
  public static final int HEADER_BYTES = 24;
  /** Most channels a block may carry. */
  public static final int MAX_CHANNELS = 1024;
  /** Most samples per channel a block may carry. */
  public static final int MAX_LENGTH = 65_535;

  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestDecoder() {}

  /** Decodes a JSON text block. */
  public static SampleBlock decodeJson(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("expected a JSON object with seq, rate and samples");
    }
    JsonNode seq = root.get("seq");
    JsonNode rate = root.get("rate");
    JsonNode samples = root.get("samples");
    if (seq == null || !seq.canConvertToExactIntegral() || !seq.canConvertToLong()) {
      throw new IllegalArgumentException("'seq' must be an integer");
    }
    if (rate == null || !rate.isNumber()) {
      throw new IllegalArgumentException("'rate' must be a number (Hz)");
    }
    if (samples == null || !samples.isArray() || samples.isEmpty()) {
      throw new IllegalArgumentException("'samples' must be a non-empty array of channels");
    }
    int channels = samples.size();
    checkChannels(channels);
    int length = samples.get(0).size();
    double[][] out = new double[channels][];
    for (int c = 0; c < channels; c++) {
      JsonNode ch = samples.get(c);
      if (!ch.isArray() || ch.size() != length) {
        throw new IllegalArgumentException("channel " + c + " is not an array of " + length + " numbers");
      }
      out[c] = new double[length];
      for (int i = 0; i < length; i++) {
        JsonNode v = ch.get(i);
        if (!v.isNumber()) {
          throw new IllegalArgumentException("channel " + c + " sample " + i + " is not a number");
        }
        out[c][i] = v.doubleValue();
      }
    }
    return checked(new SampleBlock(seq.longValue(), rate.doubleValue(), out));
  }

  /** Decodes a binary block. */
  public static SampleBlock decodeBinary(ByteBuffer data) {
    ByteBuffer b = data.slice().order(ByteOrder.BIG_ENDIAN);
    if (b.remaining() < HEADER_BYTES) {
      throw new IllegalArgumentException("binary block of " + b.remaining() + " bytes is shorter than the "
          + HEADER_BYTES + "-byte header");
    }
    int magic = b.getInt();
    if (magic != MAGIC) {
      throw new IllegalArgumentException(String.format("binary block starts with 0x%08x, not MMK1", magic));
    }
    int channels = Short.toUnsignedInt(b.getShort());
    int length = Short.toUnsignedInt(b.getShort());
    double rate = b.getDouble();
    long seq = b.getLong();
    checkChannels(channels);
    long expected = (long) channels * length * Float.BYTES;
    if (b.remaining() != expected) {
      throw new IllegalArgumentException("binary block declares " + channels + " x " + length + " samples ("
          + expected + " bytes) but carries " + b.remaining());
    }
    double[][] out = new double[channels][length];
    for (int i = 0; i < length; i++) {
      for (int c = 0; c < channels; c++) {
        out[c][i] = b.getFloat();
      }
    }
    return checked(new SampleBlock(seq, rate, out));
  }

  /** Encodes a block in the binary form (for device bridges written in Java, tests and benchmarks). */
  public static ByteBuffer encodeBinary(SampleBlock block) {
    checkChannels(block.channelCount());
    int length = block.length();
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + block.channelCount() * length * Float.BYTES)
        .order(ByteOrder.BIG_ENDIAN);
    b.putInt(MAGIC).putShort((short) block.channelCount()).putShort((short) length)
        .putDouble(block.samplingRate()).putLong(block.sequence());
    for (int i = 0; i < length; i++) {
      for (double[] ch : block.samples()) {
        b.putFloat((float) ch[i]);
      }
    }
    return b.flip();
  }

  private static void checkChannels(int channels) {
    if (channels < 1 || channels > MAX_CHANNELS) {
      throw new IllegalArgumentException("channel count " + channels + " is outside 1.." + MAX_CHANNELS);
    }
  }

  private static SampleBlock checked(SampleBlock block) {
    if (!(block.samplingRate() > 0) || Double.isInfinite(block.samplingRate())) {
      throw new IllegalArgumentException("rate " + block.samplingRate() + " is not a positive number of Hz");
    }
    if (block.sequence() < 0) {
      throw new IllegalArgumentException("sequence " + block.sequence() + " is negative");
    }
    if (block.length() < 1 || block.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("block length " + block.length() + " is outside 1.." + MAX_LENGTH);
    }
    for (int c = 0; c < block.channelCount(); c++) {
      for (double v : block.samples()[c]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("channel " + c + " holds a non-finite sample");
        }
      }
    }
    return block;
  }
}
