package dev.mimik.lab.ego;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.ArtPriorsCsv;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.PromptSegmentsCsv;
import dev.mimik.core.io.png.GrayPng;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.eval.report.RefaSections;
import dev.mimik.eval.refa.RecordingInput;
import dev.mimik.eval.refa.RefaEvaluation;
import dev.mimik.eval.refa.RefaJson;
import dev.mimik.eval.refa.SourceResult;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.tracking.TrackReport;
import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoViews;
import dev.mimik.learn.ego.ViewImages;
import dev.mimik.sim.ego.EgoLayout;
import dev.mimik.track.Frame;
import dev.mimik.track.StageTimings;
import dev.mimik.track.TrackingPipeline;
import dev.mimik.track.stage.EgoCalibrationStage;
import dev.mimik.track.stage.EgoNetStage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Tracks one headset recording (a folder in the headset layout: {@code views/CAMERA/000000.png}, optionally
 * {@code segments.csv}) through the shared pipeline: EgoNet and its failure detector, then online range-of-motion
 * calibration, smoothing and the ease to neutral on failed views.
 */
public final class EgoTrack {

  /** Seconds over which the online calibration learns fast. */
  public static final double WARMUP_SECONDS = 10;

  /**
   * What a recording gave.
   *
   * @param blendshapes per frame the ARKit-52 weights
   * @param flagged frames whose views failed the check
   * @param timings the pipeline's per-stage times (wall clock)
   * @param cpuMillis per frame the CPU time of the tracking thread in the pipeline (decoding the PNGs excluded),
   *     milliseconds: the cost of the five views, which wall time on a busy machine does not show
   * @param metrics REFA's metrics where the recording has segments, else null
   */
  public record Result(BlendshapeTrack blendshapes, int flagged, StageTimings timings, double[] cpuMillis,
      List<SourceResult> metrics) {}

  private EgoTrack() {}

  /**
   * The shared pipeline of the headset path for {@code model}: EgoNet and its failure detector, then the online
   * calibration, smoothing and the ease to neutral of the shapes whose cameras failed. {@code mimik ego track},
   * {@code serve --ego-replay} and {@code bench ego} all run this one.
   */
  public static TrackingPipeline pipeline(EgoModel model) {
    return new TrackingPipeline(null, List.of(new EgoNetStage(model),
        new EgoCalibrationStage(model.statistics() == null ? null : model.statistics().peaks(), WARMUP_SECONDS)));
  }

  /**
   * A recording folder opened for reading frame by frame.
   *
   * @param folder the recording
   * @param cameras the model's camera of each view slot
   * @param times per frame its time, seconds: {@code frames.csv}'s where the folder has one, else {@code k / fps}
   */
  public record Recording(Path folder, List<String> cameras, double[] times) {

    /**
     * Opens {@code folder}, counting the first camera's images.
     *
     * @throws BadInputException when a camera folder is missing, the folder holds no images or its {@code
     *     frames.csv} does not give one increasing time per frame
     */
    public static Recording open(Path folder, List<String> cameras, double fps) throws IOException {
      Path cam = folder.resolve(EgoLayout.VIEWS).resolve(cameras.get(0));
      if (!Files.isDirectory(cam)) {
        throw new BadInputException(folder, "has no " + EgoLayout.VIEWS + "/" + cameras.get(0) + " folder (the"
            + " model's cameras: " + String.join(", ", cameras) + ")");
      }
      int n;
      try (Stream<Path> s = Files.list(cam)) {
        n = (int) s.filter(p -> p.getFileName().toString().endsWith(".png")).count();
      }
      if (n == 0) {
        throw new BadInputException(folder, "holds no images");
      }
      Path listed = folder.resolve(EgoLayout.FRAMES);
      double[] times = Files.isRegularFile(listed) ? readTimes(listed, n)
          : IntStream.range(0, n).mapToDouble(f -> f / fps).toArray();
      return new Recording(folder, List.copyOf(cameras), times);
    }

    /** Number of frames. */
    public int frames() {
      return times.length;
    }

    /** The image file of view slot {@code view} at frame {@code f}, which must exist. */
    public Path image(int view, int f) {
      Path file = EgoLayout.image(folder, cameras.get(view), f);
      if (!Files.isRegularFile(file)) {
        throw new BadInputException(file, "is missing: every camera needs an image per frame");
      }
      return file;
    }

    /** Frame {@code f}'s five views, each resized to {@code size}: the network's input ({@link ViewImages#frame}). */
    public byte[] views(int f, int size) {
      byte[][] views = new byte[EgoViews.COUNT][];
      for (int v = 0; v < EgoViews.COUNT; v++) {
        views[v] = ViewImages.resize(GrayPng.read(image(v, f)), size);
      }
      return ViewImages.frame(views);
    }

    private static double[] readTimes(Path file, int n) throws IOException {
      List<String> lines = Files.readAllLines(file);
      if (lines.isEmpty() || !lines.get(0).strip().equals(EgoLayout.FRAMES_HEADER)) {
        throw new BadInputException(file, "does not start with the header " + EgoLayout.FRAMES_HEADER);
      }
      List<String> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
      if (rows.size() != n) {
        throw new BadInputException(file, "lists " + rows.size() + " frames but the views hold " + n);
      }
      double[] times = new double[n];
      for (int f = 0; f < n; f++) {
        String[] cells = rows.get(f).split(",");
        try {
          if (cells.length != 2 || Integer.parseInt(cells[0].strip()) != f) {
            throw new NumberFormatException();
          }
          times[f] = Double.parseDouble(cells[1].strip());
        } catch (NumberFormatException e) {
          throw new BadInputException(file, "line " + (f + 2) + " is not 'frame,time_s' for frame " + f + ": '"
              + rows.get(f) + "'");
        }
        if (!Double.isFinite(times[f]) || (f > 0 && times[f] <= times[f - 1])) {
          throw new BadInputException(file, "line " + (f + 2) + ": times must be finite and increase");
        }
      }
      return times;
    }
  }

  /** Tracks {@code recording} (frame times from its {@code frames.csv}, else {@code fps} frames per second). */
  public static Result run(EgoModel model, Path recording, double fps) throws IOException {
    Recording r = Recording.open(recording, model.cameras(), fps);
    int n = r.frames();
    TrackingPipeline pipeline = pipeline(model);
    List<Frame> frames = new ArrayList<>();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] cpuMillis = new double[n];
    for (int f = 0; f < n; f++) {
      byte[] frame = r.views(f, model.imageSize());
      long c0 = cpu.getCurrentThreadCpuTime();
      frames.addAll(pipeline.pushViews(r.times()[f], frame));
      cpuMillis[f] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    frames.addAll(pipeline.finish());
    double[] times = new double[n];
    double[][] w = new double[n][];
    int flagged = 0;
    for (int f = 0; f < n; f++) {
      times[f] = frames.get(f).timeSeconds();
      w[f] = frames.get(f).blendshapes();
      flagged += frames.get(f).viewProblem() != null ? 1 : 0;
    }
    BlendshapeTrack track = new BlendshapeTrack(times, Blendshapes.ARKIT_52, w);
    List<SourceResult> metrics = null;
    Path segments = recording.resolve(EgoLayout.SEGMENTS);
    if (Files.isRegularFile(segments)) {
      List<PromptSegment> s = PromptSegmentsCsv.read(segments);
      metrics = new RefaEvaluation(ArtPriorsCsv.builtIn(), EmbeddedRig.load()).evaluate(List.of(
          new RecordingInput("subject", recording.getFileName().toString(), s, Map.of("prediction", track), null)));
    }
    return new Result(track, flagged, StageTimings.of(pipeline.stageNames(), frames), cpuMillis, metrics);
  }

  /**
   * Writes {@code blendshapes.csv}, {@code face.glb} (the face animated on {@code rig}), {@code report.html} and,
   * where there are metrics, {@code metrics.json} into {@code out}.
   */
  public static void write(Result r, String title, FaceRig rig, Path out) throws IOException {
    HtmlReport report = new HtmlReport(title);
    StageTimings.Summary cpu = StageTimings.summarise(r.cpuMillis());
    report.paragraph(String.format(Locale.ROOT, "%d frames (%.1f s), %d with failed views (a covered or saturated"
        + " camera, the headset off, views unlike the training ones), whose shapes eased to neutral. Five views per"
        + " frame through the shared pipeline on one thread: %.2f ms CPU per frame on average, %.2f ms at the 99th"
        + " percentile.", r.blendshapes().frameCount(), duration(r.blendshapes()), r.flagged(), cpu.mean(),
        cpu.p99()));
    if (r.metrics() != null) {
      RefaSections.addTable1(report, r.metrics());
      for (SourceResult m : r.metrics()) {
        RefaSections.addLevels(report, m, RefaJson.WORST);
      }
    }
    TrackReport.addBlendshapes(report, r.blendshapes(), rig);
    Files.createDirectories(out);
    BlendshapeCsv.write(r.blendshapes(), out.resolve("blendshapes.csv"));
    new GltfAnimationWriter().write(rig, r.blendshapes(), out.resolve("face.glb"));
    if (r.metrics() != null) {
      RefaJson.write(r.metrics(), out.resolve("metrics.json"));
    }
    report.write(out.resolve("report.html"));
  }

  private static double duration(BlendshapeTrack track) {
    double[] t = track.timesSeconds();
    return t[t.length - 1] - t[0];
  }
}
