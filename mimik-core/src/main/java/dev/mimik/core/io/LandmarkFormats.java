package dev.mimik.core.io;

import dev.mimik.core.data.LandmarkTrack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The landmark formats mimik knows, and reading a file by recognising its content. */
public final class LandmarkFormats {

  private final List<LandmarkReader> readers;

  public LandmarkFormats(List<LandmarkReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** Every built-in format. */
  public static LandmarkFormats standard() {
    return new LandmarkFormats(List.of(
        new dev.mimik.core.io.openface.OpenFaceReader(),
        new dev.mimik.core.io.mediapipe.MediaPipeCsvReader(),
        new dev.mimik.core.io.csv.LandmarkCsvReader()));
  }

  public List<LandmarkReader> readers() {
    return readers;
  }

  public Optional<LandmarkReader> readerFor(Path file) throws IOException {
    byte[] head = SignalFormats.head(file);
    return readers.stream().filter(r -> r.recognises(file, head)).findFirst();
  }

  /** @throws BadInputException if the file is missing, empty, of unknown format, or invalid */
  public LandmarkTrack read(Path file) throws IOException {
    LandmarkReader reader = readerFor(file).orElseThrow(() -> new BadInputException(file,
        "unknown landmark format (expected OpenFace 2.0 CSV, a CSV with time_s,x0,y0,..., or MediaPipe's 478"
            + " points)"));
    return reader.read(file);
  }
}
