package dev.mimik.spark.tasks;

import dev.mimik.lab.evaluation.EvalJob;
import dev.mimik.spark.job.Recording;
import dev.mimik.spark.job.RecordingTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code mimik eval --out} on one recording of a batch: {@link EvalJob}, the code {@code mimik eval} runs. Inputs:
 * the manifest's {@code pred} and {@code truth} landmarks and, when given, {@code blendshapes} (a simulator truth's
 * files beside the truth landmarks are read too). {@code metrics.json} names the files as the task read them: the
 * manifest's paths for local files.
 *
 * @param landmarks the landmark set to evaluate (51, 53, 68), or null for all
 */
public record EvalTask(double eyeCornersMm, Integer landmarks) implements RecordingTask {

  /** The manifest columns it needs. */
  public static final List<String> REQUIRED = List.of("pred", "truth");
  /** The manifest columns it reads when present. */
  public static final List<String> OPTIONAL = List.of("blendshapes");

  @Override
  public String command() {
    return "eval";
  }

  @Override
  public Map<String, Double> run(Recording recording, Inputs inputs, Path out) throws Exception {
    Path pred = inputs.local(recording.input("pred"));
    Path truth = inputs.local(recording.input("truth"), "blendshapes.csv", "blinks.csv", "participant.csv");
    String shapes = recording.input("blendshapes");
    EvalJob job = EvalJob.run(pred, truth, shapes == null ? null : inputs.local(shapes), eyeCornersMm, landmarks);
    job.write(out);
    return MetricNumbers.of(job.json());
  }
}
