package dev.mimik.face.fit;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.camera.WeakPerspectiveCamera;
import dev.mimik.face.rig.FaceRig;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * Measures {@link RigFitter} on landmarks generated from a rig with known weights, pose and Gaussian pixel noise:
 * time per frame, mean absolute error of the landmark-observable weights and head-pose error, for single frames
 * (cold start) and smooth sequences (warm start), with a weak-perspective and a pinhole camera.
 */
public final class FitBenchmark {

  /**
   * Targets that 2D landmarks can see (brows, lids, jaw, mouth corners) as antagonist pairs driven by one signal
   * in [-1, 1]: its positive part drives the first, its negative part the second ({@code null}: none). Antagonists
   * move the same landmarks in opposite directions, so they are never active together in the generated data.
   */
  static final String[][] GROUPS = {
    {"eyeBlinkLeft", "eyeWideLeft"}, {"eyeBlinkRight", "eyeWideRight"},
    {"browDownLeft", "browOuterUpLeft"}, {"browDownRight", "browOuterUpRight"}, {"browInnerUp", null},
    {"jawOpen", null}, {"mouthSmileLeft", "mouthFrownLeft"}, {"mouthSmileRight", "mouthFrownRight"},
  };

  /** The targets scored, the observable ones. */
  public static final List<String> OBSERVABLE = java.util.Arrays.stream(GROUPS).flatMap(java.util.Arrays::stream)
      .filter(java.util.Objects::nonNull).toList();

  /**
   * What one benchmark case measured: wall-clock and CPU (this thread) milliseconds per frame; on a busy machine
   * the CPU time is the fitter's own cost.
   */
  public record Figures(double msPerFrame, double cpuMsPerFrame, double weightMae, double poseErrorDegrees,
      double residualPx, double meanIterations) {}

  private final FaceRig rig;
  private final int frames;
  private final long seed;
  private final double noisePx;
  private final FitOptions options;

  /**
   * @param frames frames per case
   * @param seed seed of the generated poses, weights and noise
   * @param noisePx standard deviation of the Gaussian noise added to each landmark coordinate, in pixels
   */
  public FitBenchmark(FaceRig rig, int frames, long seed, double noisePx, FitOptions options) {
    this.rig = rig;
    this.frames = frames;
    this.seed = seed;
    this.noisePx = noisePx;
    this.options = options;
  }

  /** The benchmark with the fitter's default options. */
  public FitBenchmark(FaceRig rig, int frames, long seed, double noisePx) {
    this(rig, frames, seed, noisePx, FitOptions.defaults());
  }

  /** The embedded rig, 1 px noise, 400 frames per case. */
  public static FitBenchmark standard(FaceRig rig) {
    return new FitBenchmark(rig, 400, 7, 1.0, FitOptions.defaults());
  }

  /** A pinhole camera 640x480 with an 800 px focal length. */
  public static PinholeCamera pinhole() {
    return new PinholeCamera(800, 320, 240, 640, 480);
  }

  /** The weak-perspective camera matching {@link #pinhole()} for a face 60 cm away. */
  public WeakPerspectiveCamera weakPerspective() {
    return new WeakPerspectiveCamera(800 / distance(), 320, 240);
  }

  /** Prints one line per case: camera, landmark set, start, ms/frame (wall, CPU), weight MAE, pose error, residual. */
  public void run(PrintStream out) {
    out.printf("rig %s, %d frames per case, %.1f px noise, seed %d; weight MAE over %d observable targets%n",
        rig.name(), frames, noisePx, seed, OBSERVABLE.size());
    out.printf("%-8s %-8s %-9s %9s %9s %10s %12s %12s %6s%n", "camera", "set", "start", "ms/frame", "cpu ms",
        "weight MAE", "pose err deg", "residual px", "iters");
    measure(pinhole(), LandmarkSet.IBUG_68, true); // warm up the JIT
    for (boolean sequence : new boolean[] {false, true}) {
      for (LandmarkSet set : new LandmarkSet[] {LandmarkSet.IBUG_68, LandmarkSet.IBUG_53}) {
        for (Camera camera : new Camera[] {weakPerspective(), pinhole()}) {
          Figures f = measure(camera, set, sequence);
          out.printf("%-8s %-8s %-9s %9.3f %9.3f %10.4f %12.3f %12.3f %6.1f%n",
              camera.seesDepth() ? "pinhole" : "weak", set.name().toLowerCase(),
              sequence ? "sequence" : "cold", f.msPerFrame(), f.cpuMsPerFrame(), f.weightMae(),
              f.poseErrorDegrees(), f.residualPx(), f.meanIterations());
        }
      }
    }
  }

  /** Generates one case and fits it. */
  public Figures measure(Camera camera, LandmarkSet set, boolean sequence) {
    Random rnd = new Random(seed);
    LandmarkModel model = new LandmarkModel(rig, set);
    int[] observable = OBSERVABLE.stream().mapToInt(rig::shapeIndex).filter(k -> k >= 0).toArray();
    int[][] groups = java.util.Arrays.stream(GROUPS)
        .map(g -> new int[] {rig.shapeIndex(g[0]), g[1] == null ? -1 : rig.shapeIndex(g[1])}).toArray(int[][]::new);
    double[][] weights = new double[frames][rig.shapeCount()];
    HeadPose[] poses = new HeadPose[frames];
    double[][] points = new double[frames][];
    double[][] phase = new double[groups.length + 6][3];
    for (double[] p : phase) {
      for (int i = 0; i < 3; i++) {
        p[i] = rnd.nextDouble() * 2 * Math.PI;
      }
    }
    for (int f = 0; f < frames; f++) {
      double time = f / 30.0;
      for (int g = 0; g < groups.length; g++) {
        double signal = sequence ? 1.3 * wave(phase[g], time, 0.4) : (rnd.nextDouble() < 0.6 ? 2 * rnd.nextDouble() - 1 : 0);
        if (groups[g][0] >= 0) {
          weights[f][groups[g][0]] = Math.min(1, Math.max(0, signal));
        }
        if (groups[g][1] >= 0) {
          weights[f][groups[g][1]] = Math.min(1, Math.max(0, -signal));
        }
      }
      double[] e = new double[6];
      double[] span = {25, 15, 10, 2, 2, 3};
      for (int i = 0; i < 6; i++) {
        e[i] = span[i] * (sequence ? wave(phase[groups.length + i], time, 0.2) : 2 * rnd.nextDouble() - 1);
      }
      poses[f] = HeadPose.ofEulerDegrees(e[0], e[1], e[2], e[3], e[4], -distance() + e[5]);
      points[f] = project(model, weights[f], poses[f], camera, rnd);
    }
    RigFitter fitter = new RigFitter(rig, set, camera, options);
    FitResult[] fits = new FitResult[frames];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long startCpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    FitResult previous = null;
    for (int f = 0; f < frames; f++) {
      fits[f] = fitter.fit(points[f], sequence ? previous : null);
      previous = fits[f];
    }
    double ms = (System.nanoTime() - start) / 1e6 / frames;
    double cpuMs = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6 / frames;
    double mae = 0;
    double pose = 0;
    double residual = 0;
    double iterations = 0;
    for (int f = 0; f < frames; f++) {
      for (int k : observable) {
        mae += Math.abs(fits[f].weights()[k] - weights[f][k]);
      }
      pose += fits[f].pose().angleToDegrees(poses[f]);
      residual += fits[f].residualPx();
      iterations += fits[f].iterations();
    }
    return new Figures(ms, cpuMs, mae / (frames * (double) observable.length), pose / frames, residual / frames,
        iterations / frames);
  }

  private double distance() {
    return 600 / rig.millimetresPerUnit();
  }

  /** A smooth signal in [-1, 1] from three sinusoids. */
  private static double wave(double[] phase, double time, double hz) {
    return (Math.sin(2 * Math.PI * hz * time + phase[0]) + Math.sin(2 * Math.PI * hz * 1.7 * time + phase[1])
        + Math.sin(2 * Math.PI * hz * 0.6 * time + phase[2])) / 3;
  }

  private double[] project(LandmarkModel model, double[] w, HeadPose pose, Camera camera, Random rnd) {
    double[] out = new double[2 * model.points];
    for (int j = 0; j < model.points; j++) {
      double[] x = new double[3];
      for (int c = 0; c < 3; c++) {
        int row = 3 * j + c;
        x[c] = model.neutral[row];
        for (int k = 0; k < model.shapes; k++) {
          x[c] += w[k] * model.shapeBasis[row * model.shapes + k];
        }
      }
      Vector2D uv = camera.project(pose.apply(new Vector3D(x[0], x[1], x[2])));
      out[2 * j] = uv.getX() + noisePx * rnd.nextGaussian();
      out[2 * j + 1] = uv.getY() + noisePx * rnd.nextGaussian();
    }
    return out;
  }
}
