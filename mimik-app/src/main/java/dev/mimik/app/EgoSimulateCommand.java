package dev.mimik.app;

import dev.mimik.core.io.BadInputException;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.Headsets;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.sim.ego.Domain;
import dev.mimik.sim.ego.EgoRecording;
import dev.mimik.sim.ego.EgoSettings;
import dev.mimik.sim.ego.EgoSimulator;
import dev.mimik.sim.ego.PseudoLabeller;
import dev.mimik.sim.face.SimulatedFace;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mimik ego simulate}: writes a headset dataset (views, labels, segments, truth, manifest) from a seed. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate subjects wearing a headset and performing REFA's protocol (peak expressions from neutral and back,",
      "speech, free expression, winks, gaze), and write each recording's camera views as PNG sequences with",
      "labels, art-prior segments, exact truth (under truth/) and a manifest (docs/FORMATS.md).",
      "",
      "Domains: synthetic (clean renders of mimik's rig, exact labels) and real (another appearance model, the",
      "ICT FaceKit face when --ict points at it, pseudo ground truth fitted to detected keypoints of the",
      "data-collection headset's views). With --domain both, subjects alternate between them.",
      "",
      "Example: mimik ego simulate --out ego --subjects 10 --minutes 2 --domain both --seed 1"
    })
public final class EgoSimulateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", required = true, description = "output folder (must not exist or be empty)")
  private Path out;

  @Option(names = "--subjects", defaultValue = "2", description = "number of subjects (default ${DEFAULT-VALUE})")
  private int subjects;

  @Option(names = "--recordings-per-subject", defaultValue = "1",
      description = "recordings per subject, each donned anew (default ${DEFAULT-VALUE})")
  private int recordings;

  @Option(names = "--minutes", defaultValue = "1", description = "minutes per recording (default ${DEFAULT-VALUE})")
  private double minutes;

  @Option(names = "--headset", defaultValue = "refa5",
      description = "built-in headset (" + "refa5, alt-nasal, alt-temple, refa5-collect" + ") or a headset JSON file"
          + " (default ${DEFAULT-VALUE})")
  private String headset;

  @Option(names = "--domain", defaultValue = "synthetic",
      description = "synthetic, real or both (default ${DEFAULT-VALUE})")
  private String domain;

  @Option(names = "--width", defaultValue = "64", description = "image width in pixels (default ${DEFAULT-VALUE})")
  private int width;

  @Option(names = "--seed", defaultValue = "1", description = "seed of everything (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--threads", description = "recordings rendered at once (default: the processors)")
  private Integer threads;

  @Option(names = "--ict", defaultValue = "../shared/data/ict-facekit",
      description = "ICT FaceKit conversion for the real domain's face; without it the real domain uses mimik's rig"
          + " (default ${DEFAULT-VALUE})")
  private Path ict;

  @Option(names = "--sparsity", description = "strength of the pseudo ground truth's L1 prior (default "
      + PseudoLabeller.SPARSITY + ")")
  private Double sparsity;

  @Override
  public Integer call() throws Exception {
    require(subjects >= 1 && subjects <= 10_000, "--subjects must be 1..10000, not " + subjects);
    require(recordings >= 1 && recordings <= 100, "--recordings-per-subject must be 1..100, not " + recordings);
    require(minutes > 0 && minutes <= 600, "--minutes must be in (0, 600], not " + minutes);
    require(width >= 16 && width <= 1024, "--width must be 16..1024, not " + width);
    List<Domain> domains = switch (domain) {
      case "synthetic" -> List.of(Domain.SYNTHETIC);
      case "real" -> List.of(Domain.REAL);
      case "both" -> List.of(Domain.SYNTHETIC, Domain.REAL);
      default -> throw new BadInputException("--domain must be synthetic, real or both, not " + domain);
    };
    Headset h = Headsets.resolve(headset);
    require(!h.embeddedCameras().isEmpty(), headset + ": the headset has no embedded cameras");
    List<HeadsetCamera> gt = h.groundTruthCameras().isEmpty()
        ? Headsets.builtIn("refa5-collect").groundTruthCameras() : h.groundTruthCameras();
    FaceRig embedded = EmbeddedRig.load();
    FaceRig real = domains.contains(Domain.REAL) ? realFace(ict, spec.commandLine().getErr()) : embedded;
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    require(t >= 1 && t <= 256, "--threads must be 1..256, not " + t);
    double l1 = sparsity == null ? PseudoLabeller.SPARSITY : sparsity;
    require(l1 >= 0 && l1 < 1, "--sparsity must be in [0, 1), not " + l1);
    EgoSettings settings = new EgoSettings(subjects, recordings, minutes, seed, h, gt, domains, width, t, embedded,
        real, embedded, l1);
    long start = System.nanoTime();
    List<EgoRecording> done;
    try (Progress progress = new Progress(spec.commandLine().getErr(), "ego simulate")) {
      done = new EgoSimulator(settings).write(out, progress::update);
    }
    long images = done.stream().mapToLong(r -> (long) r.times().length).sum() * h.embeddedCameras().size();
    double s = (System.nanoTime() - start) / 1e9;
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d recordings, %d images (%dx%d) to %s in %.1f s (%.0f "
        + "images/s)%n", done.size(), images, width, h.embeddedCameras().get(0).renderHeight(width), out, s,
        images / s);
    return 0;
  }

  /** The real domain's face: the ICT FaceKit face where {@code ict} holds it, else mimik's rig (with a note). */
  static FaceRig realFace(Path ict, java.io.PrintWriter err) {
    if (SimulatedFace.available(ict)) {
      return ArkitShapeMapper.toArkit(IctFaceKit.load(ict));
    }
    err.println("note: no ICT FaceKit at " + ict + "; the real domain uses mimik's rig");
    return EmbeddedRig.load();
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new BadInputException(problem);
    }
  }
}
