package dev.mimik.spark.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.LandmarkFrame;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.bioface.TrainingData;
import dev.mimik.signal.sync.ClockMapping;
import dev.mimik.spark.fs.HadoopStore;
import dev.mimik.spark.fs.Scratch;
import dev.mimik.spark.job.Recording;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The training sessions as the executors see them: a manifest line read into a {@link Session} (signals and
 * landmarks staged locally; {@code offset_s} relates the clocks, as in {@code mimik train --manifest}; no column
 * means the same clock), and the three steps of {@link TrainingData#build} that run per session: how many shapes a
 * session has, the ones the aligned frame's reference is computed from, and its windows and targets in that frame.
 * The front end and the frame travel as their JSON.
 */
final class TrainingSessions implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HadoopStore store;
  private final String frontEnd;
  private final LandmarkSet set;

  TrainingSessions(HadoopStore store, FrontEnd frontEnd, LandmarkSet set) {
    this.store = store;
    this.frontEnd = json(frontEnd);
    this.set = set;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T parse(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FrontEnd frontEnd() {
    return parse(frontEnd, FrontEnd.class);
  }

  /** Reads a recording's session, its files staged under {@code scratch}. */
  static Session read(HadoopStore store, Recording r, Path scratch) throws IOException {
    Path signals = store.stage(r.input("signals"), scratch);
    Path landmarks = store.stage(r.input("landmarks"), scratch);
    String offset = r.input("offset_s");
    ClockMapping clock;
    try {
      clock = offset == null ? ClockMapping.identity() : ClockMapping.ofOffset(Double.parseDouble(offset));
    } catch (NumberFormatException e) {
      throw new BadInputException(signals, "offset_s '" + offset + "' is not a number");
    }
    return new Session(r.id(), r.participant(), SignalFormats.standard().read(signals),
        LandmarkFormats.standard().read(landmarks), clock, signals);
  }

  /** Runs {@code step} on the recording's session in a scratch folder deleted afterwards. */
  <T> T withSession(Recording r, Step<T> step) throws IOException {
    try (Scratch scratch = new Scratch("mimik-training-set-")) {
      return step.apply(read(store, r, scratch.dir()));
    }
  }

  /** Work on one session. */
  interface Step<T> {
    T apply(Session s) throws IOException;
  }

  /** The session's shapes (frames with a face) in the set, resampled to the front end's rate. */
  List<double[]> shapes(Session s) {
    return TrainingData.shapes(s, frontEnd(), set);
  }

  /** The session's training frames in {@code frame} (JSON). */
  TrainingData data(Session s, String frame) {
    return TrainingData.build(List.of(s), frontEnd(), set, parse(frame, LandmarkFrame.class),
        w -> System.err.println(s.name() + ": warning: " + w));
  }
}
