package dev.mimik.lab.ego;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.ArtPriorsCsv;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.PromptSegmentsCsv;
import dev.mimik.core.io.png.GrayPng;
import dev.mimik.eval.refa.RecordingInput;
import dev.mimik.eval.refa.RefaEvaluation;
import dev.mimik.eval.refa.RefaJson;
import dev.mimik.eval.refa.SourceResult;
import dev.mimik.face.rig.embedded.EmbeddedRig;
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
import java.util.Map;
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

  /** The frame count of a recording folder: its first camera's images. */
  static int frames(Path recording, List<String> cameras) throws IOException {
    Path cam = recording.resolve(EgoLayout.VIEWS).resolve(cameras.get(0));
    if (!Files.isDirectory(cam)) {
      throw new BadInputException(recording, "has no " + EgoLayout.VIEWS + "/" + cameras.get(0) + " folder (the"
          + " model's cameras: " + String.join(", ", cameras) + ")");
    }
    try (Stream<Path> s = Files.list(cam)) {
      return (int) s.filter(p -> p.getFileName().toString().endsWith(".png")).count();
    }
  }

  /** Tracks {@code recording} at {@code fps} frames per second. */
  public static Result run(EgoModel model, Path recording, double fps) throws IOException {
    List<String> cameras = model.cameras();
    int n = frames(recording, cameras);
    if (n == 0) {
      throw new BadInputException(recording, "holds no images");
    }
    TrackingPipeline pipeline = new TrackingPipeline(null, List.of(new EgoNetStage(model),
        new EgoCalibrationStage(model.statistics() == null ? null : model.statistics().peaks(), WARMUP_SECONDS)));
    List<Frame> frames = new ArrayList<>();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] cpuMillis = new double[n];
    byte[][] views = new byte[EgoViews.COUNT][];
    for (int f = 0; f < n; f++) {
      for (int v = 0; v < EgoViews.COUNT; v++) {
        Path file = EgoLayout.image(recording, cameras.get(v), f);
        if (!Files.isRegularFile(file)) {
          throw new BadInputException(file, "is missing: every camera needs an image per frame");
        }
        views[v] = ViewImages.resize(GrayPng.read(file), model.imageSize());
      }
      byte[] frame = ViewImages.frame(views);
      long c0 = cpu.getCurrentThreadCpuTime();
      frames.addAll(pipeline.pushViews(f / fps, frame));
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

  /** Writes {@code blendshapes.csv} and, where there are metrics, {@code metrics.json} into {@code out}. */
  public static void write(Result r, Path out) throws IOException {
    Files.createDirectories(out);
    BlendshapeCsv.write(r.blendshapes(), out.resolve("blendshapes.csv"));
    if (r.metrics() != null) {
      RefaJson.write(r.metrics(), out.resolve("metrics.json"));
    }
  }
}
