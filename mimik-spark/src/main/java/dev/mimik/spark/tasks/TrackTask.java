package dev.mimik.spark.tasks;

import dev.mimik.lab.face.FaceScores;
import dev.mimik.lab.tracking.TrackJob;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.spark.job.Recording;
import dev.mimik.spark.job.RecordingTask;
import dev.mimik.track.TrackedRecording;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code mimik track} on one recording of a batch: {@link TrackJob}, the code {@code mimik track} runs. Inputs: the
 * manifest's {@code signals} and, when given, {@code truth} (the truth landmarks; a simulator's {@code truth/} files
 * beside them are read too).
 *
 * @param model the model's location
 * @param faceModel the face's location, or null for the embedded rig
 * @param threads the networks' intra-op threads in each task
 */
public record TrackTask(String model, String faceModel, boolean no3d, boolean offline, boolean eyeAdjust,
    boolean eyeAblation, int threads) implements RecordingTask {

  /** The manifest columns it needs. */
  public static final List<String> REQUIRED = List.of("signals");
  /** The manifest columns it reads when present. */
  public static final List<String> OPTIONAL = List.of("truth");

  @Override
  public String command() {
    return "track";
  }

  @Override
  public Map<String, Double> run(Recording recording, Inputs inputs, Path out) throws Exception {
    TorchEngine.setThreads(threads);
    Path signals = inputs.local(recording.input("signals"));
    String truthAt = recording.input("truth");
    Path truth = truthAt == null ? null
        : inputs.local(truthAt, "blendshapes.csv", "blinks.csv", "participant.csv");
    Path face = faceModel == null ? null : inputs.local(faceModel);
    TrackJob job = TrackJob.read(new TrackJob.Settings(face, no3d, offline, eyeAdjust, eyeAblation), signals, truth);
    try (TrackingModel m = TrackingModel.load(inputs.local(model))) {
      if (job.streams()) {
        job.run(out, m, w -> System.err.println(recording.id() + ": warning: " + w), p -> { });
        return MetricNumbers.of(null);
      }
      TrackedRecording tracked = job.track(m, w -> System.err.println(recording.id() + ": warning: " + w), p -> { });
      List<FaceScores.Row> ablation = job.ablation(m, tracked, p -> { });
      return MetricNumbers.of(job.write(out, m, tracked, ablation).metricsJson());
    }
  }
}
