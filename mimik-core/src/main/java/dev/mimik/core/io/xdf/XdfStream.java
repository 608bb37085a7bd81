package dev.mimik.core.io.xdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One stream of an XDF file as read from its chunks: header fields, raw time stamps, values (numeric, one row of
 * {@code channelCount} per sample, or strings) and the clock offset measurements.
 */
final class XdfStream {

  final long id;
  final String name;
  final String type;
  final int channelCount;
  final double nominalRate;
  final String format;
  final List<String> labels;
  final List<String> units;

  double[] times = new double[64];
  double[] values;
  final List<String[]> strings = new ArrayList<>();
  int sampleCount;
  double lastTimestamp;
  final List<double[]> clockOffsets = new ArrayList<>();

  XdfStream(long id, String name, String type, int channelCount, double nominalRate, String format,
      List<String> labels, List<String> units) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.channelCount = channelCount;
    this.nominalRate = nominalRate;
    this.format = format;
    this.labels = labels;
    this.units = units;
    this.values = isString() ? new double[0] : new double[64 * channelCount];
  }

  boolean isString() {
    return format.equals("string");
  }

  /** Bytes per value of a numeric format. */
  int valueBytes() {
    return switch (format) {
      case "int8" -> 1;
      case "int16" -> 2;
      case "int32", "float32" -> 4;
      case "int64", "double64" -> 8;
      default -> throw new IllegalStateException(format);
    };
  }

  void addTime(double t) {
    if (sampleCount == times.length) {
      times = Arrays.copyOf(times, 2 * times.length);
      if (!isString()) {
        values = Arrays.copyOf(values, 2 * values.length);
      }
    }
    times[sampleCount] = t;
    lastTimestamp = t;
  }

  /** The time stamps of all samples (trimmed copy). */
  double[] timeStamps() {
    return Arrays.copyOf(times, sampleCount);
  }

  /** Samples of channel {@code k} (a new array). */
  double[] channel(int k) {
    double[] out = new double[sampleCount];
    for (int i = 0; i < sampleCount; i++) {
      out[i] = values[i * channelCount + k];
    }
    return out;
  }
}
