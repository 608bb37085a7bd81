package dev.mimik.face.fit;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.camera.WeakPerspectiveCamera;
import dev.mimik.face.rig.FaceRig;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a face rig to 2D landmarks: head pose and expression weights in [0, 1] per frame, identity once per person.
 *
 * <p>Two stages, as in the FLAME reference fitter: without a previous frame, the pose alone is first initialised
 * in closed form ({@code InitialPose}) and refined; then pose and weights are refined together. Both stages are
 * {@code BoundedLevenbergMarquardt} on the {@code LandmarkResiduals}, divided by the landmark bounding-box diagonal
 * and multiplied by {@link RegionWeights}, with priors on the weights ({@code FrameObjective}); the weights are kept
 * in [0, 1]. In a sequence the previous frame is the warm start and a temporal prior pulls the weights toward it.
 * Identity is fitted over many frames at once ({@code IdentityFit}); a person's whole rest shape ({@link RestShape}:
 * identity, then per-landmark offsets) by {@link #fitRest}.
 *
 * <p>Through a camera that does not see depth ({@link Camera#seesDepth}, such as a {@link WeakPerspectiveCamera})
 * the camera's magnification is fitted too (the given one is the starting value) and the depth of the translation
 * is left at 0; through one that does (a {@link PinholeCamera}) all six pose parameters are fitted. Landmarks whose
 * coordinates are NaN are ignored. Instances are immutable and thread-safe.
 */
public final class RigFitter {

  private final FaceRig rig;
  private final LandmarkModel model;
  private final Camera camera;
  private final FitOptions options;
  private final RestShape rest;
  private final LandmarkResiduals landmarks;
  private final LocalDistanceResiduals pairs;
  private final BoundedLevenbergMarquardt solver;

  /** A fitter for the average face of the rig (identity coefficients 0). */
  public RigFitter(FaceRig rig, LandmarkSet set, Camera camera, FitOptions options) {
    this(rig, new LandmarkModel(rig, set), camera, options, RestShape.of(new double[rig.identityNames().size()]));
  }

  private RigFitter(FaceRig rig, LandmarkModel model, Camera camera, FitOptions options, RestShape rest) {
    this.rig = rig;
    this.model = model;
    this.camera = camera;
    this.options = options;
    this.rest = rest;
    this.landmarks = new LandmarkResiduals(model, rest, options.regions(), camera);
    this.pairs = new LocalDistanceResiduals(options.localDistances(), model.points);
    this.solver = new BoundedLevenbergMarquardt(options.tolerance());
  }

  /** The same fitter for a person with these identity coefficients (one per identity mode of the rig). */
  public RigFitter withIdentity(double[] identityCoefficients) {
    return withRest(RestShape.of(identityCoefficients));
  }

  /**
   * The same fitter for a person with this rest shape (identity coefficients, one per identity mode of the rig, and
   * none or one offset per landmark of the set).
   */
  public RigFitter withRest(RestShape person) {
    if (person.identity().length != model.modes) {
      throw new IllegalArgumentException("the rig has " + model.modes + " identity modes, got "
          + person.identity().length + " coefficients");
    }
    return new RigFitter(rig, model, camera, options, person);
  }

  /** The identity coefficients this fitter uses. */
  public double[] identity() {
    return rest.identity();
  }

  /** The rest shape this fitter uses. */
  public RestShape rest() {
    return rest;
  }

  /** Fits one frame from scratch. {@code points} holds x0, y0, x1, y1, ... in pixels, in the set's order. */
  public FitResult fit(double[] points) {
    return fit(points, null);
  }

  /**
   * Fits one frame, starting from the previous frame's result (warm start and temporal prior) when it is not null.
   */
  public FitResult fit(double[] points, FitResult previous) {
    Observation f = new Observation(points, model.points);
    FitState start;
    int iterations = 0;
    if (previous == null) {
      FrameObjective pose = new FrameObjective(landmarks, pairs, options, f, null, false, false);
      BoundedLevenbergMarquardt.Optimum<FitState> rigid = solver.minimize(pose,
          InitialPose.estimate(f, landmarks.neutral(), camera, model.shapes), options.rigidIterations());
      start = rigid.point();
      iterations = rigid.iterations();
    } else {
      start = FitState.of(previous, camera, model.shapes);
    }
    double[] prior = previous == null ? null : previous.weights();
    FrameObjective full = new FrameObjective(landmarks, pairs, options, f, prior, true, false);
    BoundedLevenbergMarquardt.Optimum<FitState> fitted = solver.minimize(full, start, options.iterations());
    FitState s = fitted.point();
    return s.result(landmarks.rmsPixels(f, s), iterations + fitted.iterations());
  }

  /**
   * The landmarks a fit puts on the image: x0, y0, x1, y1, ... in pixels, in the set's order (for residuals,
   * overlays and metrics on the fitted face).
   */
  public double[] landmarks(FitResult fit) {
    return landmarks.image(FitState.of(fit, camera, model.shapes));
  }

  /** Fits frames in order, each warm-started from the one before. */
  public List<FitResult> fitSequence(double[][] frames) {
    List<FitResult> out = new ArrayList<>(frames.length);
    FitResult previous = null;
    for (double[] frame : frames) {
      previous = fit(frame, previous);
      out.add(previous);
    }
    return out;
  }

  /**
   * Fits a landmark track into a blendshape track with the rig's target names; a frame marked missing keeps the
   * weights of the frame before (zeros at the start).
   */
  public BlendshapeTrack fitTrack(LandmarkTrack track) {
    if (track.pointCount() != model.points) {
      throw new IllegalArgumentException("the track has " + track.pointCount() + " points, the fitter expects "
          + model.points);
    }
    double[][] weights = new double[track.timesSeconds().length][];
    FitResult previous = null;
    for (int i = 0; i < weights.length; i++) {
      if (track.missing()[i]) {
        weights[i] = previous == null ? new double[model.shapes] : previous.weights().clone();
        continue;
      }
      previous = fit(track.frames()[i], previous);
      weights[i] = previous.weights().clone();
    }
    return new BlendshapeTrack(track.timesSeconds(), rig.shapeNames(), weights);
  }

  /**
   * Estimates a person's identity coefficients from many frames of them: one joint damped Gauss-Newton over the
   * shared identity and every frame's pose and weights, the frames eliminated by their Schur complement, starting
   * from independent fits with this fitter's identity.
   */
  public double[] fitIdentity(double[][] frames) {
    Observation[] observed = new Observation[frames.length];
    FitState[] states = new FitState[frames.length];
    for (int f = 0; f < frames.length; f++) {
      observed[f] = new Observation(frames[f], model.points);
      states[f] = FitState.of(fit(frames[f]), camera, model.shapes);
    }
    return new IdentityFit(landmarks, pairs, options).fit(rest.identity(), observed, states);
  }

  /**
   * Estimates a person's rest shape from many frames of them ({@link RestOffsets}): the identity coefficients
   * ({@link #fitIdentity}), then each landmark's offset from where they put it, the median over the frames of its
   * deviation from the rest under each frame's fitted pose. The frames should show the person mostly at rest
   * (more than half of them, landmark by landmark).
   */
  public RestShape fitRest(double[][] frames) {
    double[] identity = model.modes == 0 ? new double[0] : fitIdentity(frames);
    return RestOffsets.fit(withRest(new RestShape(identity, rest.offsets())), frames);
  }

  /** This fitter's residuals (for {@link RestOffsets}). */
  LandmarkResiduals residuals() {
    return landmarks;
  }

  /** The state of a fit of this fitter's (for {@link RestOffsets}). */
  FitState state(FitResult fit) {
    return FitState.of(fit, camera, model.shapes);
  }
}
