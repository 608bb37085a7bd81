package dev.mimik.app;

import dev.mimik.core.io.BadInputException;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.eval.report.PlacementSections;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetJson;
import dev.mimik.face.headset.Headsets;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.placement.CameraScore;
import dev.mimik.face.placement.PlacementMetrics;
import dev.mimik.face.placement.PlacementResult;
import dev.mimik.face.placement.PlacementSearch;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik ego placement}: REFA's camera placement metrics for headsets, compared and searched. */
@Command(
    name = "placement",
    mixinStandardHelpOptions = true,
    description = {
      "Measure where a headset's cameras sit (REFA Fig. 1): Visibility (eq. 1) and Range of Motion (eq. 2) per",
      "camera and facial region, and the share of each region really in view, averaged over identities and",
      "donning offsets; compare headsets, and with --search sample placements in a mounting volume around the",
      "first headset, ranked by a stated objective. Writes report.html (with each camera's view at neutral and",
      "peak expressions) and placement.json; with --search also best-headset.json.",
      "",
      "Example: mimik ego placement --headset refa5 --compare alt-nasal --compare alt-temple --out placement",
      "         mimik ego placement --headset refa5 --search 40 --out search"
    })
public final class EgoPlacementCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--headset", required = true, description = "built-in headset name or headset JSON file")
  private String headset;

  @Option(names = "--compare", description = "more headsets to compare (repeatable)")
  private List<String> compare = new ArrayList<>();

  @Option(names = "--out", required = true, description = "output folder (created)")
  private Path out;

  @Option(names = "--identities", defaultValue = "6", description = "faces in the population (default ${DEFAULT-VALUE})")
  private int identities;

  @Option(names = "--donnings", defaultValue = "3",
      description = "headset placements per face, the design included (default ${DEFAULT-VALUE})")
  private int donnings;

  @Option(names = "--search", defaultValue = "0", description = "candidates to sample around the first headset")
  private int search;

  @Option(names = "--box", defaultValue = "12", description = "mounting volume: +- mm around each camera (default ${DEFAULT-VALUE})")
  private double box;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the population and search (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--ict", paramLabel = "DIR", description = "use the ICT FaceKit rig in DIR as the population's face")
  private Path ict;

  @Override
  public Integer call() throws Exception {
    if (identities < 1 || identities > 100 || donnings < 1 || donnings > 50 || search < 0 || search > 10_000
        || !(box >= 0 && box <= 60)) {
      throw new BadInputException("--identities 1..100, --donnings 1..50, --search 0..10000 and --box 0..60 mm");
    }
    List<Headset> headsets = new ArrayList<>();
    headsets.add(Headsets.resolve(headset));
    for (String c : compare) {
      headsets.add(Headsets.resolve(c));
    }
    FaceRig rig = ict == null ? EmbeddedRig.load() : ArkitShapeMapper.toArkit(IctFaceKit.load(ict));
    PrintWriter err = spec.commandLine().getErr();
    List<PlacementResult> results = new ArrayList<>();
    PlacementMetrics metrics;
    try (Progress progress = new Progress(err, "ego placement")) {
      metrics = new PlacementMetrics(rig, identities, donnings, seed, 64);
      for (int i = 0; i < headsets.size(); i++) {
        results.add(metrics.evaluate(headsets.get(i)));
        progress.update((i + 1.0) / headsets.size());
      }
    }
    Files.createDirectories(out);
    HtmlReport report = new HtmlReport("mimik ego placement");
    PlacementSections.addComparison(report, results);
    for (PlacementResult r : results) {
      PlacementSections.addCameras(report, r);
      PlacementSections.addViews(report, r.headset(), metrics.averageFace(), 96);
    }
    List<PlacementSearch.Candidate> ranked = List.of();
    if (search > 0) {
      PlacementMetrics light = new PlacementMetrics(rig, Math.min(3, identities), Math.min(2, donnings), seed, 48);
      try (Progress progress = new Progress(err, "ego placement --search")) {
        ranked = new PlacementSearch(light, box, 8, 10).run(headsets.get(0), search, seed, progress::update);
      }
      PlacementSections.addSearch(report, ranked, 10);
      Headset best = ranked.get(0).headset();
      PlacementResult bestFull = metrics.evaluate(best);
      PlacementSections.addComparison(report, List.of(results.get(0), bestFull));
      PlacementSections.addViews(report, best, metrics.averageFace(), 96);
      HeadsetJson.write(best, out.resolve("best-headset.json"));
    }
    report.write(out.resolve("report.html"));
    dev.mimik.core.io.AtomicFiles.writeString(out.resolve("placement.json"), json(results));
    print(spec.commandLine().getOut(), results, ranked);
    return 0;
  }

  private static String json(List<PlacementResult> results) throws java.io.IOException {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    var root = mapper.createObjectNode();
    var list = root.putArray("headsets");
    for (PlacementResult r : results) {
      var h = list.addObject().put("name", r.headset().name()).put("objective", r.objective())
          .put("clearance_mm", r.clearanceMm());
      var cams = h.putArray("cameras");
      for (CameraScore s : r.cameras()) {
        var c = cams.addObject().put("camera", s.camera().name()).put("visibility", s.visibility())
            .put("range_of_motion_px", s.rangeOfMotionPx()).put("in_view", s.inView());
        var regions = c.putArray("regions");
        s.regions().forEach(g -> regions.addObject().put("region", g.region().label())
            .put("visibility", g.visibility()).put("range_of_motion_px", g.rangeOfMotionPx())
            .put("in_view", g.inView()));
      }
    }
    return mapper.writeValueAsString(root) + "\n";
  }

  private static void print(PrintWriter out, List<PlacementResult> results, List<PlacementSearch.Candidate> ranked) {
    out.printf(Locale.ROOT, "%-16s %9s %9s %9s %9s %9s %9s %9s%n", "headset", "objective", "eye V", "eye M",
        "mouth V", "mouth M", "glab V", "glab M");
    for (PlacementResult r : results) {
      out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.2f %9.3f %9.2f %9.3f %9.2f%n", r.headset().name(), r.objective(),
          r.meanOf(dev.mimik.face.headset.CameraRole.EYE, CameraScore::visibility),
          r.meanOf(dev.mimik.face.headset.CameraRole.EYE, CameraScore::rangeOfMotionPx),
          r.meanOf(dev.mimik.face.headset.CameraRole.MOUTH, CameraScore::visibility),
          r.meanOf(dev.mimik.face.headset.CameraRole.MOUTH, CameraScore::rangeOfMotionPx),
          r.meanOf(dev.mimik.face.headset.CameraRole.GLABELLA, CameraScore::visibility),
          r.meanOf(dev.mimik.face.headset.CameraRole.GLABELLA, CameraScore::rangeOfMotionPx));
    }
    if (!ranked.isEmpty()) {
      out.printf(Locale.ROOT, "search: best of %d candidates %s, objective %.3f (population of 3 faces x 2 donnings)%n",
          ranked.size(), ranked.get(0).headset().name(), ranked.get(0).result().objective());
    }
    out.flush();
  }
}
