package dev.mimik.app;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.LandmarkCsvWriter;
import dev.mimik.eval.landmarks.LandmarkEvaluator;
import dev.mimik.eval.landmarks.LandmarkMetrics;
import dev.mimik.eval.landmarks.MetricsJson;
import dev.mimik.eval.report.Charts;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.eval.report.LandmarkSections;
import dev.mimik.face.align.Procrustes;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.fit.FitOptions;
import dev.mimik.face.fit.RigFitter;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.smooth.KalmanSettings;
import dev.mimik.learn.pipeline.LandmarkFrame;
import dev.mimik.learn.pipeline.SignalTracking;
import dev.mimik.learn.pipeline.TrackingModel;
import java.io.IOException;
import java.io.PrintWriter;
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
 */
record TrackRun(TrackingModel model, Signal signal, LandmarkTrack landmarks, BlendshapeTrack blendshapes, FaceRig rig,
    double[] networkMillis) {

  /** The focal length assumed for the training camera; with the head distance free, it only sets perspective. */
  static final double ASSUMED_FOCAL_PX = 1000;

  /** Tracks a recording; fits {@code rig} when it is not null. */
  static TrackRun run(TrackingModel model, Signal signal, Path file, boolean offline, FaceRig rig, Progress progress) {
    SignalTracking.Result result = SignalTracking.track(model, signal, file, offline, KalmanSettings.defaults(),
        progress::warn, progress::update);
    LandmarkSet set = model.landmarkFrame().set();
    BlendshapeTrack weights = null;
    if (rig != null) {
      if (!rig.shapeNames().containsAll(Blendshapes.ARKIT_52)) {
        throw new BadInputException("the face model's targets are not the 52 ARKit blendshapes (it has "
            + rig.shapeNames().size() + " targets named like " + rig.shapeNames().subList(0,
                Math.min(3, rig.shapeNames().size())) + ")");
      }
      double[] centre = model.landmarkFrame().display().apply(new double[] {0, 0});
      PinholeCamera camera = new PinholeCamera(ASSUMED_FOCAL_PX, centre[0], centre[1],
          (int) Math.round(2 * centre[0]), (int) Math.round(2 * centre[1]));
      BlendshapeTrack fitted = new RigFitter(rig, set, camera, FitOptions.defaults()).fitTrack(result.landmarks());
      weights = arkitOrder(fitted);
    }
    double[] ms = Arrays.stream(result.networkNanos()).mapToDouble(n -> n / 1e6).toArray();
    return new TrackRun(model, signal, toIbug68(result.landmarks(), set), weights, rig, ms);
  }

  /** The outputs of FORMATS.md written into {@code dir}; with {@code truth}, also metrics.json and the errors. */
  LandmarkMetrics write(Path dir, String title, LandmarkTrack truth) throws IOException {
    Files.createDirectories(dir);
    new LandmarkCsvWriter().write(landmarks, dir.resolve("landmarks.csv"));
    if (blendshapes != null) {
      BlendshapeCsv.write(blendshapes, dir.resolve("blendshapes.csv"));
      new GltfAnimationWriter().write(rig, blendshapes, dir.resolve("face.glb"));
    }
    HtmlReport report = new HtmlReport(title);
    LandmarkMetrics metrics = null;
    if (truth != null) {
      metrics = new LandmarkEvaluator().evaluate(landmarks, alignedTruth(truth, model.landmarkFrame()));
      LandmarkSections.addEvaluation(report, "Tracked landmarks against the ground truth", metrics);
      MetricsJson.write(MetricsJson.of(metrics), dir.resolve("metrics.json"));
    }
    report.heading("Signals").chart("The recording's channels", Charts.signals(signal, 4));
    report.heading("Landmarks").chart("Mouth, lips and an upper eyelid over time (vertical position, px)",
        Charts.landmarks(landmarks, keyPoints()));
    if (blendshapes != null) {
      report.heading("Blendshapes").chart("The most active ARKit blendshapes", Charts.blendshapes(blendshapes,
          List.of(), 8));
    }
    report.write(dir.resolve("report.html"));
    return metrics;
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
      double[] pts = new double[2 * ibug.length];
      for (int i = 0; i < ibug.length; i++) {
        pts[2 * i] = truth.frames()[f][2 * ibug[i]];
        pts[2 * i + 1] = truth.frames()[f][2 * ibug[i] + 1];
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
