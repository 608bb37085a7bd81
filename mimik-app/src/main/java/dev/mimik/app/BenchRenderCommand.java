package dev.mimik.app;

import dev.mimik.face.headset.Headsets;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.render.FaceLook;
import dev.mimik.face.render.FaceSurface;
import dev.mimik.face.render.Look;
import dev.mimik.face.render.RenderBenchmark;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mimik bench render}: the infrared renderer's throughput on one thread. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the headset renderer on one thread: each frame poses the rig with random weights, then renders",
      "every embedded camera of the headset (left views mirrored), as 'mimik ego simulate' does. Prints images per",
      "wall-clock second and per CPU second of the thread (the latter is the figure on a busy machine).",
      "",
      "Example: mimik bench render --width 64 --frames 2000",
      "         mimik bench render --ict ../shared/data/ict-facekit --frames 200"
    })
public final class BenchRenderCommand implements Callable<Integer> {

  @Option(names = "--width", defaultValue = "64", description = "image width (default ${DEFAULT-VALUE})")
  int width;

  @Option(names = "--frames", defaultValue = "2000", description = "frames timed (default ${DEFAULT-VALUE})")
  int frames;

  @Option(names = "--headset", defaultValue = "refa5", description = "headset name or file (default ${DEFAULT-VALUE})")
  String headset;

  @Option(names = "--look", defaultValue = "synthetic", description = "synthetic or captured (default ${DEFAULT-VALUE})")
  String look;

  @Option(names = "--ict", paramLabel = "DIR", description = "render the ICT FaceKit rig in DIR instead of mimik's")
  Path ict;

  @Option(names = "--flat", description = "do not subdivide the mesh (mimik's rig is subdivided by default)")
  boolean flat;

  @Override
  public Integer call() {
    if (frames < 1 || width < 8 || width > 2048) {
      throw new dev.mimik.core.io.BadInputException("--frames must be positive and --width 8..2048");
    }
    Look l = switch (look) {
      case "synthetic" -> Look.synthetic();
      case "captured" -> Look.captured();
      default -> throw new dev.mimik.core.io.BadInputException("--look must be synthetic or captured, not " + look);
    };
    FaceRig rig = ict == null ? EmbeddedRig.load() : ArkitShapeMapper.toArkit(IctFaceKit.load(ict));
    FaceSurface face = new FaceSurface(rig, new double[0], FaceLook.plain(), ict == null && !flat);
    RenderBenchmark b = new RenderBenchmark(face, Headsets.resolve(headset), l, width);
    b.print(b.run(frames, Math.max(20, frames / 5), 1), frames, System.out);
    return 0;
  }
}
