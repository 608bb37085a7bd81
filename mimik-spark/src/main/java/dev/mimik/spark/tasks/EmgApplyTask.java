package dev.mimik.spark.tasks;

import dev.mimik.lab.eifer.EmgApplication;
import dev.mimik.lab.eifer.EmgInputs;
import dev.mimik.spark.job.Recording;
import dev.mimik.spark.job.RecordingTask;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mimik emg apply} on one recording of a batch: {@link EmgApplication}, the code {@code mimik emg apply}
 * runs. Input: the manifest's {@code signals}. Its numbers for the summary: {@code frames} and, with the raw chain,
 * {@code electrode_pops} and {@code frames_touching_pops}.
 *
 * @param model the model's location
 * @param bipolar the pairs file's location, or null
 */
public record EmgApplyTask(String model, String bipolar, String preset, int firTaps, boolean linear, boolean heatmap)
    implements RecordingTask {

  /** The manifest columns it needs. */
  public static final List<String> REQUIRED = List.of("signals");

  @Override
  public String command() {
    return "emg apply";
  }

  @Override
  public Map<String, Double> run(Recording recording, Inputs inputs, Path out) throws Exception {
    EmgApplication.Settings settings = new EmgApplication.Settings(
        bipolar == null ? null : inputs.local(bipolar), new EmgInputs(preset, firTaps), linear, heatmap);
    EmgApplication applied = EmgApplication.run(inputs.local(model), inputs.local(recording.input("signals")),
        settings, out, w -> System.err.println(recording.id() + ": " + w));
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("frames", (double) applied.frames());
    if (applied.pops() != null) {
      numbers.put("electrode_pops", (double) applied.pops().count());
      numbers.put("frames_touching_pops", (double) applied.touched());
    }
    return numbers;
  }
}
