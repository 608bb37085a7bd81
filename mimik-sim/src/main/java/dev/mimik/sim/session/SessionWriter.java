package dev.mimik.sim.session;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.LandmarkWriter;
import dev.mimik.core.io.SignalWriter;
import dev.mimik.core.io.csv.CsvSignalWriter;
import dev.mimik.core.io.edf.EdfVariant;
import dev.mimik.core.io.edf.EdfWriter;
import dev.mimik.core.io.openface.OpenFaceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the two inputs of {@code mimik train} for one session, through the core writers: the biosignals
 * ({@code signals.edf}, {@code .bdf} or {@code .csv}) and the detected landmarks ({@code landmarks.csv}, OpenFace
 * 2.0 layout).
 *
 * @param signalsFileName file name of the biosignals
 * @param signals the biosignal writer
 * @param landmarks the landmark writer
 */
public record SessionWriter(String signalsFileName, SignalWriter signals, LandmarkWriter landmarks) {

  /** File name of the detected landmarks. */
  public static final String LANDMARKS_FILE = "landmarks.csv";

  /** EDF+ biosignals (the default), BDF+ ({@code bdf}) or CSV ({@code csv}), with OpenFace landmarks. */
  public static SessionWriter of(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "edf" -> new SessionWriter("signals.edf", new EdfWriter(), new OpenFaceWriter());
      case "bdf" -> new SessionWriter("signals.bdf", new EdfWriter(EdfVariant.BDF_PLUS), new OpenFaceWriter());
      case "csv" -> new SessionWriter("signals.csv", new CsvSignalWriter(), new OpenFaceWriter());
      default -> throw new dev.mimik.core.io.BadInputException(
          "unknown signal format '" + format + "' (edf, bdf or csv)");
    };
  }

  void writeSignals(Signal signal, Path file) throws IOException {
    signals.write(signal, file);
  }

  void writeLandmarks(LandmarkTrack track, Path file) throws IOException {
    landmarks.write(track, file);
  }
}
