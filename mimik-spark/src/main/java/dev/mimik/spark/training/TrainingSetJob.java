package dev.mimik.spark.training;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.io.BadInputException;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.LandmarkFrame;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.bioface.TrainingData;
import dev.mimik.learn.bioface.TrainingSetFile;
import dev.mimik.spark.fs.HadoopStore;
import dev.mimik.spark.fs.Scratch;
import dev.mimik.spark.job.Recording;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * BioFace-3D's training data ({@link TrainingData}: a window and a target per video frame) extracted from many
 * sessions as Spark jobs and written as a columnar training set ({@link TrainingSetFile}) that
 * {@code mimik train --training-set} reads; training itself stays on one machine. The aligned landmark frame needs
 * every session's shapes, so the work runs in three passes over the sessions, one task each: count their shapes,
 * collect the ones the reference is computed from (at most {@link TrainingData#MAX_REFERENCE_SHAPES}), cut the
 * windows and targets in that frame. The set holds what {@link TrainingData#build} gives on one machine, frame for
 * frame; the front end is the default for the first session, as {@code mimik train} chooses it.
 */
public final class TrainingSetJob {

  /** The Parquet schema of a row: see {@link TrainingSetFile}. */
  static final StructType SCHEMA = new StructType()
      .add("session", DataTypes.IntegerType, false)
      .add("time_s", DataTypes.DoubleType, false)
      .add("window", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("target", DataTypes.createArrayType(DataTypes.FloatType, false), false);

  private final SparkSession spark;
  private final HadoopStore store;

  public TrainingSetJob(SparkSession spark, HadoopStore store) {
    this.spark = spark;
    this.store = store;
  }

  /** Writes the training set of these sessions (manifest columns signals, landmarks, offset_s) to {@code out}. */
  public long write(List<Recording> recordings, LandmarkSet set, double fps, String out) throws IOException {
    if (store.exists(out)) {
      throw new BadInputException(Path.of(out), "the training set exists already");
    }
    FrontEnd frontEnd = firstSessionFrontEnd(recordings.get(0), fps);
    TrainingSessions sessions = new TrainingSessions(store, frontEnd, set);
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Tuple2<Integer, Recording>> indexed = new ArrayList<>();
    for (int i = 0; i < recordings.size(); i++) {
      indexed.add(new Tuple2<>(i, recordings.get(i)));
    }
    int n = recordings.size();

    sc.setJobDescription("training set: shapes per session");
    List<Integer> counts = sc.parallelize(recordings, n)
        .map(r -> sessions.withSession(r, s -> sessions.shapes(s).size())).collect();
    Map<Integer, List<Integer>> picks = picks(counts);

    sc.setJobDescription("training set: the reference shapes");
    List<List<double[]>> chosen = sc.parallelize(indexed, n).map(t -> sessions.withSession(t._2(), s -> {
      List<double[]> all = sessions.shapes(s);
      List<double[]> mine = new ArrayList<>();
      for (int k : picks.getOrDefault(t._1(), List.of())) {
        mine.add(all.get(k));
      }
      return mine;
    })).collect();
    List<double[]> reference = new ArrayList<>();
    chosen.forEach(reference::addAll);
    String frame = TrainingSessions.json(TrainingData.frameOf(set, reference));

    sc.setJobDescription("training set: windows and targets");
    JavaRDD<Row> rows = sc.parallelize(indexed, n).flatMap(t -> sessions.withSession(t._2(), s -> {
      TrainingData data = sessions.data(s, frame);
      List<Row> frames = new ArrayList<>(data.size());
      for (int f = 0; f < data.size(); f++) {
        frames.add(RowFactory.create(t._1(), data.times()[f], flatten(data.windows()[f]), data.targets()[f]));
      }
      return frames;
    }).iterator());
    spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.ErrorIfExists).parquet(out);
    store.writeText(out + "/" + TrainingSetFile.SETTINGS, TrainingSetFile.settingsJson(frontEnd,
        TrainingSessions.parse(frame, LandmarkFrame.class), recordings.stream().map(Recording::id).toList(),
        recordings.stream().map(Recording::participant).toList()));
    return spark.read().parquet(out).count();
  }

  /** For each session, which of its shapes the reference takes ({@link TrainingData#thinned} over them all). */
  static Map<Integer, List<Integer>> picks(List<Integer> counts) {
    int total = counts.stream().mapToInt(Integer::intValue).sum();
    Map<Integer, List<Integer>> out = new java.util.HashMap<>();
    int session = 0;
    int start = 0;
    for (int global : TrainingData.thinned(total)) {
      while (global >= start + counts.get(session)) {
        start += counts.get(session);
        session++;
      }
      out.computeIfAbsent(session, k -> new ArrayList<>()).add(global - start);
    }
    return out;
  }

  private FrontEnd firstSessionFrontEnd(Recording first, double fps) throws IOException {
    try (Scratch scratch = new Scratch("mimik-training-set-")) {
      Session s = TrainingSessions.read(store, first, scratch.dir());
      return ModelTraining.frontEndFor(List.of(s), fps);
    }
  }

  private static float[] flatten(float[][] window) {
    int length = 0;
    for (float[] w : window) {
      length += w.length;
    }
    float[] out = new float[length];
    int at = 0;
    for (float[] w : window) {
      System.arraycopy(w, 0, out, at, w.length);
      at += w.length;
    }
    return out;
  }
}
