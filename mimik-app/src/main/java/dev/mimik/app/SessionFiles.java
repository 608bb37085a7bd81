package dev.mimik.app;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.LandmarkFormats;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.core.io.TextTable;
import dev.mimik.learn.bioface.Session;
import dev.mimik.signal.sync.ClockMapping;
import dev.mimik.signal.sync.OffsetEstimate;
import dev.mimik.signal.sync.OffsetEstimator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads training sessions named on the command line ({@code SIGNALS,LANDMARKS} pairs) or in a manifest
 * ({@code signals,landmarks[,participant][,offset_s][,drift_ppm]}, paths relative to the manifest), and relates their
 * clocks: a given offset (and drift), none, or an automatic estimate that lines the EMG envelopes up with the face.
 */
final class SessionFiles {

  /** How the two clocks of a session are related when the manifest gives no offset. */
  enum Sync { NONE, AUTO }

  private final Sync sync;
  private final PrintWriter log;

  SessionFiles(Sync sync, PrintWriter log) {
    this.sync = sync;
    this.log = log;
  }

  /** Sessions from {@code SIGNALS,LANDMARKS} pairs; each is its own participant unless named alike. */
  List<Session> fromPairs(List<String> pairs) throws IOException {
    List<Session> out = new ArrayList<>();
    for (String pair : pairs) {
      String[] parts = pair.split(",", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new BadInputException("--session must be SIGNALS,LANDMARKS, not '" + pair + "'");
      }
      Path signals = Path.of(parts[0].trim());
      out.add(load(parts[0].trim(), signals, Path.of(parts[1].trim()), "participant", null));
    }
    return out;
  }

  /** Sessions listed in a manifest CSV. */
  List<Session> fromManifest(Path manifest) throws IOException {
    TextTable table = TextTable.read(manifest);
    List<String> header = Arrays.asList(table.cells(0));
    int signals = header.indexOf("signals");
    int landmarks = header.indexOf("landmarks");
    int participant = header.indexOf("participant");
    int offset = header.indexOf("offset_s");
    int drift = header.indexOf("drift_ppm");
    if (signals < 0 || landmarks < 0) {
      throw new BadInputException(manifest, "line 1: the header needs columns 'signals' and 'landmarks', not "
          + header);
    }
    Path dir = manifest.toAbsolutePath().getParent();
    List<Session> out = new ArrayList<>();
    for (int line = 1; line < table.lineCount(); line++) {
      if (table.line(line).isBlank()) {
        continue;
      }
      String[] cells = table.cells(line);
      if (cells.length < header.size()) {
        throw new BadInputException(manifest, "line " + (line + 1) + ": " + cells.length + " cells, the header has "
            + header.size());
      }
      double offsetSeconds = number(manifest, line, "offset_s", offset >= 0 ? cells[offset] : "");
      double driftPpm = number(manifest, line, "drift_ppm", drift >= 0 ? cells[drift] : "");
      ClockMapping given = Double.isNaN(offsetSeconds) ? null
          : new ClockMapping(offsetSeconds, Double.isNaN(driftPpm) ? 0 : driftPpm * 1e-6);
      String who = participant >= 0 && !cells[participant].isEmpty() ? cells[participant] : "participant";
      out.add(load(cells[signals], dir.resolve(cells[signals]), dir.resolve(cells[landmarks]), who, given));
    }
    if (out.isEmpty()) {
      throw new BadInputException(manifest, "lists no session");
    }
    return out;
  }

  /** The number in a cell of column {@code name}, NaN for an empty cell. */
  private static double number(Path manifest, int line, String name, String cell) {
    if (cell.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new BadInputException(manifest, "line " + (line + 1) + ": " + name + " '" + cell + "' is not a number");
    }
  }

  private Session load(String name, Path signalFile, Path landmarkFile, String participant, ClockMapping given)
      throws IOException {
    Signal signal = SignalFormats.standard().read(signalFile);
    LandmarkTrack landmarks = LandmarkFormats.standard().read(landmarkFile);
    ClockMapping clock;
    if (given != null) {
      clock = given;
    } else if (sync == Sync.AUTO) {
      clock = estimate(signal, signalFile, landmarks, landmarkFile).mapping();
    } else {
      clock = ClockMapping.identity();
    }
    double overlapFrom = Math.max(signal.startTimeSeconds(), clock.toBiosignalTime(landmarks.timesSeconds()[0]));
    double overlapTo = Math.min(signal.startTimeSeconds() + signal.durationSeconds(),
        clock.toBiosignalTime(landmarks.timesSeconds()[landmarks.frameCount() - 1]));
    if (!(overlapTo > overlapFrom)) {
      throw new BadInputException(landmarkFile, "its frames do not overlap the biosignals of " + signalFile
          + " in time (clock offset " + clock.offsetSeconds() + " s)");
    }
    return new Session(name, participant, signal, landmarks, clock, signalFile);
  }

  /**
   * Lines the EMG envelopes up with the face ({@link OffsetEstimator}); refuses, naming the session and the figures,
   * when the correlation has no clear peak: training on a guessed offset would learn the wrong frames.
   */
  private OffsetEstimate estimate(Signal signal, Path file, LandmarkTrack landmarks, Path landmarkFile) {
    OffsetEstimator estimator = OffsetEstimator.standard();
    OffsetEstimate e = estimator.estimate(signal, landmarks);
    String figures = String.format(Locale.ROOT, "peak correlation %.3f at %+.3f s, runner-up %.3f at %+.3f s,"
        + " peak-to-sidelobe %.1f", e.peakCorrelation(), e.offsetSeconds(), e.runnerUpCorrelation(),
        e.runnerUpOffsetSeconds(), e.peakToSidelobe());
    if (!estimator.isClear(e)) {
      throw new BadInputException(file, "--sync auto finds no clear clock offset against " + landmarkFile + " ("
          + figures + "; a clear one needs a peak of at least " + estimator.minPeak() + ", a runner-up at most "
          + estimator.maxRunnerUpRatio() + " of it and a peak-to-sidelobe of " + estimator.minPeakToSidelobe()
          + "); give the offset in the manifest's offset_s column");
    }
    log.printf(Locale.ROOT, "%s: clock offset %.3f s, drift %.1f ppm (%s)%n", file, e.offsetSeconds(),
        e.drift() * 1e6, figures);
    log.flush();
    return e;
  }
}
