package dev.mimik.eval.eyes;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.eyes.Elam;
import dev.mimik.face.eyes.EyeStates;
import dev.mimik.face.fit.FitOptions;
import dev.mimik.face.fit.FitResult;
import dev.mimik.face.fit.LocalDistances;
import dev.mimik.face.fit.RigFitter;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.PosedMesh;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * The ablation of the paper's Tables 1 and 2 on landmarks generated from a rig with known weights: a 30 fps
 * sequence with blinks (both eyes fully closed for 4-6 frames), mouth openings and closures, smiles and brow
 * movements under a moving head, seen by a pinhole camera; the "detector" adds Gaussian pixel noise and, like the
 * face-alignment detectors the paper criticises, reports only part of the lids' travel (eyelid landmarks follow
 * the lids with a {@code lidFollow} fraction of the blink). Each configuration fits the sequence and is scored on
 * the reconstructed 3D face by {@link ReconstructionScores}: eye-state accuracy/F1, mouth closure accuracy and the
 * NoW-style error of the eye and mouth regions.
 */
public final class EyeAblation {

  private final FaceRig rig;
  private final ReconstructionScores scores;
  private final int frames;
  private final long seed;
  private final double noisePx;
  private final double lidFollow;

  public EyeAblation(FaceRig rig, int frames, long seed, double noisePx, double lidFollow) {
    this.rig = rig;
    this.scores = new ReconstructionScores(rig);
    this.frames = frames;
    this.seed = seed;
    this.noisePx = noisePx;
    this.lidFollow = lidFollow;
  }

  /** Runs the five configurations and prints one table row each. */
  public List<ReconstructionScores.Row> run(PrintStream out) {
    Generated g = generate();
    FitOptions base = FitOptions.defaults();
    LocalDistances both = new LocalDistances(1, 1);
    List<ReconstructionScores.Row> rows = new ArrayList<>();
    rows.add(score("w/o ELAM, LDL", g, base, false));
    rows.add(score("LDL (+mouth)", g, base.withLocalDistances(new LocalDistances(0, 1)), false));
    rows.add(score("LDL (+eye, +mouth)", g, base.withLocalDistances(both), false));
    rows.add(score("ELAM", g, base, true));
    rows.add(score("ELAM + LDL (eye, mouth)", g, base.withLocalDistances(both), true));
    out.printf("rig %s, %d frames, seed %d, %.1f px noise, detected lids follow %.0f%% of a blink%n", rig.name(),
        frames, seed, noisePx, 100 * lidFollow);
    out.printf("%-24s %8s %8s %8s | %-22s | %-22s%n", "config", "eye acc", "eye F1", "mouth", "eye mm med/mean/std",
        "mouth mm med/mean/std");
    for (ReconstructionScores.Row r : rows) {
      out.printf("%-24s %7.1f%% %7.1f%% %7.1f%% | %6.3f %6.3f %6.3f   | %6.3f %6.3f %6.3f%n", r.name(),
          100 * r.eyes().accuracy(), 100 * r.eyes().f1(), 100 * r.mouth().accuracy(), r.eyeRegion().medianMm(),
          r.eyeRegion().meanMm(), r.eyeRegion().stdMm(), r.mouthRegion().medianMm(), r.mouthRegion().meanMm(),
          r.mouthRegion().stdMm());
    }
    return rows;
  }

  /** The generated sequence: true weights and detected landmarks. */
  record Generated(double[][] weights, double[][] points) {}

  Generated generate() {
    Random rnd = new Random(seed);
    int ks = rig.shapeCount();
    double[][] w = new double[frames][ks];
    double[][] points = new double[frames][];
    PinholeCamera cam = new PinholeCamera(800, 320, 240, 640, 480);
    int blinkL = rig.shapeIndex("eyeBlinkLeft");
    int blinkR = rig.shapeIndex("eyeBlinkRight");
    int jaw = rig.shapeIndex("jawOpen");
    int[] smooth = {rig.shapeIndex("mouthSmileLeft"), rig.shapeIndex("mouthSmileRight"),
      rig.shapeIndex("browInnerUp")};
    double[] phase = new double[8];
    for (int i = 0; i < phase.length; i++) {
      phase[i] = 2 * Math.PI * rnd.nextDouble();
    }
    int nextBlink = 10 + rnd.nextInt(30);
    int blinkEnd = -1;
    int nextMouth = 0;
    double mouth = 0;
    for (int f = 0; f < frames; f++) {
      double t = f / 30.0;
      if (f == nextBlink) {
        blinkEnd = f + 4 + rnd.nextInt(3);
        nextBlink = blinkEnd + 25 + rnd.nextInt(40);
      }
      // a blink: one frame half closed on each side, fully closed in between
      double blink = f < blinkEnd && f >= blinkEnd - 6 ? (f == blinkEnd - 6 || f == blinkEnd - 1 ? 0.5 : 1) : 0;
      if (f >= blinkEnd - 6 && f < blinkEnd) {
        blink = f == blinkEnd - 6 || f == blinkEnd - 1 ? 0.5 : 1;
      }
      w[f][blinkL] = blink;
      w[f][blinkR] = blink;
      if (f == nextMouth) {
        mouth = rnd.nextDouble() < 0.5 ? 0 : 0.3 + 0.5 * rnd.nextDouble();
        nextMouth = f + 20 + rnd.nextInt(30);
      }
      w[f][jaw] = mouth;
      for (int i = 0; i < smooth.length; i++) {
        w[f][smooth[i]] = Math.max(0, 0.6 * Math.sin(2 * Math.PI * 0.3 * t + phase[i]));
      }
      HeadPose pose = HeadPose.ofEulerDegrees(15 * Math.sin(0.5 * t + phase[5]), 8 * Math.sin(0.4 * t + phase[6]),
          4 * Math.sin(0.3 * t + phase[7]), 0, 0, -600 / rig.millimetresPerUnit());
      double[] seen = w[f].clone();
      seen[blinkL] *= lidFollow;
      seen[blinkR] *= lidFollow;
      double[] full = project(w[f], pose, cam);
      double[] lids = project(seen, pose, cam);
      System.arraycopy(lids, 2 * 36, full, 2 * 36, 2 * 12);
      for (int i = 0; i < full.length; i++) {
        full[i] += noisePx * rnd.nextGaussian();
      }
      points[f] = full;
    }
    return new Generated(w, points);
  }

  private double[] project(double[] weights, HeadPose pose, PinholeCamera cam) {
    float[] mesh = PosedMesh.of(rig, weights, new double[0]);
    double[] out = new double[136];
    for (int j = 0; j < 68; j++) {
      int v = rig.landmarkVertices()[j];
      Vector2D uv = cam.project(pose.apply(new Vector3D(mesh[3 * v], mesh[3 * v + 1], mesh[3 * v + 2])));
      out[2 * j] = uv.getX();
      out[2 * j + 1] = uv.getY();
    }
    return out;
  }

  ReconstructionScores.Row score(String name, Generated g, FitOptions options, boolean elam) {
    PinholeCamera cam = new PinholeCamera(800, 320, 240, 640, 480);
    double[][] points = g.points();
    if (elam) {
      points = Elam.adjust(points, LandmarkSet.IBUG_68, EyeStates.estimate(points, LandmarkSet.IBUG_68));
    }
    double[][] fitted = new RigFitter(rig, LandmarkSet.IBUG_68, cam, options).fitSequence(points).stream()
        .map(FitResult::weights).toArray(double[][]::new);
    return scores.score(name, g.weights(), new double[0], fitted, new double[0], 3);
  }

  /** Prints the ablation on the embedded rig: 900 frames (30 s), 1 px noise, lids followed at 50%. */
  public static void main(String[] args) {
    new EyeAblation(dev.mimik.face.rig.embedded.EmbeddedRig.load(), 900, 7, 1.0, 0.5).run(System.out);
  }
}
