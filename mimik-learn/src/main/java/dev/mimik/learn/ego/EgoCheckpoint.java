package dev.mimik.learn.ego;

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
 * The state of an EgoNet training after a completed epoch, written atomically to one zip (as BioNet's
 * {@code TrainingCheckpoint}) so that a killed run resumes from its last epoch and ends as an uninterrupted one.
 *
 * @param fingerprint identifies the run (data, network, options); a checkpoint of another run is refused
 * @param epochsDone completed epochs
 * @param history one entry per completed epoch
 * @param parameters the weights of the network and its domain discriminator after the last epoch
 * @param optimiser the optimiser's state after the last epoch
 */
record EgoCheckpoint(String fingerprint, int epochsDone, List<EgoTrainer.Epoch> history, byte[] parameters,
    byte[] optimiser) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATE = "state.json";
  private static final String PARAMETERS = "current.params";
  private static final String OPTIMISER = "optimiser.bin";

  private record State(String format, String fingerprint, int epochsDone, List<EgoTrainer.Epoch> history) {}

  void write(Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      zip.putNextEntry(new ZipEntry(STATE));
      zip.write(JSON.writeValueAsBytes(new State("mimik-egonet-checkpoint/1", fingerprint, epochsDone, history)));
      zip.putNextEntry(new ZipEntry(PARAMETERS));
      zip.write(parameters);
      zip.putNextEntry(new ZipEntry(OPTIMISER));
      zip.write(optimiser);
      zip.finish();
    });
  }

  static EgoCheckpoint read(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
      for (String name : List.of(STATE, PARAMETERS, OPTIMISER)) {
        if (!entries.containsKey(name)) {
          throw new BadInputException(file, "not an EgoNet training checkpoint: no " + name);
        }
      }
      State s = JSON.readValue(entries.get(STATE), State.class);
      return new EgoCheckpoint(s.fingerprint(), s.epochsDone(), List.copyOf(s.history()), entries.get(PARAMETERS),
          entries.get(OPTIMISER));
    } catch (IOException e) {
      throw new BadInputException(file, "unreadable training checkpoint: " + e.getMessage(), e);
    }
  }
}
