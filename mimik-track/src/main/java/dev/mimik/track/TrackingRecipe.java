package dev.mimik.track;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.fit.RestShape;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.smooth.KalmanSettings;
import dev.mimik.learn.bioface.LandmarkFrame;
import dev.mimik.learn.bioface.PersonIdentity;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.track.stage.EyeStage;
import dev.mimik.track.stage.FaceFitStage;
import dev.mimik.track.stage.KalmanStage;
import dev.mimik.track.stage.NetworkStage;
import dev.mimik.track.stage.RtsStage;
import java.util.ArrayList;
import java.util.List;

/**
 * How to build a {@link TrackingPipeline}: filters and windows, BioNet, smoothing, eye state (ELAM), face fit
 * (identity, LDL). Live and causal tracking use the defaults; offline tracking of a recording differs only in two
 * options, zero-phase filters (its samples come in already split into bands) and a two-sided smoother, and in its
 * blink detector seeing the whole recording at once.
 *
 * @param offline two-sided smoothing and a blink detector on the whole recording (recordings only)
 * @param smoothing the landmark smoother's noise levels
 * @param face how the face fit treats eyes and lips
 * @param identityFrames tracked frames the person's face shape is fitted on before the first expression
 */
public record TrackingRecipe(boolean offline, KalmanSettings smoothing, FaceFit face, int identityFrames) {

  /**
   * Tracked frames (4 s at 30 fps) the identity is fitted on when the model carries none for the rig (a model of
   * an older mimik, or another face).
   */
  public static final int IDENTITY_FRAMES = 120;

  public TrackingRecipe {
    if (identityFrames < 1) {
      throw new IllegalArgumentException("the identity needs at least one frame, not " + identityFrames);
    }
  }

  /** The live pipeline's recipe, also {@code mimik track}'s default. */
  public static TrackingRecipe causal() {
    return new TrackingRecipe(false, KalmanSettings.defaults(), FaceFit.ELAM_LDL, IDENTITY_FRAMES);
  }

  /** This recipe for a whole recording, looking ahead: zero-phase filters, RTS smoothing. */
  public TrackingRecipe withOffline(boolean lookAhead) {
    return new TrackingRecipe(lookAhead, smoothing, face, identityFrames);
  }

  /** This recipe with another treatment of eyes and lips. */
  public TrackingRecipe withFace(FaceFit how) {
    return new TrackingRecipe(offline, smoothing, how, identityFrames);
  }

  /**
   * The pipeline for a model.
   *
   * @param rig the face to fit, or null for landmarks only
   * @param startSeconds biosignal-clock time of the first sample that will be pushed
   * @param eogBand offline only: the recording's zero-phase EOG band {@code [channel][sample]} in the model's channel
   *     order, from {@code startSeconds}, for the blink detector (ignored without one)
   */
  public TrackingPipeline build(TrackingModel model, FaceRig rig, double startSeconds, double[][] eogBand) {
    LandmarkFrame frame = model.landmarkFrame();
    List<Stage> stages = new ArrayList<>();
    stages.add(new NetworkStage(model.network(), frame));
    stages.add(smoother(frame.set()));
    stages.add(eyes(model, startSeconds, eogBand));
    if (rig != null) {
      stages.add(new FaceFitStage(rig, frame, face.localDistances(),
          model.identityOn(rig).map(PersonIdentity::rest).orElse(null), identityFrames));
    }
    return new TrackingPipeline(new SignalFrontEnd(model.frontEnd(), startSeconds), stages);
  }

  /**
   * The face of a tracked recording fitted again this recipe's way ({@link #face()}): the same landmarks, the same
   * eye closures and the same identity, through a new eye stage and face fit. What an ablation of ELAM and LDL
   * compares.
   */
  public TrackedRecording refit(TrackingModel model, FaceRig rig, TrackedRecording tracked) {
    LandmarkFrame frame = model.landmarkFrame();
    double[] closure = tracked.eogClosure();
    double[] times = tracked.times();
    EyeStage eyes = closure == null
        ? EyeStage.fromLandmarks(frame.display().apply(frame.reference()), frame.set(), face.elam())
        : EyeStage.given(t -> closure[nearest(times, t)], frame.set(), face.elam());
    return replay(eyes, rig, frame, tracked.rest(), tracked.landmarks());
  }

  /**
   * Landmarks from a camera (a landmark file: 68 points in iBUG order, or 70 with the pupils) fitted to the rig the
   * way tracking fits its own: in the landmarks' own frame ({@link LandmarkFrame#of(LandmarkSet, LandmarkTrack)},
   * seen through its assumed camera), through this recipe's smoother (two-sided when offline), eye stage (the eye
   * state read from the lids, ELAM when the recipe has it) and face fit (LDL), with the person's rest shape fitted
   * first on {@link PersonIdentity#FRAMES} of the smoothed frames spread over the whole track, as training fits it.
   *
   * @throws IllegalArgumentException if no frame has all the points of {@code set}
   */
  public TrackedRecording fitLandmarks(LandmarkTrack track, LandmarkSet set, FaceRig rig) {
    LandmarkFrame frame = LandmarkFrame.of(set, track);
    TrackingPipeline smoothing = new TrackingPipeline(null, List.of(smoother(set)));
    LandmarkTrack points = new TrackedRecording(smoothing.replay(frame.points(track)), set, List.of(), null)
        .landmarks();
    double[][] tracked = java.util.stream.IntStream.range(0, points.frameCount())
        .filter(f -> !points.missing()[f]).mapToObj(f -> points.frames()[f]).toArray(double[][]::new);
    RestShape rest = PersonIdentity.fit(rig, frame, PersonIdentity.spread(tracked)).rest();
    EyeStage eyes = EyeStage.fromLandmarks(frame.display().apply(frame.reference()), set, face.elam());
    return replay(eyes, rig, frame, rest, points);
  }

  /** Landmarks in set order replayed through {@code eyes} and a face fit with {@code rest} (null: fitted). */
  private TrackedRecording replay(EyeStage eyes, FaceRig rig, LandmarkFrame frame, RestShape rest,
      LandmarkTrack landmarks) {
    FaceFitStage fit = new FaceFitStage(rig, frame, face.localDistances(), rest, identityFrames);
    TrackingPipeline pipeline = new TrackingPipeline(null, List.of(eyes, fit));
    return new TrackedRecording(pipeline.replay(landmarks), frame.set(), pipeline.stageNames(), fit.rest());
  }

  /** The landmark smoother of this recipe: two-sided offline, else the causal Kalman filter. */
  private Stage smoother(LandmarkSet set) {
    return offline ? new RtsStage(smoothing, set.size()) : new KalmanStage(smoothing, set.size());
  }

  private static int nearest(double[] sorted, double t) {
    int i = java.util.Arrays.binarySearch(sorted, t);
    return i >= 0 ? i : Math.max(0, Math.min(sorted.length - 1, -i - 2));
  }

  private EyeStage eyes(TrackingModel model, double startSeconds, double[][] eogBand) {
    LandmarkFrame frame = model.landmarkFrame();
    if (model.blinks().isEmpty()) {
      return EyeStage.fromLandmarks(frame.display().apply(frame.reference()), frame.set(), face.elam());
    }
    if (!offline) {
      return EyeStage.live(model.blinks().get(), model.frontEnd(), frame.set(), startSeconds, face.elam());
    }
    if (eogBand == null) {
      throw new IllegalArgumentException("offline tracking needs the recording's EOG band for the blink detector");
    }
    OfflineClosure closure = new OfflineClosure(model, eogBand, startSeconds);
    return EyeStage.given(closure::at, frame.set(), face.elam());
  }
}
