package dev.mimik.learn.bioface;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.align.Procrustes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * BioFace-3D's training data: per session, landmarks resampled to a uniform frame rate and Procrustes-aligned,
 * the two clocks synchronised, and one biosignal window per video frame cut by the same {@link FeatureStream} that
 * tracking uses. Frames without a face, or before the first full window, are left out.
 *
 * @param frame the aligned frame the targets are in
 * @param windows {@code [frame][input][sample]}
 * @param targets aligned landmarks {@code [frame][2 * points]}
 * @param session index of each frame's session
 * @param times each frame's time on the landmark clock
 */
public record TrainingData(LandmarkFrame frame, float[][][] windows, float[][] targets, int[] session,
    double[] times) {

  /** Longest landmark gap bridged by interpolation when resampling to the frame rate. */
  public static final double MAX_LANDMARK_GAP_SECONDS = 0.25;

  /** Number of frames. */
  public int size() {
    return targets.length;
  }

  /**
   * Builds the training set of these sessions.
   *
   * @param landmarkFrame the aligned frame to use, or null to derive it from these sessions' landmarks
   */
  public static TrainingData build(List<Session> sessions, FrontEnd frontEnd, LandmarkSet set,
      LandmarkFrame landmarkFrame, Consumer<String> warnings) {
    List<LandmarkTrack> uniform = new ArrayList<>();
    List<double[]> allShapes = new ArrayList<>();
    for (Session s : sessions) {
      LandmarkTrack track = uniformLandmarks(s, frontEnd, set);
      uniform.add(track);
      allShapes.addAll(faces(set, track));
    }
    LandmarkFrame lf = landmarkFrame != null ? landmarkFrame : frameOf(set, allShapes);
    Procrustes procrustes = new Procrustes(lf.reference());
    List<float[][]> windows = new ArrayList<>();
    List<float[]> targets = new ArrayList<>();
    List<Integer> sessionOf = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    for (int si = 0; si < sessions.size(); si++) {
      Session s = sessions.get(si);
      double[][] raw = SessionSignals.select(s.signals(), frontEnd, s.source(), warnings);
      LandmarkTrack track = uniform.get(si);
      double[][] shapes = LandmarkFrame.shapes(set, track);
      FeatureStream stream = new FeatureStream(frontEnd, s.signals().startTimeSeconds(), frontEnd.windowSeconds());
      int pushed = 0;
      int before = targets.size();
      for (int f = 0; f < track.frameCount(); f++) {
        double t = s.clock().toBiosignalTime(track.timesSeconds()[f]);
        int upTo = Math.min(raw[0].length,
            (int) Math.floor((t - s.signals().startTimeSeconds()) * frontEnd.samplingRateHz() + 1e-6) + 1);
        if (upTo > pushed) {
          push(stream, raw, pushed, upTo);
          pushed = upTo;
        }
        float[][] window = new float[frontEnd.inputCount()][frontEnd.windowSamples()];
        if (shapes[f] == null || !stream.window(t, window)) {
          continue;
        }
        double[] aligned = procrustes.align(shapes[f]);
        float[] target = new float[aligned.length];
        boolean finite = true;
        for (int i = 0; i < target.length; i++) {
          target[i] = (float) aligned[i];
          finite &= Double.isFinite(aligned[i]);
        }
        if (finite) {
          windows.add(window);
          targets.add(target);
          sessionOf.add(si);
          times.add(track.timesSeconds()[f]);
        }
      }
      if (targets.size() == before) {
        throw new BadInputException(s.source(), "no video frame overlaps the biosignals with a full "
            + frontEnd.windowSeconds() + " s window: check the clocks (offset " + s.clock().offsetSeconds() + " s)");
      }
    }
    return new TrainingData(lf, windows.toArray(float[][][]::new), targets.toArray(float[][]::new),
        sessionOf.stream().mapToInt(Integer::intValue).toArray(),
        times.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Most shapes the aligned frame's reference is computed from; more are thinned evenly to this many. */
  public static final int MAX_REFERENCE_SHAPES = 4000;

  /**
   * A session's landmarks resampled to the front end's frame rate, refused when no frame is valid or the points are
   * too few for {@code set}.
   */
  public static LandmarkTrack uniformLandmarks(Session s, FrontEnd frontEnd, LandmarkSet set) {
    LandmarkTrack track = UniformFrames.resample(s.landmarks(), frontEnd.fps(), MAX_LANDMARK_GAP_SECONDS);
    if (track.frameCount() == 0) {
      throw new BadInputException(s.source(), "its landmarks have no valid frame");
    }
    if (LandmarkFrame.selectPoints(set, track.pointCount(), track.frames()[0]) == null) {
      throw new BadInputException(s.source(), "its landmarks have " + track.pointCount() + " points, too few for the "
          + set.size() + "-point set");
    }
    return track;
  }

  /** A session's shapes in {@code set}: its {@link #uniformLandmarks}' frames with a face, in order. */
  public static List<double[]> shapes(Session s, FrontEnd frontEnd, LandmarkSet set) {
    return faces(set, uniformLandmarks(s, frontEnd, set));
  }

  private static List<double[]> faces(LandmarkSet set, LandmarkTrack track) {
    List<double[]> out = new ArrayList<>();
    for (double[] shape : LandmarkFrame.shapes(set, track)) {
      if (shape != null) {
        out.add(shape);
      }
    }
    return out;
  }

  /**
   * The aligned frame derived from the {@link #shapes} of all sessions in order, as {@link #build} derives it (at most
   * {@link #MAX_REFERENCE_SHAPES} of them, {@link #thinned}; fewer are taken as they are).
   */
  public static LandmarkFrame frameOf(LandmarkSet set, List<double[]> shapes) {
    int[] pick = thinned(shapes.size());
    List<double[]> thin = new ArrayList<>(pick.length);
    for (int i : pick) {
      thin.add(shapes.get(i));
    }
    return LandmarkFrame.of(set, thin);
  }

  /** Which of {@code total} shapes the reference is computed from: all, or {@link #MAX_REFERENCE_SHAPES} evenly. */
  public static int[] thinned(int total) {
    if (total <= MAX_REFERENCE_SHAPES) {
      return java.util.stream.IntStream.range(0, total).toArray();
    }
    double step = total / (double) MAX_REFERENCE_SHAPES;
    return java.util.stream.IntStream.range(0, MAX_REFERENCE_SHAPES).map(i -> (int) (i * step)).toArray();
  }

  /** The frames of one session only. */
  public TrainingData ofSession(int index) {
    int[] pick = java.util.stream.IntStream.range(0, size()).filter(i -> session[i] == index).toArray();
    float[][][] w = new float[pick.length][][];
    float[][] t = new float[pick.length][];
    int[] s = new int[pick.length];
    double[] tm = new double[pick.length];
    for (int i = 0; i < pick.length; i++) {
      w[i] = windows[pick[i]];
      t[i] = targets[pick[i]];
      s[i] = index;
      tm[i] = times[pick[i]];
    }
    return new TrainingData(frame, w, t, s, tm);
  }

  /**
   * This data with every group's targets moved onto the mean face of all frames: each group's own mean shape taken
   * off its frames and the overall mean put on, so what remains of a group's faces is its expressions.
   *
   * @param groupOfSession the group (a participant) of each session, indexed by session
   */
  public TrainingData onCommonMeanFace(int[] groupOfSession) {
    int coords = targets[0].length;
    int groups = Arrays.stream(groupOfSession).max().orElse(0) + 1;
    double[][] groupSum = new double[groups][coords];
    int[] groupFrames = new int[groups];
    double[] mean = new double[coords];
    for (int f = 0; f < size(); f++) {
      int g = groupOfSession[session[f]];
      groupFrames[g]++;
      for (int c = 0; c < coords; c++) {
        groupSum[g][c] += targets[f][c];
        mean[c] += targets[f][c];
      }
    }
    float[][] moved = new float[size()][coords];
    for (int f = 0; f < size(); f++) {
      int g = groupOfSession[session[f]];
      for (int c = 0; c < coords; c++) {
        moved[f][c] = (float) (targets[f][c] - groupSum[g][c] / groupFrames[g] + mean[c] / size());
      }
    }
    return new TrainingData(frame, windows, moved, session, times);
  }

  private static void push(FeatureStream stream, double[][] raw, int from, int to) {
    double[][] block = new double[raw.length][];
    for (int c = 0; c < raw.length; c++) {
      block[c] = java.util.Arrays.copyOfRange(raw[c], from, to);
    }
    stream.pushRaw(block);
  }
}
