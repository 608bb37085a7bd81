package dev.mimik.app;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.lab.face.ForeignFaceFit;
import dev.mimik.lab.face.Identifiability;
import dev.mimik.sim.face.VariantRig;
import dev.mimik.track.TrackingRecipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mimik bench foreign-fit}: the embedded rig fitted, as {@code mimik fit} fits a landmark file, to faces the
 * ICT FaceKit made ({@link ForeignFaceFit}); per-shape Pearson r against the true weights and the shapes at their
 * bound on neutral frames.
 */
@Command(
    name = "foreign-fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fit the embedded rig to faces of another rig: ICT FaceKit people (random identities) perform every ARKit",
      "shape alone and in mixtures, with neutral stretches, blinks, gaze and head motion, filmed by a pinhole camera",
      "with detector jitter; the landmarks are fitted as 'mimik fit' fits a file. Prints Pearson r of each fitted",
      "weight against the truth (averaged over the shapes the landmarks can see) and how often each sits at its",
      "upper bound on neutral frames.",
      "",
      "Example: mimik bench foreign-fit --ict ../shared/data/ict-facekit --people 4 --landmarks 68 --seed 2,3,4"
    })
final class BenchForeignFitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--ict", paramLabel = "DIR", description = "the ICT FaceKit conversion (its folder)")
  Path ict;

  @Option(names = "--same-rig", description = "a reference: faces made by the fitted rig itself (random identities of"
      + " its own modes) instead of the ICT FaceKit's; what the landmarks and the rig's targets allow at best")
  boolean sameRig;

  @Option(names = "--variant", description = "faces made by the variant of the embedded rig that 'mimik simulate'"
      + " uses where the ICT FaceKit is missing, instead of the ICT FaceKit's")
  boolean variant;

  @Option(names = "--fit-ict", description = "a reference: fit the ICT FaceKit's own targets (its gaze turning the"
      + " pupils as the faces' do) instead of the embedded rig's; what the fitter, the landmarks and the noise allow"
      + " when the vocabularies are identical (needs --ict)")
  boolean fitIct;

  @Option(names = "--identifiability", description = "print instead, on the making rig alone, each shape's landmark"
      + " motion at weight 1 and its part outside the span of the other shapes' and the head's motions (the shapes the"
      + " landmarks can tell apart at all); fit nothing")
  boolean identifiability;

  @Option(names = "--vocabulary", description = "print instead how the making rig's targets and the fitted rig's of"
      + " the same name move the 68 landmarks (cosine, amplitude, what the fitted targets make of each); fit nothing")
  boolean vocabulary;

  @Option(names = "--people", defaultValue = "4", description = "people (default ${DEFAULT-VALUE})")
  int people;

  @Option(names = "--rounds", defaultValue = "1",
      description = "rounds of the shape tour per person, about 110 s each (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--landmarks", defaultValue = "68", description = "landmark set: 68 or 53 (51 + pupils)"
      + " (default ${DEFAULT-VALUE})")
  int landmarks;

  @Option(names = "--noise", defaultValue = "1.0", description = "detector jitter, pixels (default ${DEFAULT-VALUE})")
  double noise;

  @Option(names = "--seed", defaultValue = "1", split = ",", description = "seed of people, performances and jitter;"
      + " several, comma-separated, print each shape's r under each seed and the mean (default ${DEFAULT-VALUE})")
  List<Long> seeds;

  @Override
  public Integer call() {
    if (people < 1 || rounds < 1 || !(noise >= 0) || (landmarks != 68 && landmarks != 53 && landmarks != 51)) {
      throw new ParameterException(spec.commandLine(),
          "--people and --rounds must be positive, --noise non-negative, --landmarks 68, 53 or 51");
    }
    if ((ict == null ? 0 : 1) + (sameRig ? 1 : 0) + (variant ? 1 : 0) != 1) {
      throw new ParameterException(spec.commandLine(), "give one of the ICT FaceKit folder (--ict DIR), --same-rig"
          + " or --variant");
    }
    if (fitIct && ict == null) {
      throw new ParameterException(spec.commandLine(), "--fit-ict needs the ICT FaceKit folder (--ict DIR)");
    }
    FaceRig embedded = EmbeddedRig.load();
    FaceRig making = sameRig ? embedded : variant ? VariantRig.of(embedded)
        : ArkitShapeMapper.toArkit(IctFaceKit.load(ict));
    FaceRig fitting = fitIct ? ForeignFaceFit.withGazeOnPupils(making) : embedded;
    if (identifiability) {
      Identifiability.print(making, LandmarkSet.ofSize(landmarks), System.out);
      return 0;
    }
    if (vocabulary) {
      ForeignFaceFit.printVocabulary(making, fitting, System.out);
      return 0;
    }
    ForeignFaceFit measure = new ForeignFaceFit(making, fitting, TrackingRecipe.causal().withOffline(true));
    List<ForeignFaceFit.Result> results = new ArrayList<>();
    for (long seed : seeds) {
      ForeignFaceFit.Settings settings = new ForeignFaceFit.Settings(people, rounds, LandmarkSet.ofSize(landmarks),
          noise, seed);
      results.add(measure.run(settings, done -> spec.commandLine().getErr().println("seed " + seed + ": " + done)));
    }
    if (results.size() == 1) {
      results.get(0).print(System.out);
    } else {
      ForeignFaceFit.printSeeds(results, System.out);
    }
    return 0;
  }
}
