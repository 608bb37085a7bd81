package dev.mimik.eval.report;

import dev.mimik.core.io.png.GrayPng;
import dev.mimik.face.headset.CameraRole;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.placement.CameraScore;
import dev.mimik.face.placement.PlacementResult;
import dev.mimik.face.placement.PlacementSearch;
import dev.mimik.face.placement.RegionScore;
import dev.mimik.face.render.FaceSurface;
import dev.mimik.face.render.IrImage;
import dev.mimik.face.render.IrRenderer;
import dev.mimik.face.render.Look;
import dev.mimik.face.render.SurfaceMesh;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The report sections of {@code mimik ego placement}: REFA's Fig. 1 table, per-camera figures, views, search. */
public final class PlacementSections {

  /** The expressions the views show, beside neutral. */
  private static final Map<String, Map<String, Double>> PEAKS = peaks();

  private PlacementSections() {}

  private static Map<String, Map<String, Double>> peaks() {
    Map<String, Map<String, Double>> m = new LinkedHashMap<>();
    m.put("neutral", Map.of());
    m.put("jaw open", Map.of("jawOpen", 1.0));
    m.put("smile", Map.of("mouthSmileLeft", 1.0, "mouthSmileRight", 1.0));
    m.put("pucker", Map.of("mouthPucker", 1.0));
    m.put("brows up", Map.of("browInnerUp", 1.0, "browOuterUpLeft", 1.0, "browOuterUpRight", 1.0));
    m.put("brows down", Map.of("browDownLeft", 1.0, "browDownRight", 1.0));
    m.put("wink left", Map.of("eyeBlinkLeft", 1.0));
    return m;
  }

  /** REFA's Fig. 1 table: Visibility, Range of Motion and the in-view share per camera role, one column per headset. */
  public static HtmlReport addComparison(HtmlReport report, List<PlacementResult> results) {
    List<String> header = new ArrayList<>(List.of("role", "figure"));
    results.forEach(r -> header.add(r.headset().name()));
    List<List<?>> rows = new ArrayList<>();
    for (CameraRole role : CameraRole.values()) {
      rows.add(row(role, "Visibility V", results, CameraScore::visibility));
      rows.add(row(role, "Range of Motion M (px)", results, CameraScore::rangeOfMotionPx));
      rows.add(row(role, "in view (share)", results, CameraScore::inView));
    }
    List<Object> objective = new ArrayList<>(List.of("all", "objective"));
    results.forEach(r -> objective.add(fmt(r.objective())));
    rows.add(objective);
    List<Object> clearance = new ArrayList<>(List.of("all", "clearance to the face (mm)"));
    results.forEach(r -> clearance.add(fmt(r.clearanceMm())));
    rows.add(clearance);
    List<PlacementResult> ranked = new ArrayList<>(results);
    ranked.sort((a, b) -> Double.compare(b.objective(), a.objective()));
    return report.heading("Camera placement (REFA Fig. 1)")
        .paragraph("Visibility V (REFA eq. 1): the cosine between each facial region's mean normal and the reversed "
            + "optical axis, averaged over the camera's regions (1 faces the camera squarely, 0 is edge-on). Range of "
            + "Motion M (eq. 2): over the key expressions, the mean Frobenius norm of the displacement of the "
            + "region's keypoints from neutral, in pixels of the described 400x400 image; higher means expressions "
            + "move more pixels. In view (beyond REFA): the share of the region's surface the camera really sees "
            + "(inside the image, nothing in front of it), which the cosine ignores: a cheek or the nose can hide a "
            + "region that faces the camera. Rows average the cameras of a role over the population of identities "
            + "and donning offsets. Objective: the mean over cameras of the in-view share times the Range of Motion "
            + "relative to REFA's chosen placement (eye 5.18, mouth 12.9, glabella 9.20 px), capped at 1.")
        .table(header, rows)
        .paragraph("Ranking by the objective: " + String.join(" > ", ranked.stream()
            .map(r -> r.headset().name() + " (" + fmt(r.objective()) + ")").toList()) + ".");
  }

  /** Per-camera and per-region figures of one headset. */
  public static HtmlReport addCameras(HtmlReport report, PlacementResult r) {
    List<List<?>> rows = new ArrayList<>();
    for (CameraScore c : r.cameras()) {
      for (RegionScore g : c.regions()) {
        rows.add(List.of(c.camera().name(), g.region().label(), fmt(g.visibility()), fmt(g.rangeOfMotionPx()),
            fmt(g.inView())));
      }
      rows.add(List.of(c.camera().name(), "(camera)", fmt(c.visibility()), fmt(c.rangeOfMotionPx()),
          fmt(c.inView())));
    }
    return report.heading("Cameras of " + r.headset().name())
        .paragraph(r.headset().description())
        .table(List.of("camera", "region", "V", "M (px)", "in view"), rows);
  }

  /**
   * A contact sheet of each camera's view (rows) at neutral and peak expressions (columns), rendered on the
   * average face with the synthetic look, left views mirrored.
   */
  public static HtmlReport addViews(HtmlReport report, Headset headset, FaceSurface face, int width) {
    List<HeadsetCamera> cams = headset.embeddedCameras();
    int h = cams.get(0).renderHeight(width);
    int cols = PEAKS.size();
    byte[] sheet = new byte[cols * width * cams.size() * h];
    IrRenderer r = new IrRenderer(Look.synthetic().noiseless());
    SurfaceMesh neutral = face.pose(new double[face.rig().shapeCount()]);
    int col = 0;
    for (Map<String, Double> e : PEAKS.values()) {
      double[] w = new double[face.rig().shapeCount()];
      e.forEach((name, v) -> w[face.rig().shapeIndex(name)] = v);
      SurfaceMesh m = face.pose(w);
      for (int c = 0; c < cams.size(); c++) {
        HeadsetCamera cam = cams.get(c);
        double gain = IrRenderer.autoGain(r.radiance(neutral, cam, headset.illuminators(), width));
        IrImage img = r.render(m, cam, headset.illuminators(), width, gain, 0);
        img = cam.side().mirrored() ? img.mirrored() : img;
        for (int y = 0; y < Math.min(h, img.height()); y++) {
          System.arraycopy(img.pixels(), y * width, sheet, (c * h + y) * cols * width + col * width, width);
        }
      }
      col++;
    }
    return report.image(headset.name() + ": rows " + String.join(", ", cams.stream().map(HeadsetCamera::name)
            .toList()) + "; columns " + String.join(", ", PEAKS.keySet()) + " (left views mirrored)",
        GrayPng.encode(cols * width, cams.size() * h, sheet));
  }

  /** The search's best candidates and where their cameras sit. */
  public static HtmlReport addSearch(HtmlReport report, List<PlacementSearch.Candidate> ranked, int show) {
    List<List<?>> rows = new ArrayList<>();
    for (PlacementSearch.Candidate c : ranked.subList(0, Math.min(show, ranked.size()))) {
      List<String> where = new ArrayList<>();
      for (HeadsetCamera cam : c.headset().embeddedCameras()) {
        if (cam.side() != dev.mimik.face.headset.Side.LEFT) {
          where.add(String.format(Locale.ROOT, "%s (%.0f, %.0f, %.0f)", cam.name(), cam.positionMm().getX(),
              cam.positionMm().getY(), cam.positionMm().getZ()));
        }
      }
      rows.add(List.of(c.headset().name(), fmt(c.result().objective()), fmt(c.result().clearanceMm()),
          String.join("; ", where)));
    }
    return report.heading("Search")
        .paragraph("Placements sampled in the mounting volume around the design, ranked by the objective above "
            + "(left cameras mirror their right partners; positions in mm in the head frame).")
        .table(List.of("candidate", "objective", "clearance (mm)", "right and centre cameras"), rows);
  }

  private static List<Object> row(CameraRole role, String figure, List<PlacementResult> results,
      ToDoubleFunction<CameraScore> f) {
    List<Object> row = new ArrayList<>(List.of(role.label(), figure));
    results.forEach(r -> row.add(fmt(r.meanOf(role, f))));
    return row;
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
