package dev.mimik.track;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.eyes.EyeState;
import dev.mimik.face.fit.RestShape;
import java.util.Arrays;
import java.util.List;

/**
 * A recording tracked by a {@link TrackingPipeline}: every frame as it left the pipeline, and the tracks made of them.
 *
 * @param frames the frames, in time order
 * @param set the landmark set tracked
 * @param stageNames the pipeline's stages, the order of {@link Frame#stageNanos}
 * @param rest the rest shape (identity and landmark offsets) the face was fitted with, or null without a face
 */
public record TrackedRecording(List<Frame> frames, LandmarkSet set, List<String> stageNames, RestShape rest) {

  public TrackedRecording {
    frames = List.copyOf(frames);
    stageNames = List.copyOf(stageNames);
  }

  /** The identity coefficients the face was fitted with, or null without a face. */
  public double[] identity() {
    return rest == null ? null : rest.identity();
  }

  /** Frame times, seconds on the biosignal clock. */
  public double[] times() {
    return frames.stream().mapToDouble(Frame::timeSeconds).toArray();
  }

  /** The tracked landmarks in the set's order (training-camera pixels); frames without are missing. */
  public LandmarkTrack landmarks() {
    return track(Frame::landmarks);
  }

  /**
   * The tracked landmarks spread into the iBUG layout of {@code landmarks.csv} (68 points, or 70 with the pupils): the
   * set's points at their iBUG numbers, the others NaN.
   */
  public LandmarkTrack ibugLandmarks() {
    LandmarkTrack track = landmarks();
    double[][] frames = new double[track.frameCount()][];
    for (int f = 0; f < frames.length; f++) {
      frames[f] = ibugRow(set, track.missing()[f] ? null : track.frames()[f]);
    }
    return new LandmarkTrack(track.timesSeconds(), ibugPoints(set), frames, track.missing());
  }

  /** The points of the iBUG layout for {@code set}: 68, or 70 with the pupils. */
  public static int ibugPoints(LandmarkSet set) {
    return Arrays.stream(set.ibugIndices()).max().orElse(67) >= 68 ? 70 : 68;
  }

  /**
   * One frame's landmarks in {@code set}'s order spread into the iBUG layout of {@code landmarks.csv}, NaN where
   * the set has no point (all NaN for a frame without landmarks, {@code null}).
   */
  public static double[] ibugRow(LandmarkSet set, double[] landmarks) {
    int[] ibug = set.ibugIndices();
    double[] row = new double[2 * ibugPoints(set)];
    Arrays.fill(row, Double.NaN);
    if (landmarks != null) {
      for (int i = 0; i < ibug.length; i++) {
        row[2 * ibug[i]] = landmarks[2 * i];
        row[2 * ibug[i] + 1] = landmarks[2 * i + 1];
      }
    }
    return row;
  }

  /** The landmarks the face was fitted to (after the eyelid adjustment), in the set's order. */
  public LandmarkTrack fitLandmarks() {
    return track(Frame::fitLandmarks);
  }

  /** The fitted ARKit-52 weights per frame, or null when no face was fitted. */
  public BlendshapeTrack blendshapes() {
    if (frames.isEmpty() || frames.get(0).blendshapes() == null) {
      return null;
    }
    return new BlendshapeTrack(times(), Blendshapes.ARKIT_52,
        frames.stream().map(Frame::blendshapes).toArray(double[][]::new));
  }

  /** The eye states per frame and eye; frames without landmarks count as open. */
  public EyeState[][] eyes() {
    EyeState open = new EyeState(Double.NaN, 0);
    return frames.stream().map(f -> f.eyes() != null ? f.eyes() : new EyeState[] {open, open})
        .toArray(EyeState[][]::new);
  }

  /** The blink detector's closure per frame, or null when the model has none. */
  public double[] eogClosure() {
    if (frames.stream().allMatch(f -> Double.isNaN(f.eogClosure()))) {
      return null;
    }
    return frames.stream().mapToDouble(f -> Double.isNaN(f.eogClosure()) ? 0 : f.eogClosure()).toArray();
  }

  /** The time each stage spent on each tracked frame. */
  public StageTimings timings() {
    return StageTimings.of(stageNames, frames);
  }

  private LandmarkTrack track(java.util.function.Function<Frame, double[]> points) {
    int n = set.size();
    double[][] data = new double[frames.size()][];
    boolean[] missing = new boolean[frames.size()];
    for (int f = 0; f < data.length; f++) {
      double[] p = points.apply(frames.get(f));
      missing[f] = p == null;
      if (missing[f]) {
        data[f] = new double[2 * n];
        Arrays.fill(data[f], Double.NaN);
      } else {
        data[f] = p;
      }
    }
    return new LandmarkTrack(times(), n, data, missing);
  }
}
