package dev.mimik.lab.face;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.eifer.MapMetrics;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.camera.CameraModel;
import dev.mimik.sim.camera.CameraSimulator;
import dev.mimik.sim.camera.RigLandmarks;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.performance.ShapeTour;
import dev.mimik.track.TrackedRecording;
import dev.mimik.track.TrackingRecipe;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The rig fit on faces another rig made: people of a face model with ARKit-named targets (the ICT FaceKit) perform
 * a {@link ShapeTour} (every shape alone and in mixtures, neutral stretches, blinks, gaze, head motion), a pinhole
 * camera films their landmarks with detector jitter ({@link CameraSimulator}), and the landmarks are fitted to the
 * fitting rig exactly as {@code mimik fit} fits a landmark file ({@link TrackingRecipe#fitLandmarks}). Each fitted
 * ARKit weight is scored against the true one by Pearson r over all people's frames, and on the neutral frames
 * (every true weight at most {@link #NEUTRAL}) by how often it sits at its upper bound.
 *
 * <p>The shapes scored are those the landmarks can see ({@link #visible}): the ones that move a landmark of the set
 * by at least {@link #VISIBLE_MM} in the image plane of the making rig's average face, leaving out the gaze
 * ({@code eyeLook*}) when the set has no pupils: without a pupil, a gaze shape's pull on the lids is one more lid
 * movement and tells nothing of the gaze.
 */
public final class ForeignFaceFit {

  /** True weights at most this count as rest: a frame whose every weight is at most this is neutral. */
  public static final double NEUTRAL = 0.01;
  /** A fitted weight at least this sits at its upper bound. */
  public static final double AT_BOUND = 0.99;
  /** The least landmark motion, image plane, millimetres at weight 1, by which a shape counts as visible. */
  public static final double VISIBLE_MM = 1.0;

  /**
   * What to measure.
   *
   * @param people how many people (identities drawn at random, standard normal coefficients clamped to 2.5)
   * @param rounds rounds of the shape tour each person performs (about 110 s each)
   * @param set the landmarks fitted
   * @param noisePx the detector's jitter per coordinate, pixels (5 times that on 0.5 % of frames)
   * @param seed seed of the people, their performances and the jitter
   */
  public record Settings(int people, int rounds, LandmarkSet set, double noisePx, long seed) {

    public Settings {
      if (people < 1 || rounds < 1 || !(noisePx >= 0)) {
        throw new IllegalArgumentException("people and rounds must be positive, the noise non-negative");
      }
    }

    /** Four people, one round each, 68 points, 1 px. */
    public static Settings standard() {
      return new Settings(4, 1, LandmarkSet.IBUG_68, 1.0, 1);
    }
  }

  /**
   * One ARKit shape's scores.
   *
   * @param name the ARKit name
   * @param visible whether the landmarks can see it (see the type's description); only these are averaged
   * @param separable whether the making rig's pattern of it has a part outside the span of its other shapes' and the
   *     head's motions ({@link Identifiability}): a second, stricter criterion, defined after the first was measured
   * @param r Pearson r of the fitted against the true weight over all frames (0 when the fit never moves it, NaN
   *     when the truth does not move it)
   * @param neutralAtBound fraction of the neutral frames on which the fitted weight is at its upper bound
   * @param neutralMean mean fitted weight on the neutral frames
   */
  public record ShapeScore(String name, boolean visible, boolean separable, double r, double neutralAtBound, double neutralMean) {}

  /**
   * The measurement.
   *
   * @param settings what was measured
   * @param makingRig the name of the rig that made the faces
   * @param fittingRig the name of the rig fitted
   * @param frames frames fitted over all people
   * @param neutralFrames of them, neutral
   * @param shapes one score per ARKit shape, in ARKit order
   */
  public record Result(Settings settings, String makingRig, String fittingRig, int frames, int neutralFrames,
      List<ShapeScore> shapes) {

    /** Mean r over the visible shapes. */
    public double meanVisibleR() {
      return shapes.stream().filter(ShapeScore::visible).mapToDouble(ShapeScore::r).average().orElse(Double.NaN);
    }

    /** Mean r over the separable shapes ({@link Identifiability}) the truth moves. */
    public double meanSeparableR() {
      return shapes.stream().filter(ShapeScore::separable).mapToDouble(ShapeScore::r).average().orElse(Double.NaN);
    }

    /** The separable shapes' names. */
    public List<String> separableShapes() {
      return shapes.stream().filter(ShapeScore::separable).map(ShapeScore::name).toList();
    }

    /** The visible shapes' names. */
    public List<String> visibleShapes() {
      return shapes.stream().filter(ShapeScore::visible).map(ShapeScore::name).toList();
    }

    /** The largest fraction of neutral frames any shape spends at its upper bound. */
    public double worstNeutralAtBound() {
      return shapes.stream().mapToDouble(ShapeScore::neutralAtBound).max().orElse(0);
    }

    /** The shapes at their upper bound on some neutral frame, worst first. */
    public List<ShapeScore> atBoundOnNeutral() {
      return shapes.stream().filter(s -> s.neutralAtBound() > 0)
          .sorted(Comparator.comparingDouble(s -> -s.neutralAtBound())).toList();
    }

    /** Prints the summary and one line per shape. */
    public void print(PrintStream out) {
      out.printf(Locale.ROOT, "faces of %s fitted with %s: %d people x %d round(s), %s, %.1f px jitter, seed %d%n",
          makingRig, fittingRig, settings.people(), settings.rounds(), settings.set().name().toLowerCase(Locale.ROOT),
          settings.noisePx(), settings.seed());
      out.printf(Locale.ROOT, "%d frames, %d neutral; mean r over %d visible shapes %.3f, over %d separable shapes %.3f;"
          + " shapes at their upper bound on neutral frames: %d (worst %.1f %% of them)%n", frames, neutralFrames,
          visibleShapes().size(), meanVisibleR(), separableShapes().size(), meanSeparableR(),
          atBoundOnNeutral().size(), 100 * worstNeutralAtBound());
      out.printf(Locale.ROOT, "%-20s %7s %9s %8s %16s %12s%n", "shape", "visible", "separable", "r", "neutral at bound",
          "neutral mean");
      for (ShapeScore s : shapes) {
        out.printf(Locale.ROOT, "%-20s %7s %9s %8.3f %15.1f%% %12.3f%n", s.name(), s.visible() ? "yes" : "no",
            s.separable() ? "yes" : "no", s.r(), 100 * s.neutralAtBound(), s.neutralMean());
      }
    }
  }

  /**
   * Prints results of the same measurement under several seeds side by side: per seed the mean r over the visible
   * shapes and the shapes at their bound on neutral frames, then their mean and standard deviation over the seeds;
   * per shape its r under each seed and the mean.
   */
  public static void printSeeds(List<Result> results, PrintStream out) {
    double[] means = results.stream().mapToDouble(Result::meanVisibleR).toArray();
    double mean = Arrays.stream(means).average().orElse(Double.NaN);
    double sd = Math.sqrt(Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / Math.max(1, means.length - 1));
    double separable = results.stream().mapToDouble(Result::meanSeparableR).average().orElse(Double.NaN);
    for (Result r : results) {
      String atBound = r.atBoundOnNeutral().stream().map(b -> String.format(Locale.ROOT, " %s %.1f %%", b.name(),
          100 * b.neutralAtBound())).collect(java.util.stream.Collectors.joining(","));
      out.printf(Locale.ROOT, "seed %d: %d frames, %d neutral; mean r over %d visible shapes %.3f, over %d separable"
          + " shapes %.3f; shapes at their upper bound on neutral frames: %d%s%n", r.settings().seed(), r.frames(),
          r.neutralFrames(), r.visibleShapes().size(), r.meanVisibleR(), r.separableShapes().size(),
          r.meanSeparableR(), r.atBoundOnNeutral().size(),
          atBound.isEmpty() ? "" : " (" + atBound.strip() + " of them)");
    }
    out.printf(Locale.ROOT, "over %d seeds: mean r %.3f +- %.3f (sd) over the visible shapes, %.3f over the separable%n",
        results.size(), mean, sd, separable);
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-20s %7s %9s", "shape", "visible",
        "separable"));
    results.forEach(r -> head.append(String.format(Locale.ROOT, " %8s", "seed " + r.settings().seed())));
    out.println(head.append(String.format(Locale.ROOT, " %8s", "mean")));
    for (int k = 0; k < Blendshapes.ARKIT_52.size(); k++) {
      int shape = k;
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s %7s %9s", Blendshapes.ARKIT_52.get(k),
          results.get(0).shapes().get(k).visible() ? "yes" : "no",
          results.get(0).shapes().get(k).separable() ? "yes" : "no"));
      results.forEach(r -> line.append(String.format(Locale.ROOT, " %8.3f", r.shapes().get(shape).r())));
      double m = results.stream().mapToDouble(r -> r.shapes().get(shape).r()).average().orElse(Double.NaN);
      out.println(line.append(String.format(Locale.ROOT, " %8.3f", m)));
    }
  }

  private final FaceRig making;
  private final FaceRig fitting;
  private final TrackingRecipe recipe;

  /**
   * @param making the rig that makes the faces, its targets in ARKit order (e.g. the ICT FaceKit through
   *     {@code ArkitShapeMapper.toArkit})
   * @param fitting the rig fitted (the 52 ARKit targets)
   * @param recipe how the landmarks are fitted (its face fit: ELAM, LDL)
   */
  public ForeignFaceFit(FaceRig making, FaceRig fitting, TrackingRecipe recipe) {
    this.making = making;
    this.fitting = fitting;
    this.recipe = recipe;
  }

  /** Measures; {@code progress} hears of each person fitted. */
  public Result run(Settings s, Consumer<String> progress) {
    List<double[]> fitted = new ArrayList<>();
    List<double[]> truth = new ArrayList<>();
    CameraModel camera = new CameraModel(30, 1280, 720, 1000, 600, s.noisePx(), 0, 0, 0);
    for (int p = 0; p < s.people(); p++) {
      long seed = SeedStreams.derive(s.seed(), "person/" + p);
      SplittableRandom draw = SeedStreams.stream(seed, "identity");
      double[] identity = new double[making.identityNames().size()];
      for (int i = 0; i < identity.length; i++) {
        identity[i] = Math.max(-2.5, Math.min(2.5, draw.nextGaussian()));
      }
      Performance performance = new ShapeTour(camera.fps()).perform(s.rounds(), seed);
      LandmarkTrack detected = new CameraSimulator(camera)
          .film(new RigLandmarks(making, identity), performance, SeedStreams.stream(seed, "detector")).detected();
      TrackedRecording tracked = recipe.fitLandmarks(detected, s.set(), fitting);
      BlendshapeTrack shapes = tracked.blendshapes();
      BlendshapeTrack truths = performance.blendshapesAt(detected.timesSeconds());
      for (int f = 0; f < shapes.frameCount(); f++) {
        fitted.add(shapes.weights()[f]);
        truth.add(truths.weights()[f]);
      }
      progress.accept("person " + (p + 1) + " of " + s.people());
    }
    return score(s, fitted.toArray(double[][]::new), truth.toArray(double[][]::new));
  }

  private Result score(Settings s, double[][] fitted, double[][] truth) {
    double[] r = MapMetrics.of(fitted, truth).pearson();
    boolean[] visible = visible(making, s.set());
    boolean[] separable = Identifiability.separable(making, s.set());
    List<Integer> neutral = new ArrayList<>();
    for (int f = 0; f < truth.length; f++) {
      if (Arrays.stream(truth[f]).allMatch(w -> w <= NEUTRAL)) {
        neutral.add(f);
      }
    }
    List<ShapeScore> scores = new ArrayList<>();
    for (int k = 0; k < Blendshapes.ARKIT_52.size(); k++) {
      int shape = k;
      double atBound = neutral.stream().filter(f -> fitted[f][shape] >= AT_BOUND).count()
          / (double) Math.max(1, neutral.size());
      double mean = neutral.stream().mapToDouble(f -> fitted[f][shape]).average().orElse(Double.NaN);
      boolean truthMoves = Arrays.stream(truth).mapToDouble(w -> w[shape]).max().orElse(0) > NEUTRAL;
      double rk = !truthMoves ? Double.NaN : Double.isNaN(r[k]) ? 0 : r[k];
      scores.add(new ShapeScore(Blendshapes.ARKIT_52.get(k), visible[k] && truthMoves, separable[k] && truthMoves, rk,
          atBound, mean));
    }
    return new Result(s, making.name(), fitting.name(), truth.length, neutral.size(), scores);
  }

  /**
   * The rig with its gaze targets ({@code eyeLook*}, ARKit order) turning the pupils as {@link RigLandmarks} turns
   * them when a rig's eyeballs do not move (the ICT FaceKit): each gaze target moves its eye's pupil vertex by the
   * turn its weight of 1 stands for. So that a fit with the ICT FaceKit's own targets sees the gaze the faces it made
   * show.
   */
  public static FaceRig withGazeOnPupils(FaceRig rig) {
    if (rig.leftEye() == null || rig.rightEye() == null) {
      return rig;
    }
    List<float[]> deltas = new ArrayList<>(rig.shapeDeltas());
    List<GazeTurn> gaze = List.of(new GazeTurn("eyeLookDownLeft", true, 1, 0),
        new GazeTurn("eyeLookUpLeft", true, -1, 0), new GazeTurn("eyeLookOutLeft", true, 0, 1), new GazeTurn("eyeLookInLeft", true, 0, -1),
        new GazeTurn("eyeLookDownRight", false, 1, 0), new GazeTurn("eyeLookUpRight", false, -1, 0),
        new GazeTurn("eyeLookInRight", false, 0, 1), new GazeTurn("eyeLookOutRight", false, 0, -1));
    for (GazeTurn g : gaze) {
      int k = rig.shapeIndex(g.name());
      Eyeball eye = g.left() ? rig.leftEye() : rig.rightEye();
      int v = eye.pupilVertex(rig.neutral());
      if (k < 0 || deltas.get(k)[3 * v] != 0 || deltas.get(k)[3 * v + 1] != 0 || deltas.get(k)[3 * v + 2] != 0) {
        continue;
      }
      double[] from = new double[3];
      for (int a = 0; a < 3; a++) {
        from[a] = rig.neutral()[3 * v + a] - eye.centre()[a];
      }
      double[] to = Eyeball.turned(from[0], from[1], from[2], g.down() * Eyeball.LOOK_VERTICAL_DEGREES,
          g.toLeft() * Eyeball.LOOK_SIDEWAYS_DEGREES);
      float[] d = deltas.get(k).clone();
      for (int a = 0; a < 3; a++) {
        d[3 * v + a] = (float) (to[a] - from[a]);
      }
      deltas.set(k, d);
    }
    return new FaceRig(rig.name(), rig.neutral(), rig.triangles(), rig.shapeNames(), deltas, rig.identityNames(),
        rig.identityDeltas(), rig.landmarkVertices(), rig.leftEye(), rig.rightEye(), rig.millimetresPerUnit());
  }

  /** A gaze target: its eye (the subject's left or right), its turn down and toward the subject's left at weight 1. */
  private record GazeTurn(String name, boolean left, int down, int toLeft) {}

  /**
   * Prints how the two rigs' targets of the same ARKit name move the 68 landmarks (x and y at weight 1, on each rig's
   * average face): the cosine between the two patterns, the largest landmark motion of each, and the weights with
   * which the fitting rig's targets, each in [0, 1], best make the making rig's pattern (bounded least squares, the
   * target itself and the three largest others). A low cosine, or a pattern made by other targets, is a shape the
   * fit cannot find by its name. The gaze ({@code eyeLook*}) is left out, as a fit of the 68 points leaves it.
   */
  public static void printVocabulary(FaceRig making, FaceRig fitting, PrintStream out) {
    double[][] m = landmarkPatterns(making);
    double[][] f = landmarkPatterns(fitting);
    double[][] basis = f.clone();
    for (int k = 0; k < basis.length; k++) {
      if (Blendshapes.ARKIT_52.get(k).startsWith("eyeLook")) {
        basis[k] = new double[basis[k].length]; // as a set without pupils fits: the gaze rests
      }
    }
    out.printf(Locale.ROOT, "%-20s %7s %10s %10s %6s  %s%n", "shape", "cosine", making.name(), fitting.name(), "self",
        "others (bounded least squares)");
    double sum = 0;
    int n = 0;
    for (int k = 0; k < m.length; k++) {
      if (Identifiability.norm(m[k]) == 0 || Blendshapes.ARKIT_52.get(k).startsWith("eyeLook")) {
        continue;
      }
      double cos = Identifiability.norm(f[k]) == 0 ? 0
          : Identifiability.dot(m[k], f[k]) / (Identifiability.norm(m[k]) * Identifiability.norm(f[k]));
      double[] w = Identifiability.boundedLeastSquares(basis, m[k], basis.length);
      int shape = k;
      String others = java.util.stream.IntStream.range(0, w.length).filter(i -> i != shape && w[i] >= 0.05).boxed()
          .sorted(Comparator.comparingDouble(i -> -w[i])).limit(3)
          .map(i -> String.format(Locale.ROOT, "%s %.2f", Blendshapes.ARKIT_52.get(i), w[i]))
          .collect(java.util.stream.Collectors.joining(", "));
      out.printf(Locale.ROOT, "%-20s %7.2f %8.1f mm %8.1f mm %6.2f  %s%n", Blendshapes.ARKIT_52.get(k), cos,
          Identifiability.largest(m[k]), Identifiability.largest(f[k]), w[k], others);
      sum += cos;
      n++;
    }
    out.printf(Locale.ROOT, "mean cosine over %d shapes %.3f%n", n, sum / n);
  }

  /** Per ARKit shape, the 68 landmarks' x and y motion at weight 1, millimetres (zeros where the rig lacks it). */
  private static double[][] landmarkPatterns(FaceRig rig) {
    double[][] out = new double[Blendshapes.ARKIT_52.size()][2 * 68];
    for (int k = 0; k < out.length; k++) {
      int s = rig.shapeIndex(Blendshapes.ARKIT_52.get(k));
      if (s < 0) {
        continue;
      }
      float[] d = rig.shapeDeltas().get(s);
      for (int j = 0; j < 68; j++) {
        int v = rig.landmarkVertices()[j];
        out[k][2 * j] = d[3 * v] * rig.millimetresPerUnit();
        out[k][2 * j + 1] = d[3 * v + 1] * rig.millimetresPerUnit();
      }
    }
    return out;
  }

  /**
   * Which ARKit shapes (in ARKit order) the landmarks of {@code set} can see on {@code rig} (its targets in ARKit
   * order): those moving a landmark of the set by at least {@link #VISIBLE_MM} in the image plane (x, y) of the
   * average face at weight 1; the gaze shapes only when the set has the pupils.
   */
  public static boolean[] visible(FaceRig rig, LandmarkSet set) {
    boolean pupils = set.positionOf(LandmarkSet.PUPIL_A) >= 0;
    boolean[] out = new boolean[Blendshapes.ARKIT_52.size()];
    for (int k = 0; k < out.length; k++) {
      String name = Blendshapes.ARKIT_52.get(k);
      int s = rig.shapeIndex(name);
      if (s < 0) {
        continue;
      }
      if (name.startsWith("eyeLook")) {
        out[k] = pupils;
        continue;
      }
      float[] d = rig.shapeDeltas().get(s);
      for (int ibug : set.ibugIndices()) {
        if (ibug >= 68) {
          continue;
        }
        int v = rig.landmarkVertices()[ibug];
        out[k] |= Math.hypot(d[3 * v], d[3 * v + 1]) * rig.millimetresPerUnit() >= VISIBLE_MM;
      }
    }
    return out;
  }
}
