package dev.mimik.learn.bioface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * A columnar training set ({@code mimik batch training-set} writes it, {@code mimik train --training-set} reads it):
 * a folder of Parquet files with one row per training frame, {@code session} (int, an index into the settings'
 * sessions), {@code time_s} (double, landmark clock), {@code window} (list of float: the frame's biosignal window,
 * inputs after one another) and {@code target} (list of float: the aligned landmarks, x and y per point); beside
 * them {@value #SETTINGS} holds the format, the front end, the aligned landmark frame, and the sessions and their
 * participants. The same sessions give the same {@link TrainingData} as {@link TrainingData#build}.
 */
public final class TrainingSetFile {

  /** The settings file inside the folder (Parquet readers skip names starting with an underscore). */
  public static final String SETTINGS = "_mimik-training-set.json";
  /** The format this reader reads. */
  public static final String FORMAT = "mimik-training-set/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainingSetFile() {}

  /** What a training set holds: the front end its windows were cut by, the frames, whose sessions they are. */
  public record Contents(FrontEnd frontEnd, TrainingData data, List<String> sessions, List<String> participants) {}

  /** The settings file's text for a set cut by {@code frontEnd}, in {@code frame}, from these sessions. */
  public static String settingsJson(FrontEnd frontEnd, LandmarkFrame frame, List<String> sessions,
      List<String> participants) {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
    root.set("frontEnd", JSON.valueToTree(frontEnd));
    root.set("landmarkFrame", JSON.valueToTree(frame));
    ArrayNode list = root.putArray("sessions");
    for (int i = 0; i < sessions.size(); i++) {
      list.addObject().put("name", sessions.get(i)).put("participant", participants.get(i));
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the training set in folder {@code dir}; frames in session order, each session's in time order. */
  public static Contents read(Path dir) throws IOException {
    Path settingsFile = dir.resolve(SETTINGS);
    if (!Files.isRegularFile(settingsFile)) {
      throw new BadInputException(dir, "not a training set: no " + SETTINGS + " in it");
    }
    JsonNode settings = JSON.readTree(settingsFile.toFile());
    if (!FORMAT.equals(settings.path("format").asText())) {
      throw new BadInputException(settingsFile, "format '" + settings.path("format").asText() + "', not " + FORMAT);
    }
    FrontEnd frontEnd = JSON.treeToValue(settings.path("frontEnd"), FrontEnd.class);
    LandmarkFrame frame = JSON.treeToValue(settings.path("landmarkFrame"), LandmarkFrame.class);
    List<String> sessions = new ArrayList<>();
    List<String> participants = new ArrayList<>();
    settings.path("sessions").forEach(s -> {
      sessions.add(s.path("name").asText());
      participants.add(s.path("participant").asText());
    });
    List<Row> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
        readRows(f, rows);
      }
    }
    rows.sort(Comparator.comparingInt(Row::session).thenComparingDouble(Row::time));
    int windowLength = frontEnd.inputCount() * frontEnd.windowSamples();
    float[][][] windows = new float[rows.size()][][];
    float[][] targets = new float[rows.size()][];
    int[] session = new int[rows.size()];
    double[] times = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (r.window().length != windowLength || r.target().length != 2 * frame.set().size()
          || r.session() < 0 || r.session() >= sessions.size()) {
        throw new BadInputException(dir, "row " + i + " does not fit the set's front end, landmarks or sessions");
      }
      windows[i] = new float[frontEnd.inputCount()][];
      for (int k = 0; k < frontEnd.inputCount(); k++) {
        windows[i][k] = java.util.Arrays.copyOfRange(r.window(), k * frontEnd.windowSamples(),
            (k + 1) * frontEnd.windowSamples());
      }
      targets[i] = r.target();
      session[i] = r.session();
      times[i] = r.time();
    }
    return new Contents(frontEnd, new TrainingData(frame, windows, targets, session, times), sessions, participants);
  }

  private record Row(int session, double time, float[] window, float[] target) {}

  private static void readRows(Path file, List<Row> rows) throws IOException {
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
            .getRecordReader(pages, new GroupRecordConverter(schema));
        for (long r = 0; r < pages.getRowCount(); r++) {
          Group g = records.read();
          rows.add(new Row(g.getInteger("session", 0), g.getDouble("time_s", 0), floats(g, "window"),
              floats(g, "target")));
        }
      }
    } catch (RuntimeException e) {
      throw new BadInputException(file, "not a training set's Parquet file: " + e.getMessage(), e);
    }
  }

  /** A list of floats as Spark writes it (three-level LIST: a repeated group {@code list} of {@code element}). */
  private static float[] floats(Group g, String field) {
    Group list = g.getGroup(field, 0);
    int n = list.getFieldRepetitionCount("list");
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = list.getGroup("list", i).getFloat("element", 0);
    }
    return out;
  }
}
