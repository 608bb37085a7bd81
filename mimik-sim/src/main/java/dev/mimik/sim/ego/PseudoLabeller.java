package dev.mimik.sim.ego;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.face.camera.Camera;
import dev.mimik.face.fit.FitOptions;
import dev.mimik.face.fit.FitResult;
import dev.mimik.face.fit.RigFitter;
import dev.mimik.face.headset.CameraRole;
import dev.mimik.face.headset.HeadFrame;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.Intrinsics;
import dev.mimik.face.headset.Side;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.PosedMesh;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * The pseudo ground truth of "real" recordings (REFA §6.1.3), made the way a capture lab makes it: keypoints
 * detected in the data-collection headset's views ({@link KeypointDetector}) are triangulated with the headset's
 * calibration ({@link Triangulator}), moved onto the labelling rig's neutral (delta transfer), seen through a
 * virtual frontal camera, and the project's {@link RigFitter} solves every frame for the blendshapes of the
 * labelling rig with an L1 sparsity prior, after fitting the subject's identity once on the neutral frames.
 *
 * <p>Nothing is added to the truth: the labels come out muted, noisy and sometimes wrong because the labelling rig
 * is not the face that made the views (the ICT FaceKit face when present), the sparsity prior trades small
 * activations for zeros, points seen by one camera keep the neutral rig's depth, and the detector errs and loses
 * points behind noses, cheeks, frames and beards.
 */
public final class PseudoLabeller {

  /** Strength of the L1 prior: the fitter's default is 4e-5; 5e-4 mutes peaks without losing blinks (docs/notes/ego.md). */
  public static final double SPARSITY = 5e-4;
  private static final double PRIOR_MM = 8;
  private static final int IDENTITY_FRAMES = 40;

  private final FaceRig rig;
  private final List<HeadsetCamera> cameras;
  private final Triangulator triangulator;
  private final HeadsetCamera virtual;
  private final Camera virtualProjection;
  private final double[] prior;
  private final double sparsity;

  /**
   * @param labelRig the rig the labels are solved on (ARKit-named targets)
   * @param cameras every camera of the data-collection headset, as calibrated (no donning)
   * @param detector the detector, whose error sets the triangulation's weights
   */
  public PseudoLabeller(FaceRig labelRig, List<HeadsetCamera> cameras, KeypointDetector detector, double sparsity) {
    this.rig = labelRig;
    this.cameras = List.copyOf(cameras);
    this.triangulator = new Triangulator(cameras, detector.noisePx(), PRIOR_MM);
    this.sparsity = sparsity;
    Vector3D eye = new Vector3D(0, -30, 600);
    this.virtual = new HeadsetCamera("virtual", CameraRole.MOUTH, Side.CENTER, true, eye,
        HeadsetCamera.lookAt(eye, new Vector3D(0, -30, 0), 0), new Intrinsics(Intrinsics.Model.PINHOLE, 1000, 320,
            240, 640, 480));
    this.virtualProjection = virtual.intrinsics().camera();
    HeadFrame frame = HeadFrame.of(labelRig, new double[0]);
    float[] neutral = PosedMesh.of(labelRig, new double[labelRig.shapeCount()], new double[0]);
    int[] lv = labelRig.landmarkVertices();
    prior = new double[3 * lv.length];
    for (int i = 0; i < lv.length; i++) {
      for (int a = 0; a < 3; a++) {
        prior[3 * i + a] = frame.toMm(neutral[3 * lv[i] + a], a);
      }
    }
  }

  /** The cameras whose detections {@link #landmarks} expects, in order. */
  public List<HeadsetCamera> cameras() {
    return cameras;
  }

  /**
   * One frame's landmarks triangulated in the headset frame: {@code x0, y0, z0, ...} in mm, NaN where no camera saw a
   * point.
   *
   * @param views per camera (in {@link #cameras()} order), the detections of {@link KeypointDetector#detect}
   */
  public double[] landmarks(double[][] views) {
    int n = prior.length / 3;
    double[] out = new double[3 * n];
    for (int i = 0; i < n; i++) {
      double[] x = triangulator.point(views, i, new double[] {prior[3 * i], prior[3 * i + 1], prior[3 * i + 2]});
      for (int a = 0; a < 3; a++) {
        out[3 * i + a] = x == null ? Double.NaN : x[a];
      }
    }
    return out;
  }

  /**
   * Solves every frame for the labelling rig's weights. The person's neutral (the mean of the triangulated points
   * over the neutral segments) is first replaced by the labelling rig's, so that each frame's displacement from
   * neutral is what the rig explains (delta transfer, as retargeting from one face to another does); then the
   * identity is fitted on up to 40 neutral frames and each frame is solved, warm-started from the one before.
   *
   * @param times frame times, seconds
   * @param points per frame, {@link #landmarks}
   */
  public BlendshapeTrack solve(double[] times, double[][] points, List<PromptSegment> segments) {
    double[] shift = neutralShift(times, points, segments);
    double[][] frames = new double[times.length][];
    for (int f = 0; f < times.length; f++) {
      frames[f] = project(points[f], shift);
    }
    RigFitter fitter = new RigFitter(rig, LandmarkSet.IBUG_68, virtualProjection,
        FitOptions.defaults().withSparsityPrior(sparsity));
    List<double[]> neutral = new ArrayList<>();
    for (int f = 0; f < times.length && neutral.size() < IDENTITY_FRAMES; f += 3) {
      if (inNeutralApex(times[f], segments) && seen(frames[f]) >= 40) {
        neutral.add(frames[f]);
      }
    }
    if (neutral.size() >= 5 && !rig.identityNames().isEmpty()) {
      fitter = fitter.withIdentity(fitter.fitIdentity(neutral.toArray(double[][]::new)));
    }
    double[][] w = new double[times.length][];
    FitResult previous = null;
    for (int f = 0; f < times.length; f++) {
      if (seen(frames[f]) < 12) {
        w[f] = previous == null ? new double[rig.shapeCount()] : previous.weights().clone();
        continue;
      }
      previous = fitter.fit(frames[f], previous);
      w[f] = previous.weights().clone();
    }
    return new BlendshapeTrack(times, rig.shapeNames(), w);
  }

  /** Per landmark, the labelling rig's neutral point minus the person's (mean over neutral apexes); 0 if unseen. */
  private double[] neutralShift(double[] times, double[][] points, List<PromptSegment> segments) {
    int n = prior.length;
    double[] sum = new double[n];
    int[] count = new int[n];
    for (int f = 0; f < times.length; f++) {
      if (!inNeutralApex(times[f], segments)) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(points[f][i])) {
          sum[i] += points[f][i];
          count[i]++;
        }
      }
    }
    double[] shift = new double[n];
    for (int i = 0; i < n; i++) {
      shift[i] = count[i] == 0 ? 0 : prior[i] - sum[i] / count[i];
    }
    return shift;
  }

  /** Triangulated points, shifted, as the virtual frontal camera sees them: {@code x0, y0, ...}, NaN if unseen. */
  private double[] project(double[] points, double[] shift) {
    int n = points.length / 3;
    double[] out = new double[2 * n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(points[3 * i])) {
        out[2 * i] = Double.NaN;
        out[2 * i + 1] = Double.NaN;
        continue;
      }
      Vector2D uv = virtualProjection.project(virtual.toCamera(new Vector3D(points[3 * i] + shift[3 * i],
          points[3 * i + 1] + shift[3 * i + 1], points[3 * i + 2] + shift[3 * i + 2])));
      out[2 * i] = uv.getX();
      out[2 * i + 1] = uv.getY();
    }
    return out;
  }

  private static boolean inNeutralApex(double t, List<PromptSegment> segments) {
    for (PromptSegment s : segments) {
      if (s.kind() == PromptSegment.Kind.NEUTRAL && t >= s.apexStartS() && t <= s.apexEndS()) {
        return true;
      }
    }
    return false;
  }

  private static int seen(double[] points) {
    int n = 0;
    for (int i = 0; i < points.length; i += 2) {
      n += Double.isNaN(points[i]) ? 0 : 1;
    }
    return n;
  }

  /** The strength of the L1 prior this labeller solves with. */
  public double sparsity() {
    return sparsity;
  }
}
