package dev.mimik.app;

import dev.mimik.face.fit.FitBenchmark;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mimik bench fit}: times the rig fitter and measures its accuracy on landmarks generated from the embedded
 * rig with known weights, pose and pixel noise.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the 3D rig fitter: ms/frame, weight MAE of the landmark-observable targets and head-pose error,",
      "cold (single frames) and warm-started (smooth sequences), weak-perspective and pinhole cameras, 68 and 53 points.",
      "",
      "Example: mimik bench fit --frames 400 --noise 1.0 --seed 7",
      "         mimik bench fit --ict ../shared/data/ict-facekit"
    })
public final class BenchFitCommand implements Callable<Integer> {

  @Option(names = "--frames", defaultValue = "400", description = "frames per case (default ${DEFAULT-VALUE})")
  int frames;

  @Option(names = "--noise", defaultValue = "1.0",
      description = "Gaussian noise per landmark coordinate, pixels (default ${DEFAULT-VALUE})")
  double noise;

  @Option(names = "--seed", defaultValue = "7", description = "seed of poses, weights and noise (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--ict", paramLabel = "DIR",
      description = "benchmark on the ICT FaceKit rig in DIR (its glTF conversion) instead of the embedded rig")
  Path ict;

  @Override
  public Integer call() {
    if (frames < 1 || !(noise >= 0)) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--frames must be positive and --noise non-negative");
    }
    FaceRig rig = ict == null ? EmbeddedRig.load() : ArkitShapeMapper.toArkit(IctFaceKit.load(ict));
    new FitBenchmark(rig, frames, seed, noise).run(System.out);
    return 0;
  }
}
