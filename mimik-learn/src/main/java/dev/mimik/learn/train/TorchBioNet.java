package dev.mimik.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.Normalisation;
import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.learn.loss.WingLoss;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The same BioNet in PyTorch ({@code bionet_torch.py}, run by a Python interpreter that has torch, such as Debian's
 * {@code /usr/bin/python3} with {@code python3-torch}), to compare mimik's training speed with PyTorch's on the same
 * network, data, batch size and thread count ({@code mimik bench train}).
 *
 * <p>The script builds nothing of its own: the network, the loss, the optimiser's settings and the threads come from
 * a JSON file written here from mimik's configuration and options, and the data are mimik's training and validation
 * windows, split and normalised as {@link BioNetTrainer} splits and normalises them. {@link #loss} evaluates mimik's
 * own parameters in PyTorch, which is how the test shows that the two are the same network.
 */
public final class TorchBioNet {

  /** Debian's interpreter, for which {@code apt-get install python3-torch} installs torch. */
  public static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String python;

  /** The network run by this interpreter (a path or a command on the PATH). */
  public TorchBioNet(String python) {
    this.python = python;
  }

  /** Debian's {@code /usr/bin/python3} where it exists, otherwise {@code python3} on the PATH. */
  public static String defaultPython() {
    return Files.isExecutable(DEBIAN_PYTHON) ? DEBIAN_PYTHON.toString() : "python3";
  }

  /** The interpreter this runs. */
  public String python() {
    return python;
  }

  /**
   * Why the interpreter cannot run the network (it is missing, or has no torch or numpy), or empty when it can.
   */
  public Optional<String> unavailable() {
    try {
      Process p = new ProcessBuilder(python, "-c", "import numpy, torch").redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() == 0) {
        return Optional.empty();
      }
      String last = text.lines().reduce((a, b) -> b).orElse("exit " + p.exitValue());
      return Optional.of(python + " cannot import torch (" + last + "); on Debian: apt-get install python3-torch,"
          + " then --python /usr/bin/python3");
    } catch (IOException e) {
      return Optional.of(python + " does not run (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while starting " + python);
    }
  }

  /**
   * One training run in PyTorch.
   *
   * @param torchVersion the version of torch that ran it
   * @param threads the intra-op threads it ran with
   * @param blasThreads the threads its BLAS library was allowed (0 where the interpreter did not say)
   * @param allocator the memory allocator the interpreter ran with, named as {@link TorchEngine#allocator} names
   *     mimik's (the interpreter inherits this process's environment, a preloaded allocator included)
   * @param epochSeconds wall seconds of each epoch
   * @param epochCpuSeconds CPU seconds of the Python process in each epoch
   */
  public record Run(String torchVersion, int threads, int blasThreads, String allocator, double[] epochSeconds,
      double[] epochCpuSeconds) {

    /** Median wall seconds per epoch after the warm-up epoch. */
    public double secondsPerEpoch() {
      return TrainingBenchmark.afterWarmUp(epochSeconds);
    }

    /** Median CPU seconds per epoch after the warm-up epoch. */
    public double cpuSecondsPerEpoch() {
      return TrainingBenchmark.afterWarmUp(epochCpuSeconds);
    }
  }

  /**
   * Trains the network of {@code config} in PyTorch with the epochs, batch size, learning rate and seed of
   * {@code options}, on the frames {@link BioNetTrainer#train} would train and validate on, and times each epoch
   * (training and the validation pass, as mimik's epochs are timed).
   */
  public Run train(BioNetConfig config, TrainingOptions options, float[][][] windows, float[][] targets, int threads)
      throws IOException {
    TimeBlockedSplit.Split split = options.split().split(windows.length);
    Normalisation norm = Normalisation.fit(BioNetTrainer.select(windows, split.train()),
        BioNetTrainer.select(targets, split.train()));
    WingLoss loss = BioNetTrainer.loss(config, norm, targets, split.train());
    Path dir = Files.createTempDirectory("mimik-torch");
    try {
      ObjectNode cfg = config(config, loss, threads)
          .put("epochs", options.epochs())
          .put("batchSize", options.batchSize())
          .put("learningRate", options.learningRate())
          .put("seed", options.seed())
          .put("evalBatch", BioNetTrainer.EVAL_BATCH);
      JSON.writeValue(dir.resolve("config.json").toFile(), cfg);
      writeWindows(dir.resolve("train_x.npy"), config, norm, windows, split.train());
      writeTargets(dir.resolve("train_y.npy"), config, norm, targets, split.train());
      writeWindows(dir.resolve("val_x.npy"), config, norm, windows, split.validation());
      writeTargets(dir.resolve("val_y.npy"), config, norm, targets, split.validation());
      List<JsonNode> lines = run("train", dir, threads);
      List<JsonNode> epochs = lines.stream().filter(l -> l.has("epoch")).toList();
      JsonNode header = lines.get(0);
      return new Run(header.get("torch").asText(), header.get("threads").asInt(), header.get("blasThreads").asInt(),
          header.get("allocator").asText(),
          epochs.stream().mapToDouble(l -> l.get("wallSeconds").asDouble()).toArray(),
          epochs.stream().mapToDouble(l -> l.get("cpuSeconds").asDouble()).toArray());
    } finally {
      delete(dir);
    }
  }

  /**
   * PyTorch's figures for mimik's network with mimik's parameters on one batch.
   *
   * @param loss the Wing loss PyTorch's network evaluates
   * @param parameters PyTorch's count of trainable parameters
   */
  public record Loss(double loss, long parameters) {}

  /**
   * Copies the parameters of {@code block} (an initialised {@link dev.mimik.learn.bionet.BioNet} of {@code config},
   * running statistics of its batch norms included) into PyTorch's network and evaluates {@code loss} there on one
   * batch of normalised windows and targets.
   *
   * @param windows {@code batch x inputs x windowSamples} values, batch first
   * @param targets {@code batch x outputs} values
   * @param training batch statistics (and dropout) as in training, or the running statistics as in prediction
   */
  public Loss loss(BioNetConfig config, WingLoss loss, Block block, float[] windows, float[] targets, int batch,
      boolean training) throws IOException {
    Path dir = Files.createTempDirectory("mimik-torch");
    try {
      JSON.writeValue(dir.resolve("config.json").toFile(), config(config, loss, 1).put("training", training));
      List<Parameter> parameters = block.getParameters().values();
      for (int i = 0; i < parameters.size(); i++) {
        NDArray array = parameters.get(i).getArray();
        writeNpy(dir.resolve(String.format("param_%02d.npy", i)), array.toFloatArray(),
            Arrays.stream(array.getShape().getShape()).mapToInt(Math::toIntExact).toArray());
      }
      writeNpy(dir.resolve("x.npy"), windows, batch, config.inputs(), config.windowSamples());
      writeNpy(dir.resolve("y.npy"), targets, batch, config.outputs());
      JsonNode result = run("loss", dir, 1).get(1);
      if (result.get("stateArrays").asInt() != parameters.size()) {
        throw new IOException("PyTorch's network has " + result.get("stateArrays").asInt() + " parameter arrays,"
            + " mimik's " + parameters.size());
      }
      return new Loss(result.get("loss").asDouble(), result.get("parameters").asLong());
    } finally {
      delete(dir);
    }
  }

  private static ObjectNode config(BioNetConfig config, WingLoss loss, int threads) {
    ObjectNode cfg = JSON.createObjectNode()
        .put("inputs", config.inputs())
        .put("windowSamples", config.windowSamples())
        .put("poolSize", config.poolSize())
        .put("branchOutputLength", config.branchOutputLength())
        .put("hidden", config.hidden())
        .put("dropout", config.dropout())
        .put("outputs", config.outputs())
        .put("wingW", loss.w())
        .put("wingEps", loss.eps())
        .put("threads", threads);
    Arrays.stream(config.branchChannels()).forEach(cfg.putArray("branchChannels")::add);
    Arrays.stream(config.kernelSizes()).forEach(cfg.putArray("kernelSizes")::add);
    float[] scale = loss.scale();
    var scaleArray = cfg.putArray("lossScale");
    for (float s : scale) {
      scaleArray.add(s);
    }
    return cfg;
  }

  /**
   * Runs the script and returns its JSON lines; the first says torch's version and threads. The BLAS and OpenMP
   * pools are held to the same thread count as torch's intra-op pool: Debian's torch calls OpenBLAS, whose own
   * pool ignores {@code torch.set_num_threads} and would give "one thread" a second core.
   */
  private List<JsonNode> run(String command, Path dir, int threads) throws IOException {
    Path script = dir.resolve("bionet_torch.py");
    try (InputStream in = TorchBioNet.class.getResourceAsStream("bionet_torch.py")) {
      if (in == null) {
        throw new IllegalStateException("bionet_torch.py is missing from the class path");
      }
      Files.copy(in, script);
    }
    ProcessBuilder builder = new ProcessBuilder(python, script.toString(), command, dir.toString())
        .redirectErrorStream(true);
    for (String pool : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
      builder.environment().put(pool, Integer.toString(threads));
    }
    Process p = builder.start();
    List<String> output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    try {
      if (p.waitFor() != 0) {
        throw new IOException("PyTorch's BioNet failed (" + python + " exit " + p.exitValue() + "): "
            + output.stream().skip(Math.max(0, output.size() - 5)).collect(Collectors.joining(" | ")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      throw new IOException("interrupted while PyTorch's BioNet ran", e);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : output) {
      if (line.startsWith("{")) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  private static void writeWindows(Path file, BioNetConfig config, Normalisation norm, float[][][] windows,
      int[] frames) throws IOException {
    int per = config.inputs() * config.windowSamples();
    float[] x = new float[frames.length * per];
    for (int i = 0; i < frames.length; i++) {
      norm.normaliseWindow(windows[frames[i]], x, i * per);
    }
    writeNpy(file, x, frames.length, config.inputs(), config.windowSamples());
  }

  private static void writeTargets(Path file, BioNetConfig config, Normalisation norm, float[][] targets,
      int[] frames) throws IOException {
    float[] y = new float[frames.length * config.outputs()];
    for (int i = 0; i < frames.length; i++) {
      norm.normaliseTarget(targets[frames[i]], y, i * config.outputs());
    }
    writeNpy(file, y, frames.length, config.outputs());
  }

  /** Writes little-endian float32 values as a NumPy {@code .npy} file (format 1.0) of the given shape. */
  static void writeNpy(Path file, float[] values, int... shape) throws IOException {
    String dims = shape.length == 1 ? shape[0] + "," : Arrays.stream(shape).mapToObj(Integer::toString)
        .collect(Collectors.joining(", "));
    StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
    while ((10 + header.length() + 1) % 64 != 0) {
      header.append(' ');
    }
    header.append('\n');
    ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    buffer.putShort((short) header.length());
    buffer.put(header.toString().getBytes(StandardCharsets.US_ASCII));
    buffer.asFloatBuffer().put(values);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(buffer.array());
    }
  }

  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
