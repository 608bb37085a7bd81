package dev.mimik.learn.bioface;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.train.BioNetTrainer;
import dev.mimik.learn.train.TrainingOptions;
import dev.mimik.signal.sync.ClockMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A small seeded recording session with known ground truth, for the tests of training and tracking (this module's
 * and, through its test jar, mimik-track's): two channels at 500 Hz in which
 * channel A carries bursts of EMG-band noise while the mouth is open; the camera sees the embedded rig's neutral
 * landmarks (68 points, pixels) with the lower lip lowered by {@link #MOUTH_DROP_PX} during the bursts, drifting
 * slowly in position, on a landmark clock that runs {@code offset} seconds ahead of the biosignal clock.
 */
public final class SyntheticSession {

  public static final double FS = 500;
  public static final double FPS = 30;
  public static final List<String> CHANNELS = List.of("A", "B");
  public static final double MOUTH_DROP_PX = 12;
  /** Lower-lip points (iBUG) that drop when the mouth opens. */
  public static final int[] LOWER_LIP = {56, 57, 58, 65, 66, 67};

  /** A small front end for fast tests: 0.2 s windows of 20 feature samples at 100 Hz. */
  public static final FrontEnd FRONT_END = new FrontEnd(CHANNELS, FS, 20, 450, 0.1, 10, 50, 0.05, 5, 0.2, FPS);

  public static final LandmarkSet SET = LandmarkSet.IBUG_51;

  private SyntheticSession() {}

  /** Whether the mouth is open at biosignal time {@code t}: 0.6 s open, then closed, alternating lengths. */
  public static boolean mouthOpen(double t) {
    double phase = t % 1.7;
    return phase >= 0.5 && phase < 1.1;
  }

  /** The raw signal, starting at biosignal time {@code start}. */
  public static Signal signal(double start, double seconds, double fs, long seed) {
    Random r = new Random(seed);
    int n = (int) Math.round(seconds * fs);
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      double t = start + i / fs;
      double burst = mouthOpen(t) ? 60 : 4;
      a[i] = burst * r.nextGaussian() + 30 * Math.sin(2 * Math.PI * 0.7 * t) + 15 * Math.sin(2 * Math.PI * 50 * t);
      b[i] = 5 * r.nextGaussian() + 20 * Math.sin(2 * Math.PI * 1.3 * t);
    }
    return new Signal(List.of(new Channel("A", "uV", fs, a), new Channel("B", "uV", fs, b)), start,
        java.util.Optional.empty(), List.of());
  }

  /** The embedded rig's 68 landmarks seen from the front, about 120 px between the outer eye corners. */
  public static double[] neutralFace() {
    FaceRig rig = EmbeddedRig.load();
    int[] v = rig.landmarkVertices();
    double[] p = new double[2 * v.length];
    for (int i = 0; i < v.length; i++) {
      p[2 * i] = rig.neutral()[3 * v[i]];
      p[2 * i + 1] = -rig.neutral()[3 * v[i] + 1];
    }
    double eyes = Math.hypot(p[72] - p[90], p[73] - p[91]);
    double[] out = new double[p.length];
    for (int i = 0; i < v.length; i++) {
      out[2 * i] = 320 + 120 * p[2 * i] / eyes;
      out[2 * i + 1] = 240 + 120 * p[2 * i + 1] / eyes;
    }
    return out;
  }

  /**
   * The camera's landmarks, frames at {@code 1 / FPS} on the landmark clock covering the signal, where landmark time
   * = biosignal time + {@code offset}.
   */
  public static LandmarkTrack landmarks(double signalStart, double seconds, double offset) {
    double[] face = neutralFace();
    int frames = (int) Math.floor(seconds * FPS);
    double[] times = new double[frames];
    double[][] data = new double[frames][];
    for (int f = 0; f < frames; f++) {
      double biosignalTime = signalStart + f / FPS;
      times[f] = biosignalTime + offset;
      double[] p = face.clone();
      if (mouthOpen(biosignalTime)) {
        for (int i : LOWER_LIP) {
          p[2 * i + 1] += MOUTH_DROP_PX;
        }
      }
      double dx = 8 * Math.sin(0.4 * biosignalTime);
      for (int i = 0; i < 68; i++) {
        p[2 * i] += dx;
      }
      data[f] = p;
    }
    return new LandmarkTrack(times, 68, data, new boolean[frames]);
  }

  /** A session of {@code seconds} starting at biosignal time {@code start}, clocks {@code offset} apart. */
  public static Session session(double start, double seconds, double offset, long seed) {
    return new Session("synthetic", "p1", signal(start, seconds, FS, seed), landmarks(start, seconds, offset),
        ClockMapping.ofOffset(offset), Path.of("synthetic.edf"));
  }

  /** A tiny network for {@link #FRONT_END}. */
  public static BioNetConfig tinyConfig() {
    return new BioNetConfig(FRONT_END.inputCount(), FRONT_END.windowSamples(), SET, new int[] {4, 8},
        new int[] {5, 3}, 2, 32, 0.1f);
  }

  private static TrackingModel model;

  /** A tiny model trained for a few epochs on a 20 s session (shared by the tests; do not close it). */
  public static synchronized TrackingModel trainedModel() {
    if (model == null) {
      TrainingData data = TrainingData.build(List.of(session(0, 20, 0.4, 5)), FRONT_END, SET, null, w -> {});
      JsonNode settings = TrackingModel.settingsJson(FRONT_END, data.frame(), java.util.Optional.empty(), java.util.Optional.empty());
      TrainingOptions options = new TrainingOptions(3, 32, 3e-3f, 0, 7, 0.2, 2, 6, false);
      BioNetTrainer.Result result;
      try {
        result = new BioNetTrainer(options).train(tinyConfig(), settings, data.windows(), data.targets(), null);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      model = new TrackingModel(result.model(), FRONT_END, data.frame(),
          java.util.Optional.empty(), java.util.Optional.empty());
    }
    return model;
  }
}
