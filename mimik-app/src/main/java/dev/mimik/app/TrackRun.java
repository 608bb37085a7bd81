package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.LandmarkCsvWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.eval.eyes.ReconstructionScores;
import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsJson;
import dev.mimik.eval.report.Charts;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.eval.report.LandmarkSections;
import dev.mimik.face.align.Procrustes;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.eyes.Elam;
import dev.mimik.face.eyes.Eye;
import dev.mimik.face.fit.FitOptions;
import dev.mimik.face.fit.LocalDistances;
import dev.mimik.face.fit.RigFitter;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.gallery.RigGallery;
import dev.mimik.face.smooth.KalmanSettings;
import dev.mimik.learn.pipeline.LandmarkFrame;
import dev.mimik.learn.pipeline.SessionSignals;
import dev.mimik.learn.pipeline.SignalTracking;
import dev.mimik.learn.pipeline.TrackingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tracking run from a recording to the outputs of {@code mimik track}: landmarks, a fitted 3D face, its
 * blendshapes and glTF animation, and an HTML report (with errors when ground truth is given). Shared by
 * {@code track} and {@code demo}.
 *
 * @param model the model used
 * @param signal the recording
 * @param landmarks tracked landmarks in iBUG-68 layout (points outside the model's set are NaN), training-camera pixels
 * @param blendshapes the fitted ARKit-52 weights per frame, or null without 3D
 * @param rig the rig the weights were fitted on, or null without 3D
 * @param networkMillis per-frame network time
 * @param eyes the eye state of each frame ({@link EyeTracking})
 * @param identity the identity the rig was fitted with, or null without 3D
 * @param tracked the tracked landmarks in the model's set, as the fit saw them before any eyelid adjustment
 */
record TrackRun(TrackingModel model, Signal signal, LandmarkTrack landmarks, BlendshapeTrack blendshapes, FaceRig rig,
    double[] networkMillis, EyeTracking.States eyes, double[] identity, LandmarkTrack tracked) {

  /** The focal length assumed for the training camera; with the head distance free, it only sets perspective. */
  static final double ASSUMED_FOCAL_PX = 1000;
  /** How many tracked frames the identity is fitted on. */
  static final int IDENTITY_FRAMES = 120;

  /**
   * How the 3D fit treats eyes and lips: the eyelid landmark adjustment (ELAM) by the eye state before the fit, and
   * the weights of the local dynamic loss (LDL) on eyelid and lip distances.
   */
  record FaceFit(String name, boolean elam, LocalDistances localDistances) {

    /**
     * The default, the paper's full method: ELAM, and LDL on eyelids and lips. On held-out simulated earpiece
     * sessions ({@link FaceFitAblation}) LDL lowers the mouth region's expression error by about 7 % and raises the
     * mouth-closure accuracy a little; the eyes are closed by ELAM already, and their error does not move.
     */
    static final FaceFit EYES = new FaceFit("ELAM + LDL (eye, mouth)", true, LocalDistances.eyesAndLips());
    /** The landmarks as tracked. */
    static final FaceFit PLAIN = new FaceFit("w/o ELAM, LDL", false, LocalDistances.off());
  }

  /** The fitted face: ARKit-52 weights per frame and the identity it was fitted with. */
  record Fitted(BlendshapeTrack weights, double[] identity) {}

  /** Tracks a recording with the default fit ({@link FaceFit#EYES}); fits {@code rig} when it is not null. */
  static TrackRun run(TrackingModel model, Signal signal, Path file, boolean offline, FaceRig rig, Progress progress) {
    return run(model, signal, file, offline, rig, FaceFit.EYES, progress);
  }

  /** Tracks a recording; fits {@code rig} the way {@code how} says when it is not null. */
  static TrackRun run(TrackingModel model, Signal signal, Path file, boolean offline, FaceRig rig, FaceFit how,
      Progress progress) {
    SignalTracking.Result result = SignalTracking.track(model, signal, file, offline, KalmanSettings.defaults(),
        progress::warn, progress::update);
    LandmarkSet set = model.landmarkFrame().set();
    // the same channels tracking selected, and warned about (a resampled rate) already
    EyeTracking.States eyes = EyeTracking.estimate(model, result.landmarks(),
        SessionSignals.eogBand(signal, model.frontEnd(), file, w -> { }), signal.startTimeSeconds());
    Fitted fitted = rig == null ? null : fit(model, result.landmarks(), eyes, rig, how);
    double[] ms = Arrays.stream(result.networkNanos()).mapToDouble(n -> n / 1e6).toArray();
    return new TrackRun(model, signal, toIbug68(result.landmarks(), set), fitted == null ? null : fitted.weights(),
        rig, ms, eyes, fitted == null ? null : fitted.identity(), result.landmarks());
  }

  /** Fits {@code rig} to tracked landmarks (in the model's set) with the eye states, as {@code how} says. */
  static Fitted fit(TrackingModel model, LandmarkTrack tracked, EyeTracking.States eyes, FaceRig rig, FaceFit how) {
    if (!rig.shapeNames().containsAll(Blendshapes.ARKIT_52)) {
      throw new BadInputException("the face model's targets are not the 52 ARKit blendshapes (it has "
          + rig.shapeNames().size() + " targets named like " + rig.shapeNames().subList(0,
              Math.min(3, rig.shapeNames().size())) + ")");
    }
    LandmarkSet set = model.landmarkFrame().set();
    RigFitter fitter = new RigFitter(rig, set, assumedCamera(model),
        FitOptions.defaults().withLocalDistances(how.localDistances()));
    if (!rig.identityNames().isEmpty()) {
      // the face's shape, fitted without the eyelid and lip distance term: every way of fitting the expressions
      // then shares it, and the ablation compares expressions, not identity estimates
      fitter = fitter.withIdentity(new RigFitter(rig, set, assumedCamera(model), FitOptions.defaults())
          .fitIdentity(identityFrames(tracked)));
    }
    LandmarkTrack input = !how.elam() ? tracked : new LandmarkTrack(tracked.timesSeconds(), tracked.pointCount(),
        Elam.adjust(tracked.frames(), set, eyes.states()), tracked.missing());
    return new Fitted(arkitOrder(fitter.fitTrack(input)), fitter.identity());
  }

  /** The training camera as the rig fit assumes it: {@link #ASSUMED_FOCAL_PX}, centred on the aligned frame's origin. */
  static PinholeCamera assumedCamera(TrackingModel model) {
    double[] centre = model.landmarkFrame().display().apply(new double[] {0, 0});
    return new PinholeCamera(ASSUMED_FOCAL_PX, centre[0], centre[1], (int) Math.round(2 * centre[0]),
        (int) Math.round(2 * centre[1]));
  }

  /** The outputs of FORMATS.md written into {@code dir}; with {@code truth}, also metrics.json and the errors. */
  LandmarkMetrics write(Path dir, String title, SessionTruth truth) throws IOException {
    return write(dir, title, truth, List.of());
  }

  /**
   * As {@link #write(Path, String, SessionTruth)}; when the truth has the true blendshapes (a simulated session),
   * metrics.json and the report also get the 3D face's scores ({@link FaceFitAblation#score}), and the rows of an
   * ablation of the face fit when there are any.
   */
  LandmarkMetrics write(Path dir, String title, SessionTruth truth, List<FaceFitAblation.Row> ablation)
      throws IOException {
    Files.createDirectories(dir);
    new LandmarkCsvWriter().write(landmarks, dir.resolve("landmarks.csv"));
    if (blendshapes != null) {
      BlendshapeCsv.write(blendshapes, dir.resolve("blendshapes.csv"));
      new GltfAnimationWriter().write(rig, blendshapes, dir.resolve("face.glb"));
    }
    HtmlReport report = new HtmlReport(title);
    LandmarkMetrics metrics = null;
    if (truth != null) {
      metrics = new LandmarkEvaluator().evaluate(landmarks, alignedTruth(truth.landmarks(), model.landmarkFrame()));
      LandmarkSections.addEvaluation(report, "Tracked landmarks against the ground truth", metrics);
      ObjectNode json = MetricsJson.of(metrics);
      if (truth.blendshapes() != null && blendshapes != null) {
        FaceFitAblation.Row face = FaceFitAblation.score(rig, "this run", new Fitted(blendshapes, identity), truth,
            model.frontEnd().fps());
        FaceFitAblation.put(json, face);
        report.heading("The 3D face against the truth");
        FaceFitAblation.addTo(report, List.of(face));
      }
      if (!ablation.isEmpty()) {
        FaceFitAblation.json(json.putArray("eye_ablation"), ablation);
        report.heading("Ablation: eyelid adjustment (ELAM) and local dynamic loss (LDL)").paragraph("The same "
            + "tracked landmarks fitted each way and scored against the simulator's true face, as in Tables 1 and 2"
            + " of 'Eye Motion Matters'. Eye state is scored per eye and frame where the true eye is fully open or"
            + " closed (open is positive); mesh errors are NoW-style, after rigid alignment, on every "
            + FaceFitAblation.MESH_EVERY + "th frame.");
        FaceFitAblation.addTo(report, ablation);
      }
      MetricsJson.write(json, dir.resolve("metrics.json"));
    }
    report.heading("Eyes").chart(eyes.eogClosure() != null
        ? "Closure probability per eye, from the model's blink detector (" + model.blinks().orElseThrow().describe() + ")"
        : "Closure probability per eye, from the tracked eyelids (the model has no blink detector)", closureChart());
    report.heading("Signals").chart("The recording's channels", Charts.signals(signal, 4));
    report.heading("Landmarks").chart("Mouth, lips and an upper eyelid over time (vertical position, px)",
        Charts.landmarks(landmarks, keyPoints()));
    if (blendshapes != null) {
      report.heading("Blendshapes").chart("The most active ARKit blendshapes", Charts.blendshapes(blendshapes,
          List.of(), 8));
      report.heading("The tracked face");
      RigGallery gallery = new RigGallery(rig);
      for (int f : showcaseFrames()) {
        Map<String, Double> expression = new LinkedHashMap<>();
        for (int k = 0; k < blendshapes.names().size(); k++) {
          expression.put(blendshapes.names().get(k), blendshapes.weights()[f][k]);
        }
        String time = String.format(java.util.Locale.ROOT, "t = %.1f s", blendshapes.timesSeconds()[f]);
        report.image(time, png(gallery.render(expression, time)));
      }
    }
    report.write(dir.resolve("report.html"));
    return metrics;
  }

  private org.knowm.xchart.XYChart closureChart() {
    double[] times = landmarks.timesSeconds();
    List<Charts.Series> series = new java.util.ArrayList<>();
    for (Eye eye : Eye.values()) {
      double[] p = Arrays.stream(eyes.states()).mapToDouble(s -> s[eye.ordinal()].closure()).toArray();
      series.add(new Charts.Series("closure, " + eye.name().toLowerCase(java.util.Locale.ROOT) + " eye", times, p));
    }
    if (blendshapes != null) {
      double[][] apertures = new ReconstructionScores(rig).relativeApertures(FaceFitAblation.inRigOrder(rig,
          blendshapes), identity);
      series.add(new Charts.Series("3D face: 1 - aperture / neutral (mean of both eyes)", blendshapes.timesSeconds(),
          Arrays.stream(apertures).mapToDouble(a -> 1 - (a[0] + a[1]) / 2).toArray()));
    }
    return Charts.timeSeries("Eye closure", "closure", series);
  }

  /**
   * Ground truth in the frame the model predicts in: each frame Procrustes-aligned to the model's reference (head
   * scale, rotation and position removed, as BioFace-3D aligns its camera landmarks) and shown through the model's
   * display transform.
   */
  static LandmarkTrack alignedTruth(LandmarkTrack truth, LandmarkFrame frame) {
    int[] ibug = frame.set().ibugIndices();
    Procrustes procrustes = new Procrustes(frame.reference());
    double[][] out = new double[truth.frameCount()][];
    for (int f = 0; f < out.length; f++) {
      out[f] = truth.frames()[f].clone();
      if (truth.missing()[f]) {
        continue;
      }
      double[] pts = LandmarkFrame.selectPoints(frame.set(), truth.pointCount(), truth.frames()[f]);
      if (pts == null) {
        throw new BadInputException("the ground truth has " + truth.pointCount() + " points, too few for the model's "
            + frame.set().size() + "-point set");
      }
      double[] shown = frame.display().apply(procrustes.align(pts));
      Arrays.fill(out[f], Double.NaN);
      for (int i = 0; i < ibug.length; i++) {
        out[f][2 * ibug[i]] = shown[2 * i];
        out[f][2 * ibug[i] + 1] = shown[2 * i + 1];
      }
    }
    return new LandmarkTrack(truth.timesSeconds(), truth.pointCount(), out, truth.missing());
  }

  /**
   * Evenly spaced tracked frames to fit the person's identity on once, so that their face shape is not mistaken
   * for an expression.
   */
  private static double[][] identityFrames(LandmarkTrack track) {
    int[] valid = java.util.stream.IntStream.range(0, track.frameCount()).filter(f -> !track.missing()[f]).toArray();
    int count = Math.min(IDENTITY_FRAMES, valid.length);
    double[][] frames = new double[count][];
    for (int i = 0; i < count; i++) {
      frames[i] = track.frames()[valid[(int) ((long) i * valid.length / count)]];
    }
    return frames;
  }

  /** Frames worth showing: the most expressive one in each quarter of the recording. */
  private int[] showcaseFrames() {
    int n = blendshapes.frameCount();
    int[] out = new int[Math.min(4, n)];
    for (int q = 0; q < out.length; q++) {
      int best = q * n / out.length;
      double bestSum = -1;
      for (int f = q * n / out.length; f < (q + 1) * n / out.length; f++) {
        double sum = Arrays.stream(blendshapes.weights()[f]).sum();
        if (sum > bestSum) {
          bestSum = sum;
          best = f;
        }
      }
      out[q] = best;
    }
    return out;
  }

  private static byte[] png(java.awt.image.BufferedImage image) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  private static Map<String, Integer> keyPoints() {
    Map<String, Integer> points = new LinkedHashMap<>();
    points.put("mouth corner 48", 48);
    points.put("mouth corner 54", 54);
    points.put("upper lip 51", 51);
    points.put("lower lip 57", 57);
    points.put("upper eyelid 37", 37);
    return points;
  }

  /** A track of the set's points spread into the 68-point iBUG layout, NaN where the set has no point. */
  static LandmarkTrack toIbug68(LandmarkTrack track, LandmarkSet set) {
    int[] ibug = set.ibugIndices();
    int points = Arrays.stream(ibug).max().orElse(67) >= 68 ? 70 : 68;
    double[][] frames = new double[track.frameCount()][];
    for (int f = 0; f < frames.length; f++) {
      frames[f] = new double[2 * points];
      Arrays.fill(frames[f], Double.NaN);
      for (int i = 0; i < ibug.length; i++) {
        frames[f][2 * ibug[i]] = track.frames()[f][2 * i];
        frames[f][2 * ibug[i] + 1] = track.frames()[f][2 * i + 1];
      }
    }
    return new LandmarkTrack(track.timesSeconds(), points, frames, track.missing());
  }

  private static BlendshapeTrack arkitOrder(BlendshapeTrack fitted) {
    List<String> names = Blendshapes.ARKIT_52;
    double[][] w = new double[fitted.frameCount()][names.size()];
    for (int k = 0; k < names.size(); k++) {
      double[] column = fitted.column(names.get(k));
      for (int f = 0; f < w.length; f++) {
        w[f][k] = Math.min(1, Math.max(0, column[f]));
      }
    }
    return new BlendshapeTrack(fitted.timesSeconds(), names, w);
  }
}
