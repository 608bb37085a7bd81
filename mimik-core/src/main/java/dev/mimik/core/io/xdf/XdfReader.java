package dev.mimik.core.io.xdf;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Lab Streaming Layer recordings (XDF 1.0) into one {@link Signal}.
 *
 * <p>How streams map (a Signal has one start time; its channels may have different rates):
 * <ul>
 *   <li>Every numeric stream (int8..int64, float32, double64) with samples gives its channels, or only the stream
 *       named in {@link #XdfReader(String)}. Channel names are the {@code desc/channels/channel/label}s (else
 *       {@code ch0, ch1, ...}), prefixed by {@code "stream name/"} when more than one stream is kept. Units come
 *       from {@code unit} ({@code microvolts} becomes {@code uV}), empty when the stream does not say.</li>
 *   <li>Time stamps are first corrected by the stream's ClockOffset chunks ({@link ClockSync}, as pyxdf does),
 *       then, as pyxdf's de-jittering, a line is fitted to time stamp against sample index in each part between
 *       breaks: its value at the first sample is the stream's start. The rate is the nominal rate, or the fitted one for irregular streams and for streams whose
 *       measured rate is more than 1 % off the nominal one (so that times stay right).</li>
 *   <li>The Signal starts when the last kept stream starts; earlier samples of the other streams are dropped, so
 *       that every channel's sample 0 is at {@link Signal#startTimeSeconds()} (the recording computer's clock).
 *       Gaps inside a stream (breaks as pyxdf finds them) are not filled: later samples follow on, and an
 *       annotation {@code "XDF gap in stream ..."} at the join says how long the gap was.</li>
 *   <li>String streams become annotations (values of a multi-channel sample joined by {@code " | "}), onsets
 *       relative to the start; events before the start are kept with negative onsets.</li>
 * </ul>
 * Stream footers and boundary chunks are read and not needed. A file without any numeric stream with samples is
 * bad input.
 */
public final class XdfReader implements SignalReader {

  private static final Map<String, String> UNITS = Map.of(
      "microvolts", "uV", "microvolt", "uV", "µV", "uV", "millivolts", "mV", "volts", "V");

  private static final double BREAK_SECONDS = 1;
  private static final double BREAK_SAMPLES = 500;
  /** Relative difference between measured and nominal rate above which the measured rate is used. */
  private static final double RATE_TOLERANCE = 0.01;

  private final String streamName;

  /** Reads every numeric stream. */
  public XdfReader() {
    this.streamName = null;
  }

  /** Reads only the numeric stream with this name (string streams still become annotations). */
  public XdfReader(String streamName) {
    this.streamName = streamName;
  }

  @Override
  public String formatName() {
    return "XDF";
  }

  @Override
  public boolean recognises(Path file, byte[] head) {
    return head.length >= 4 && new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("XDF:");
  }

  @Override
  public Signal read(Path file) throws IOException {
    List<XdfStream> streams = XdfFile.parse(file, Files.readAllBytes(file));
    List<XdfStream> numeric = new ArrayList<>();
    List<double[]> stamps = new ArrayList<>();
    List<Annotation> events = new ArrayList<>();
    for (XdfStream s : streams) {
      double[] t = s.timeStamps();
      ClockSync.apply(t, s.clockOffsets);
      if (s.isString()) {
        for (int i = 0; i < t.length; i++) {
          events.add(new Annotation(t[i], 0, String.join(" | ", s.strings.get(i))));
        }
      } else if ((streamName == null || streamName.equals(s.name)) && usable(s)) {
        numeric.add(s);
        stamps.add(t);
      }
    }
    if (numeric.isEmpty()) {
      throw new BadInputException(file, streamName == null
          ? "no numeric stream with samples"
          : "no numeric stream named \"" + streamName + "\" with samples");
    }
    List<List<double[]>> segments = new ArrayList<>();
    double start = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < numeric.size(); k++) {
      segments.add(segments(stamps.get(k), numeric.get(k).nominalRate));
      start = Math.max(start, segments.get(k).get(0)[1]);
    }
    List<Channel> channels = new ArrayList<>();
    boolean prefix = numeric.size() > 1;
    for (int k = 0; k < numeric.size(); k++) {
      XdfStream s = numeric.get(k);
      List<double[]> parts = segments.get(k);
      double rate = rate(s, parts, stamps.get(k));
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new BadInputException(file, "stream \"" + s.name + "\": its time stamps do not increase");
      }
      int skip = (int) Math.min(s.sampleCount - 1, Math.max(0, Math.round((start - parts.get(0)[1]) * rate)));
      for (int p = 1; p < parts.size(); p++) {
        double[] before = parts.get(p - 1);
        double expected = before[1] + (parts.get(p)[0] - before[0]) * before[2];
        events.add(new Annotation(start + (parts.get(p)[0] - skip) / rate, 0, String.format(Locale.ROOT,
            "XDF gap in stream %s: %.3f s without samples (later samples follow on without it)",
            s.name, parts.get(p)[1] - expected)));
      }
      for (int c = 0; c < s.channelCount; c++) {
        double[] samples = s.channel(c);
        String unit = s.units.get(c);
        channels.add(new Channel((prefix ? s.name + "/" : "") + s.labels.get(c), UNITS.getOrDefault(unit, unit),
            rate, Arrays.copyOfRange(samples, skip, samples.length)));
      }
    }
    double origin = start;
    List<Annotation> annotations = events.stream()
        .map(a -> new Annotation(a.onsetSeconds() - origin, 0, a.text()))
        .sorted(Comparator.comparingDouble(Annotation::onsetSeconds))
        .toList();
    return new Signal(channels, start, Optional.empty(), annotations);
  }

  /** The streams of a file as their headers and chunks describe them, in the order of their headers. */
  public static List<XdfStreamInfo> streams(Path file) throws IOException {
    return XdfFile.parse(file, Files.readAllBytes(file)).stream()
        .map(s -> new XdfStreamInfo(s.id, s.name, s.type, s.channelCount, s.nominalRate, s.format, s.sampleCount,
            s.clockOffsets.size()))
        .toList();
  }

  /** Whether a numeric stream can become channels: it has samples and a rate. */
  private static boolean usable(XdfStream s) {
    return s.sampleCount > 0 && (s.nominalRate > 0 || s.sampleCount > 1);
  }

  /**
   * The nominal rate, unless the rate measured over the parts between breaks (as pyxdf's {@code effective_srate})
   * differs from it by more than {@link #RATE_TOLERANCE}, or the stream has no nominal rate: then the measured one.
   */
  private static double rate(XdfStream s, List<double[]> parts, double[] stamps) {
    double intervals = 0;
    double seconds = 0;
    for (int p = 0; p < parts.size(); p++) {
      int from = (int) parts.get(p)[0];
      int to = p + 1 < parts.size() ? (int) parts.get(p + 1)[0] : stamps.length;
      intervals += to - from - 1;
      seconds += (to - from - 1) * parts.get(p)[2];
    }
    double measured = intervals / seconds;
    if (s.nominalRate > 0 && !(Math.abs(measured - s.nominalRate) > RATE_TOLERANCE * s.nominalRate)) {
      return s.nominalRate;
    }
    return measured;
  }

  /**
   * pyxdf's de-jittering: the stamps of a regular stream are split at breaks (a step over max(1 s, 500 nominal
   * intervals)) and a least-squares line of stamp against sample index is fitted to each part. Returns, per part,
   * {first sample index, fitted time of that sample, seconds per sample}. An irregular stream is one part starting
   * at its first stamp with the mean interval.
   */
  private static List<double[]> segments(double[] t, double nominalRate) {
    int n = t.length;
    List<double[]> parts = new ArrayList<>();
    if (nominalRate <= 0) {
      parts.add(new double[] {0, t[0], (t[n - 1] - t[0]) / (n - 1)});
      return parts;
    }
    double breakSeconds = Math.max(BREAK_SECONDS, BREAK_SAMPLES / nominalRate);
    int from = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || t[i] - t[i - 1] > breakSeconds) {
        parts.add(fitLine(t, from, i, nominalRate));
        from = i;
      }
    }
    return parts;
  }

  /** Least-squares line through (index, stamp) for indices [from, to): {from, time at from, slope}. */
  private static double[] fitLine(double[] t, int from, int to, double nominalRate) {
    int n = to - from;
    if (n == 1) {
      return new double[] {from, t[from], 1 / nominalRate};
    }
    double meanI = (n - 1) / 2.0;
    double meanT = 0;
    for (int i = from; i < to; i++) {
      meanT += t[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (i - meanI) * (t[from + i] - meanT);
      sxx += (i - meanI) * (i - meanI);
    }
    double slope = sxy / sxx;
    return new double[] {from, meanT - slope * meanI, slope};
  }
}
