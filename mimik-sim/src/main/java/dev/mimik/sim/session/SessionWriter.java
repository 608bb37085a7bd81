package dev.mimik.sim.session;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the two inputs of {@code mimik train} for one session: the biosignals and the detected landmarks. */
public interface SessionWriter {

  /** File name of the biosignals, e.g. {@code signals.csv} or {@code signals.edf}. */
  String signalsFileName();

  /** File name of the detected landmarks, e.g. {@code landmarks.csv}. */
  String landmarksFileName();

  void writeSignals(Signal signal, Path file) throws IOException;

  void writeLandmarks(LandmarkTrack track, Path file) throws IOException;
}
