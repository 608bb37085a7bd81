package dev.mimik.lab.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.io.edf.EdfWriter;
import dev.mimik.learn.bioface.SyntheticSession;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.track.TrackedRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackJobTest {

  @TempDir Path dir;

  /**
   * Tracking as the file is read writes the bytes of tracking the recording held whole: the rows, the face's
   * animation and the report (its charts thinned as the values arrive, the signal chart from a second read).
   */
  @Test
  void trackingAsTheFileIsReadWritesTheBytesOfTheWholeRecordingsOutputs() throws Exception {
    TrackingModel model = SyntheticSession.trainedModel();
    Path edf = dir.resolve("s.edf");
    // long enough that every chart is thinned (more than 2,000 frames and samples)
    new EdfWriter().write(SyntheticSession.signal(0, 75, SyntheticSession.FS, 9), edf);
    TrackJob job = TrackJob.read(TrackJob.Settings.defaults(), edf, null);
    assertThat(job.streams()).isTrue();
    TrackJob.Run run = job.run(dir.resolve("streamed"), model, w -> { }, p -> { });
    TrackedRecording whole = job.track(model, w -> { }, p -> { });
    job.write(dir.resolve("whole"), model, whole, List.of());
    assertThat(run.frames()).isEqualTo(whole.frames().size()).isGreaterThan(2000);
    for (String file : List.of("landmarks.csv", "blendshapes.csv", "face.glb", "report.html")) {
      assertThat(Files.readAllBytes(dir.resolve("streamed").resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("whole").resolve(file)));
    }
    try (var left = Files.list(dir.resolve("streamed"))) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("blendshapes.csv", "face.glb", "landmarks.csv", "report.html");
    }
  }
}
