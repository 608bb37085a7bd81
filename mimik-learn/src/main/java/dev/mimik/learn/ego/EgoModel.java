package dev.mimik.learn.ego;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.mimik.learn.engine.TorchEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A trained EgoNet ready to run: the network and its weights, the cameras it was trained on (one per
 * {@link EgoViews} slot) and what it learned about its training data ({@link EgoStatistics}: the range of motion
 * of a full expression, what familiar views look like). Not thread-safe; close it to free native memory.
 */
public final class EgoModel implements AutoCloseable {

  /** Frames per inference batch when running over a recording. */
  private static final int BATCH = 128;

  private final EgoNetConfig config;
  private final List<String> cameras;
  private final EgoStatistics statistics;
  private final Model model;
  private final EgoNet net;

  private EgoModel(EgoNetConfig config, List<String> cameras, EgoStatistics statistics, Model model, EgoNet net) {
    this.config = config;
    this.cameras = List.copyOf(cameras);
    this.statistics = statistics;
    this.model = model;
    this.net = net;
  }

  /**
   * A model from its parts.
   *
   * @param cameras the camera name of each view slot, {@link EgoViews} order
   * @param statistics what it learned of its training data, or null (no calibration reference, no failure checks)
   * @param parameters the network's weights as {@link #parameters()} writes them
   * @throws MalformedModelException if the weights do not fit the network
   */
  public static EgoModel of(EgoNetConfig config, List<String> cameras, EgoStatistics statistics, byte[] parameters)
      throws MalformedModelException {
    if (cameras.size() != EgoViews.COUNT) {
      throw new MalformedModelException("an EgoNet takes " + EgoViews.COUNT + " cameras, not " + cameras.size());
    }
    Model model = TorchEngine.newModel("egonet");
    try {
      EgoNet net = new EgoNet(config);
      net.initialize(model.getNDManager(), DataType.FLOAT32, EgoNet.inputShape(config, 1));
      net.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(parameters)));
      model.setBlock(net);
      return new EgoModel(config, cameras, statistics, model, net);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw new MalformedModelException("EgoNet parameters unreadable: " + e.getMessage(), e);
    }
  }

  /** What the network gives for a batch of frames: outputs in {@link EgoOutputs} order and image features. */
  public record Batch(float[][] outputs, float[][] features) {}

  /** Runs the network on frames (each the five views of {@link ViewImages#frame}, at {@link #imageSize()}). */
  public Batch run(byte[][] frames) {
    int s = config.imageSize();
    int per = EgoViews.COUNT * s * s;
    float[] x = new float[frames.length * per];
    for (int i = 0; i < frames.length; i++) {
      if (frames[i].length != per) {
        throw new IllegalArgumentException("a frame of " + frames[i].length + " bytes; the model takes five "
            + s + "x" + s + " views (" + per + ")");
      }
      for (int v = 0; v < EgoViews.COUNT; v++) {
        ViewImages.standardise(frames[i], v, s, x, i * per + v * s * s);
      }
    }
    try (NDManager m = model.getNDManager().newSubManager()) {
      NDArray input = m.create(x, EgoNet.inputShape(config, frames.length));
      NDList out = net.forward(new ParameterStore(m, false), new NDList(input), false);
      return new Batch(rows(out.get(0).toFloatArray(), frames.length), rows(out.get(1).toFloatArray(), frames.length));
    }
  }

  /** The ARKit-52 weights the network gives for each frame of a recording. */
  public double[][] blendshapes(EgoClip clip) {
    if (clip.imageSize() != config.imageSize()) {
      throw new IllegalArgumentException("recording " + clip.id() + " has " + clip.imageSize() + "-pixel views; the"
          + " model takes " + config.imageSize());
    }
    double[][] out = new double[clip.frames()][];
    for (int from = 0; from < out.length; from += BATCH) {
      int to = Math.min(out.length, from + BATCH);
      byte[][] frames = java.util.Arrays.copyOfRange(clip.views(), from, to);
      float[][] o = run(frames).outputs();
      for (int i = from; i < to; i++) {
        out[i] = EgoOutputs.blendshapes(o[i - from], 0);
      }
    }
    return out;
  }

  private static float[][] rows(float[] flat, int n) {
    int k = flat.length / n;
    float[][] out = new float[n][k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * k, out[i], 0, k);
    }
    return out;
  }

  /** The network's size. */
  public EgoNetConfig config() {
    return config;
  }

  /** Side of the square views it takes, pixels. */
  public int imageSize() {
    return config.imageSize();
  }

  /** The camera of each view slot, {@link EgoViews} order. */
  public List<String> cameras() {
    return cameras;
  }

  /** What it learned of its training data, or null. */
  public EgoStatistics statistics() {
    return statistics;
  }

  /** This model with other statistics (the same network and weights, a new native copy). */
  public EgoModel withStatistics(EgoStatistics s) {
    try {
      return of(config, cameras, s, parameters());
    } catch (MalformedModelException e) {
      throw new IllegalStateException("own parameters do not reload", e);
    }
  }

  /** The network's weights in DJL's format, batch-norm statistics included. */
  public byte[] parameters() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      net.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    model.close();
  }
}
