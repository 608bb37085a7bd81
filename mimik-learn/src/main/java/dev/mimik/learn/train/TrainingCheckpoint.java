package dev.mimik.learn.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The state of a training run after a completed epoch, written atomically to one zip file so that a killed run
 * resumes from its last epoch: progress counters, the current and best network parameters and the optimiser state.
 *
 * @param fingerprint identifies the run (data, configuration, options); a checkpoint of another run is refused
 * @param epochsDone completed epochs
 * @param bestEpoch epoch with the best validation NME so far
 * @param bestNme that NME, percent
 * @param stoppedEarly true when early stopping ended the run
 * @param history one report per completed epoch
 * @param current network parameters after the last epoch
 * @param best network parameters of the best epoch
 * @param optimiser optimiser state after the last epoch
 */
public record TrainingCheckpoint(
    String fingerprint,
    int epochsDone,
    int bestEpoch,
    double bestNme,
    boolean stoppedEarly,
    List<EpochReport> history,
    byte[] current,
    byte[] best,
    byte[] optimiser) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATE = "state.json";
  private static final String CURRENT = "current.params";
  private static final String BEST = "best.params";
  private static final String OPTIMISER = "optimiser.bin";

  private record State(String fingerprint, int epochsDone, int bestEpoch, double bestNme, boolean stoppedEarly,
      List<EpochReport> history) {}

  /** Writes the checkpoint, replacing any previous one only when complete. */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      zip.putNextEntry(new ZipEntry(STATE));
      zip.write(JSON.writeValueAsBytes(new State(fingerprint, epochsDone, bestEpoch, bestNme, stoppedEarly, history)));
      for (Map.Entry<String, byte[]> e : Map.of(CURRENT, current, BEST, best, OPTIMISER, optimiser).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
      }
      zip.finish();
    });
  }

  /** Reads a checkpoint written by {@link #write}; a damaged file is a {@link BadInputException} naming it. */
  public static TrainingCheckpoint read(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
      for (String name : List.of(STATE, CURRENT, BEST, OPTIMISER)) {
        if (!entries.containsKey(name)) {
          throw new BadInputException(file, "not a training checkpoint: no " + name);
        }
      }
      State s = JSON.readValue(entries.get(STATE), State.class);
      return new TrainingCheckpoint(s.fingerprint(), s.epochsDone(), s.bestEpoch(), s.bestNme(), s.stoppedEarly(),
          List.copyOf(s.history()), entries.get(CURRENT), entries.get(BEST), entries.get(OPTIMISER));
    } catch (IOException e) {
      throw new BadInputException(file, "unreadable training checkpoint: " + e.getMessage(), e);
    }
  }
}
