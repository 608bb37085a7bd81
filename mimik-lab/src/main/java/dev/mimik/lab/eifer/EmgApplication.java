package dev.mimik.lab.eifer;

import dev.mimik.core.data.Signal;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferModelFile;
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
 * (the EIFER preset, without bipolar pairs) is read in blocks ({@link EmgInputs#streamed}), so that only frame-rate
 * series are held.
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
    Signal env;
    double[][] eog;
    double[][] sac;
    double[][] rows;
    EmgInputs.Pops pops;
    if (inputs.raw() && settings.bipolar() == null) { // read in blocks: a recording of any length fits
      EmgInputs.Streamed s = inputs.streamed(signals, m.channels(), m.eogBand(), m.saccadeIntegral(), warnings);
      env = s.envelopes();
      checkRate(signals, env, m);
      eog = s.eog();
      sac = s.saccades();
      rows = s.rows();
      pops = s.pops();
    } else {
      Signal raw = EmgInputs.read(signals, settings.bipolar());
      env = inputs.envelopes(signals, raw);
      checkRate(signals, env, m);
      eog = m.eogBand() ? EmgInputs.rows(signals, inputs.eogBand(signals, raw), m.channels()) : null;
      sac = m.saccadeIntegral() ? EmgInputs.rows(signals, inputs.saccadeIntegral(signals, raw), m.channels()) : null;
      rows = EmgInputs.rows(signals, env, m.channels());
      pops = inputs.raw() ? inputs.pops(signals, raw, m.channels(), rows.length, warnings) : null;
    }
    double[][] w = m.expression(rows, eog, sac, pops == null ? null : pops.clean(), settings.linear());
    double[] times = EmgInputs.frameTimes(env);
    int strongest = EiferHeatMap.strongestFrame(rows);
    byte[] png = !settings.heatmap() ? null : EiferHeatMap.png(model, m.channels(), w[strongest], rows[strongest],
        String.format(Locale.ROOT, "measured at %.2f s", times[strongest]));
    Files.createDirectories(out);
    if (png != null) {
      AtomicFiles.write(out.resolve("muscle-heatmap.png"), o -> o.write(png));
    }
    // row by row through temporary files, as mimik track writes them: no copy of the track in memory
    try (BlendshapeCsv.Rows csv = new BlendshapeCsv.Rows(out.resolve("blendshapes.csv"), m.blendshapes());
        GltfAnimationWriter.Frames face = new GltfAnimationWriter.Frames(EmbeddedRig.load(), m.blendshapes())) {
      for (int f = 0; f < w.length; f++) {
        csv.row(times[f], w[f]);
        face.add(times[f], w[f]);
      }
      csv.commit();
      face.write(out.resolve("face.glb"));
    }
    long touched = 0;
    if (pops != null) {
      AtomicFiles.writeString(out.resolve("artefacts.csv"), artefactsCsv(m.channels(), pops, env.startTimeSeconds()));
      touched = IntStream.range(0, w.length).filter(f -> !pops.cleanAt(f)).count();
    }
    return new EmgApplication(w.length, pops, touched);
  }

  private static void checkRate(Path signals, Signal env, EiferModel m) {
    if (Math.abs(env.samplingRate() - m.frameRate()) > 1e-6) {
      throw new BadInputException(signals, "envelopes at " + env.samplingRate() + " Hz, the model's at "
          + m.frameRate() + " Hz");
    }
  }

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
