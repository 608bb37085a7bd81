package dev.mimik.sim.session;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Biosignals as FORMATS.md's CSV ({@code time_s} then one column per channel, microvolts, 3 decimals) and
 * landmarks as OpenFace 2.0 CSV ({@code frame, face_id, timestamp, confidence, success, x_0..x_67, y_0..y_67},
 * a space after each comma; lost frames have {@code success} 0 and empty coordinates).
 */
public final class CsvSessionWriter implements SessionWriter {

  private static final int FLUSH = 1 << 16;

  @Override
  public String signalsFileName() {
    return "signals.csv";
  }

  @Override
  public String landmarksFileName() {
    return "landmarks.csv";
  }

  @Override
  public void writeSignals(Signal signal, Path file) throws IOException {
    if (!signal.hasUniformRate()) {
      throw new IllegalArgumentException("CSV biosignals need one sampling rate");
    }
    double fs = signal.samplingRate();
    AtomicFiles.write(file, out -> {
      StringBuilder sb = new StringBuilder(FLUSH + 256);
      sb.append("time_s");
      for (String name : signal.channelNames()) {
        sb.append(',').append(name);
      }
      sb.append('\n');
      int n = signal.channel(0).samples().length;
      double[][] ch = new double[signal.channelCount()][];
      for (int c = 0; c < ch.length; c++) {
        ch[c] = signal.channel(c).samples();
      }
      for (int i = 0; i < n; i++) {
        Decimals.append(sb, signal.startTimeSeconds() + i / fs, 6);
        for (double[] x : ch) {
          sb.append(',');
          Decimals.append(sb, x[i], 3);
        }
        sb.append('\n');
        flushIfFull(sb, out);
      }
      flush(sb, out);
    });
  }

  @Override
  public void writeLandmarks(LandmarkTrack track, Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      StringBuilder sb = new StringBuilder(FLUSH + 4096);
      sb.append("frame, face_id, timestamp, confidence, success");
      for (String axis : new String[] {"x", "y"}) {
        for (int p = 0; p < track.pointCount(); p++) {
          sb.append(", ").append(axis).append('_').append(p);
        }
      }
      sb.append('\n');
      for (int f = 0; f < track.frameCount(); f++) {
        boolean lost = track.missing()[f];
        sb.append(f + 1).append(", 0, ");
        Decimals.append(sb, track.timesSeconds()[f], 6);
        sb.append(lost ? ", 0.00, 0" : ", 0.98, 1");
        for (int axis = 0; axis < 2; axis++) {
          for (int p = 0; p < track.pointCount(); p++) {
            sb.append(", ");
            if (!lost) {
              Decimals.append(sb, track.frames()[f][2 * p + axis], 3);
            }
          }
        }
        sb.append('\n');
        flushIfFull(sb, out);
      }
      flush(sb, out);
    });
  }

  static void flushIfFull(StringBuilder sb, OutputStream out) throws IOException {
    if (sb.length() >= FLUSH) {
      flush(sb, out);
    }
  }

  static void flush(StringBuilder sb, OutputStream out) throws IOException {
    out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    sb.setLength(0);
  }
}
