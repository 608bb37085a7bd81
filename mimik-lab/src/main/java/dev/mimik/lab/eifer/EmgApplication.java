package dev.mimik.lab.eifer;

import dev.mimik.core.data.Columns;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferModelFile;
import dev.mimik.learn.eifer.InputWindows;
import dev.mimik.signal.artefact.Artefact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * One {@code mimik emg apply} run: a model's EMG-to-expression map applied to a recording, written as
 * {@code blendshapes.csv} and {@code face.glb} (and {@code artefacts.csv} with the raw chain, {@code
 * muscle-heatmap.png} when asked). {@code mimik emg apply} and {@code mimik batch emg-apply} both run it. Raw sEMG
 * (the EIFER preset, without bipolar pairs) is read in blocks ({@link EmgInputs#streamed}) into frame-rate series in
 * temporary files, which go through the model a chunk of frames at a time, so that the heap does not grow with
 * the recording's length.
 *
 * @param frames frames written
 * @param pops the electrode pops found (raw chain), or null
 * @param touched frames whose window touches a pop on some channel
 */
public record EmgApplication(int frames, EmgInputs.Pops pops, long touched) {

  /**
   * How to apply.
   *
   * @param bipolar the pairs file, or null
   * @param inputs the chain ({@code --preset}, {@code --fir-taps})
   * @param linear the linear baseline instead of the network
   * @param heatmap also draw muscle-heatmap.png
   */
  public record Settings(Path bipolar, EmgInputs inputs, boolean linear, boolean heatmap) {}

  /** Applies the model in {@code model} to {@code signals} and writes the outputs into {@code out}. */
  public static EmgApplication run(Path model, Path signals, Settings settings, Path out, Consumer<String> warnings)
      throws IOException {
    EiferModel m = EiferModelFile.read(model);
    EmgInputs inputs = settings.inputs();
    if (inputs.raw()) { // read in blocks: a recording of any length fits
      try (EmgInputs.Streamed s = inputs.streamed(signals, EmgInputs.pairs(settings.bipolar()), m.channels(),
          m.eogBand(), m.saccadeIntegral(), warnings)) {
        return write(m, model, signals, s, settings, out);
      }
    }
    // envelopes as they are (--preset none): the EOG inputs need raw signals, which inputs refuses
    Signal env = inputs.envelopes(signals, EmgInputs.read(signals, settings.bipolar()));
    return write(m, model, signals, new EmgInputs.Streamed(env.startTimeSeconds(), env.samplingRate(),
        Columns.ofRows(EmgInputs.rows(signals, env, m.channels())),
        m.eogBand() ? Columns.ofRows(EmgInputs.rows(signals, inputs.eogBand(signals, env), m.channels())) : null,
        m.saccadeIntegral() ? Columns.ofRows(EmgInputs.rows(signals, inputs.saccadeIntegral(signals, env),
            m.channels())) : null, null, List.of()), settings, out);
  }

  /**
   * Maps the inputs {@code in} chunk by chunk ({@link EiferModel#expression(InputWindows, int, int, boolean)}) and
   * writes each chunk's rows as they come, through temporary files, as mimik track writes them: no copy of the
   * track in memory.
   */
  private static EmgApplication write(EiferModel m, Path model, Path signals, EmgInputs.Streamed in, Settings settings,
      Path out) throws IOException {
    if (Math.abs(in.rate() - m.frameRate()) > 1e-6) {
      throw new BadInputException(signals, "envelopes at " + in.rate() + " Hz, the model's at " + m.frameRate()
          + " Hz");
    }
    EmgInputs.Pops pops = in.pops();
    InputWindows windows = m.inputs(in.envelopes(), in.eog(), in.saccades(), pops == null ? null : pops.clean());
    int frames = windows.frames();
    byte[] png = null;
    if (settings.heatmap()) { // drawn first: a model whose channels are not Fridlund's writes nothing
      int f = EiferHeatMap.strongestFrame(in.envelopes());
      png = EiferHeatMap.png(model, m.channels(), m.expression(windows, f, f + 1, settings.linear())[0],
          in.envelopes().rows(f, f + 1)[0], String.format(Locale.ROOT, "measured at %.2f s",
              in.startTimeSeconds() + f / in.rate()));
    }
    Files.createDirectories(out);
    if (png != null) {
      byte[] drawn = png;
      AtomicFiles.write(out.resolve("muscle-heatmap.png"), o -> o.write(drawn));
    }
    try (BlendshapeCsv.Rows csv = new BlendshapeCsv.Rows(out.resolve("blendshapes.csv"), m.blendshapes());
        GltfAnimationWriter.Frames face = new GltfAnimationWriter.Frames(EmbeddedRig.load(), m.blendshapes())) {
      for (int from = 0; from < frames; from += CHUNK) {
        double[][] w = m.expression(windows, from, Math.min(frames, from + CHUNK), settings.linear());
        for (int i = 0; i < w.length; i++) {
          double t = in.startTimeSeconds() + (from + i) / in.rate();
          csv.row(t, w[i]);
          face.add(t, w[i]);
        }
      }
      csv.commit();
      face.write(out.resolve("face.glb"));
    }
    long touched = 0;
    if (pops != null) {
      AtomicFiles.writeString(out.resolve("artefacts.csv"), artefactsCsv(m.channels(), pops, in.startTimeSeconds()));
      touched = IntStream.range(0, frames).filter(f -> !pops.cleanAt(f)).count();
    }
    return new EmgApplication(frames, pops, touched);
  }

  /** Frames mapped at a time: their windows of every channel are what a chunk holds. */
  private static final int CHUNK = 2048;

  /** One row per pop: channel, start and end on the recording's clock, seconds. */
  private static String artefactsCsv(List<String> channels, EmgInputs.Pops pops, double start) {
    StringBuilder b = new StringBuilder("channel,start_s,end_s\n");
    for (int c = 0; c < channels.size(); c++) {
      for (Artefact a : pops.perChannel().get(c)) {
        b.append(String.format(Locale.ROOT, "%s,%.4f,%.4f\n", channels.get(c), start + a.startSeconds(),
            start + a.endSeconds()));
      }
    }
    return b.toString();
  }
}
