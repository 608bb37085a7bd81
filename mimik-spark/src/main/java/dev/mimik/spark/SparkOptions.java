package dev.mimik.spark;

import dev.mimik.spark.fs.HadoopStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * Where a batch runs and writes: {@code --master}, {@code --conf} and {@code --out}, shared by every
 * {@code mimik batch} command.
 */
final class SparkOptions {

  /** The system property the launcher sets to the application's jars (comma-separated), shipped to a cluster. */
  static final String JARS_PROPERTY = "mimik.spark.jars";

  private static final String EXECUTOR_JAVA_OPTIONS = "spark.executor.extraJavaOptions";

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master: local[*] (default, unless spark-submit gives one: embedded, every core), local[N],"
          + " local-cluster[W,C,MB], spark://host:7077, yarn, k8s://... (any master spark-submit accepts)")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "a Spark setting (repeatable), such as spark.executor.memory=4g or spark.hadoop.fs.s3a.endpoint=...")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "output folder on any file system Hadoop knows (a local path, hdfs://..., s3a://...)")
  String out;

  /** The Spark session for this batch. */
  SparkSession start(String appName) {
    SparkConf c = new SparkConf().setAppName(appName).set("spark.ui.showConsoleProgress", "false");
    master = master != null ? master : c.get("spark.master", "local[*]"); // spark-submit passes spark.master
    c.setMaster(master);
    if (master.startsWith("local")) {
      c.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    String jars = System.getProperty(JARS_PROPERTY);
    if (jars != null && !(master.startsWith("local[") || master.equals("local"))) {
      c.set("spark.jars", jars);
    }
    // executors run DJL as the launcher runs it: offline, headless, OpenMP not spinning on a shared machine
    c.set("spark.executorEnv.DJL_OFFLINE", "true").set("spark.executorEnv.OPT_OUT_TRACKING", "true")
        .set("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE").set("spark.executorEnv.OMP_NUM_THREADS", "1");
    String javaOptions = "-Dai.djl.offline=true -Djava.awt.headless=true";
    conf.forEach(c::set);
    c.set(EXECUTOR_JAVA_OPTIONS, javaOptions + " " + c.get(EXECUTOR_JAVA_OPTIONS, ""));
    return SparkSession.builder().config(c).getOrCreate();
  }

  /** The file system access the tasks use, with the {@code spark.hadoop.*} settings of this session. */
  static HadoopStore store(SparkSession spark) {
    Map<String, String> hadoop = new LinkedHashMap<>();
    for (scala.Tuple2<String, String> kv : spark.sparkContext().getConf().getAllWithPrefix("spark.hadoop.")) {
      hadoop.put(kv._1(), kv._2());
    }
    return new HadoopStore(hadoop);
  }

  /** The output folder, without a trailing slash. */
  String out() {
    return out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
  }
}
