package dev.mimik.app;

import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.sim.ego.EgoDataset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mimik ego check}: reads a headset dataset as every ego command will, and says what it holds. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a headset dataset folder (docs/FORMATS.md, headset recordings): manifest, headset, one image folder",
      "per camera with one readable PNG per frame, segments and labels. Use it on your own recordings before the",
      "other ego commands; the first problem found is reported with its file and the exit code is 2.",
      "",
      "Example: mimik ego check ego --decode-every 10"
    })
public final class EgoCheckCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "DATASET", description = "the dataset folder")
  private Path dir;

  @Option(names = "--decode-every", defaultValue = "1",
      description = "decode every n-th image (all names are checked; default ${DEFAULT-VALUE}: every image)")
  private int every;

  @Override
  public Integer call() throws Exception {
    if (every < 1) {
      throw new dev.mimik.core.io.BadInputException("--decode-every must be at least 1, not " + every);
    }
    EgoDataset d = EgoDataset.open(dir);
    var out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s: headset %s (%s), %d recordings%n", dir, d.headset().name(),
        String.join(", ", d.headset().cameras().stream().map(HeadsetCamera::name).toList()), d.recordings().size());
    try (Progress progress = new Progress(spec.commandLine().getErr(), "ego check")) {
      int i = 0;
      for (EgoDataset.Entry e : d.recordings()) {
        int k = i++;
        int n = d.recordings().size();
        int[][] sizes = d.checkViews(e, every, f -> progress.update((k + f) / n));
        var segments = d.segments(e);
        var labels = d.labels(e);
        out.printf(Locale.ROOT, "%s: subject %s, %s, %d frames at %s fps, images %dx%d, %s segments, labels %s%s%n",
            e.recording(), e.subject(), e.domain(), e.frames(), e.fps(), sizes[0][0], sizes[0][1],
            segments == null ? "no" : String.valueOf(segments.size()), labels == null ? "absent" : e.labels(),
            d.truth(e) == null ? "" : ", truth present");
      }
    }
    return 0;
  }
}
