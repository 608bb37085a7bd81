package dev.mimik.lab.tracking;

import dev.mimik.face.eyes.EyeState;
import dev.mimik.track.Frame;
import dev.mimik.track.TrackedRecording;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * What {@link TrackReport} draws of each tracked frame, kept in a temporary file while a recording is tracked and read
 * back, row by row, once it has ended (the charts' thinning needs the frame count first): the report of a recording
 * of any length then takes the same memory. A row is the frame's time, the heights of the report's key landmarks
 * ({@link TrackReport#keyPoints}), each eye's closure, the blink detector's closure, and the 52 ARKit weights when the face was
 * fitted. Deleted when closed.
 */
final class FrameLog implements Closeable {

  /** The key landmarks' iBUG numbers, in the order of {@link TrackReport}'s landmark chart. */
  static final int[] KEY_POINTS = TrackReport.keyPoints().values().stream().mapToInt(Integer::intValue).toArray();
  static final int TIME = 0;
  static final int HEIGHTS = 1;
  static final int CLOSURES = HEIGHTS + KEY_POINTS.length;
  static final int EOG = CLOSURES + 2;
  static final int WEIGHTS = EOG + 1;

  private final Path file;
  private final DataOutputStream out;
  private final dev.mimik.core.data.LandmarkSet set;
  private int width;
  private int frames;
  private boolean eog;

  /** A log for frames tracked with landmark set {@code set}. */
  FrameLog(dev.mimik.core.data.LandmarkSet set) throws IOException {
    this.set = set;
    this.file = Files.createTempFile("mimik-frames", ".bin");
    this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  /** The log of a recording tracked in memory. */
  static FrameLog of(TrackedRecording tracked) {
    try {
      FrameLog log = new FrameLog(tracked.set());
      for (Frame f : tracked.frames()) {
        log.add(f);
      }
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next frame, in time order. */
  void add(Frame f) throws IOException {
    if (frames == 0) {
      width = WEIGHTS + (f.blendshapes() == null ? 0 : f.blendshapes().length);
    }
    double[] ibug = TrackedRecording.ibugRow(set, f.landmarks());
    out.writeDouble(f.timeSeconds());
    for (int p : KEY_POINTS) {
      out.writeDouble(f.tracked() ? ibug[2 * p + 1] : Double.NaN);
    }
    EyeState[] eyes = f.eyes();
    for (int e = 0; e < 2; e++) {
      // a frame without eyes counts as open, as TrackedRecording.eyes says
      out.writeDouble(eyes == null ? 0 : eyes[e].closure());
    }
    out.writeDouble(f.eogClosure());
    eog |= !Double.isNaN(f.eogClosure());
    for (int k = WEIGHTS; k < width; k++) {
      out.writeDouble(f.blendshapes()[k - WEIGHTS]);
    }
    frames++;
  }

  /**
   * The next frame of a face tracked without landmarks or eye states (the headset views): its time and its 52
   * weights; the landmark heights are NaN and the eyes count as open.
   */
  void add(double timeSeconds, double[] weights) throws IOException {
    if (frames == 0) {
      width = WEIGHTS + weights.length;
    }
    out.writeDouble(timeSeconds);
    for (int i = TIME + 1; i < EOG; i++) {
      out.writeDouble(i < CLOSURES ? Double.NaN : 0);
    }
    out.writeDouble(Double.NaN);
    for (int k = WEIGHTS; k < width; k++) {
      out.writeDouble(weights[k - WEIGHTS]);
    }
    frames++;
  }

  /** Frames logged. */
  int frames() {
    return frames;
  }

  /** Whether the frames carry the 52 weights (the face was fitted). */
  boolean hasWeights() {
    return width > WEIGHTS;
  }

  /** Whether some frame had the blink detector's closure. */
  boolean hasEog() {
    return eog;
  }

  /** Reads every row back in order (one array, refilled for each row). */
  void forEach(Consumer<double[]> rows) throws IOException {
    out.flush();
    double[] row = new double[width];
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      for (int f = 0; f < frames; f++) {
        for (int k = 0; k < width; k++) {
          row[k] = in.readDouble();
        }
        rows.accept(row);
      }
    } catch (EOFException e) {
      throw new IOException(file + ": the frame log ended early", e);
    }
  }

  /** The weights of the given frames, in their order. */
  double[][] weightsAt(int[] wanted) throws IOException {
    double[][] out = new double[wanted.length][];
    int[] f = {0};
    forEach(row -> {
      for (int i = 0; i < wanted.length; i++) {
        if (wanted[i] == f[0]) {
          out[i] = Arrays.copyOfRange(row, WEIGHTS, row.length);
        }
      }
      f[0]++;
    });
    return out;
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
