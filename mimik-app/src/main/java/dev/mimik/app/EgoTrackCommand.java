package dev.mimik.app;

import dev.mimik.face.io.GltfRigReader;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.ego.EgoTrack;
import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoModelFile;
import dev.mimik.track.StageTimings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik ego track}: blendshapes from a headset recording's camera views. */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "Track a face from a headset recording's five camera views (a recording folder in the headset layout,",
      "docs/FORMATS.md) with an EgoNet model: the network and its failure detector, then online range-of-motion",
      "calibration and smoothing; frames whose views fail (a covered camera, the headset off) ease to neutral.",
      "Writes blendshapes.csv, face.glb (the face animated), report.html, and metrics.json (REFA's metrics) where",
      "the folder has segments.csv. Frame times come from the folder's frames.csv, else from --fps.",
      "",
      "Example: mimik ego track --model ego-model/ego.model --views ego/s02/r01 --out s02-track"
    })
public final class EgoTrackCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, description = "an EgoNet model (mimik ego train or distill)")
  private Path model;

  @Option(names = "--views", required = true, description = "a recording folder holding views/CAMERA/000000.png")
  private Path views;

  @Option(names = "--fps", defaultValue = "30",
      description = "frames per second where the folder has no frames.csv (default ${DEFAULT-VALUE})")
  private double fps;

  @Option(names = "--out", required = true, description = "output folder (created)")
  private Path out;

  @Option(names = "--face-model", paramLabel = "FILE.glb",
      description = "the face face.glb animates (glTF binary with ARKit-named morph targets; default mimik's own)")
  private Path faceModel;

  @Mixin
  private EngineOptions engine;

  @Override
  public Integer call() throws Exception {
    engine.apply();
    FaceRig rig = faceModel == null ? EmbeddedRig.load() : new GltfRigReader().read(faceModel);
    try (EgoModel m = EgoModelFile.read(model)) {
      EgoTrack.Result r = EgoTrack.run(m, views, fps);
      Path name = views.toAbsolutePath().normalize();
      EgoTrack.write(r, "mimik ego track: " + (name.getNameCount() > 1
          ? name.subpath(name.getNameCount() - 2, name.getNameCount()) : name.getFileName()), rig, out);
      PrintWriter print = spec.commandLine().getOut();
      StageTimings.Summary wall = StageTimings.summarise(r.timings().total());
      StageTimings.Summary cpu = StageTimings.summarise(r.cpuMillis());
      print.printf(Locale.ROOT, "tracked %d frames, %d with failed views; per frame (five views, one thread) CPU %.2f"
          + " ms mean, %.2f ms p99 (%.0f frames per CPU second); wall %.2f ms mean, %.2f ms p99%n",
          r.blendshapes().frameCount(), r.flagged(), cpu.mean(), cpu.p99(), 1000 / cpu.mean(), wall.mean(), wall.p99());
      print.flush();
    }
    return 0;
  }
}
