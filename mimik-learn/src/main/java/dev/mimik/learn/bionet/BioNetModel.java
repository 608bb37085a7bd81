package dev.mimik.learn.bionet;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.LandmarkRegressor;
import dev.mimik.learn.engine.TorchEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A trained BioNet ready to predict: the network with its weights, its configuration, the normalisation it was
 * trained with, and the caller's band settings (opaque JSON describing how the input windows were made). It predicts
 * through the network's {@link BioNetInference} form. Not thread-safe; close it to free native memory.
 */
public final class BioNetModel implements LandmarkRegressor, AutoCloseable {

  private final BioNetConfig config;
  private final Normalisation normalisation;
  private final JsonNode bandSettings;
  private final Model model;
  private final BioNetInference inference;

  private BioNetModel(BioNetConfig config, Normalisation normalisation, JsonNode bandSettings, Model model) {
    this.config = config;
    this.normalisation = normalisation;
    this.bandSettings = bandSettings.deepCopy();
    this.model = model;
    this.inference = new BioNetInference(model.getBlock(), config, model.getNDManager());
  }

  /**
   * A model from its parts and the network parameters as written by {@link #parameters()}. Parameters from a file
   * must pass {@link ParameterLayout#check} first: DJL's decoder trusts their size fields.
   *
   * @throws MalformedModelException if the normalisation or the parameters do not fit the configuration
   */
  public static BioNetModel of(BioNetConfig config, Normalisation normalisation, JsonNode bandSettings, byte[] parameters)
      throws MalformedModelException {
    if (normalisation.inputs() != config.inputs() || normalisation.coordinates() != config.outputs()) {
      throw new MalformedModelException("normalisation (" + normalisation.inputs() + " inputs, " + normalisation.coordinates()
          + " coordinates) does not match the network (" + config.inputs() + ", " + config.outputs() + ")");
    }
    Model model = TorchEngine.newModel("bionet");
    try {
      Block block = BioNet.build(config);
      block.initialize(model.getNDManager(), DataType.FLOAT32, inputShape(config, 1));
      block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(parameters)));
      model.setBlock(block);
      return new BioNetModel(config, normalisation, bandSettings, model);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw new MalformedModelException("network parameters unreadable: " + e.getMessage(), e);
    }
  }

  /** The shape of a batch of windows for this network. */
  public static Shape inputShape(BioNetConfig config, int batch) {
    return new Shape(batch, config.inputs(), config.windowSamples());
  }

  @Override
  public float[][] predict(float[][][] windows) {
    if (windows.length == 0) {
      return new float[0][];
    }
    int per = config.inputs() * config.windowSamples();
    float[] data = new float[windows.length * per];
    for (int f = 0; f < windows.length; f++) {
      checkShape(windows[f], f);
      normalisation.normaliseWindow(windows[f], data, f * per);
    }
    float[] flat = inference.forward(data, windows.length);
    float[][] out = new float[windows.length][];
    for (int f = 0; f < out.length; f++) {
      out[f] = normalisation.denormaliseTarget(flat, f * config.outputs());
    }
    return out;
  }

  private void checkShape(float[][] window, int frame) {
    if (window.length != config.inputs()) {
      throw new IllegalArgumentException("window " + frame + " has " + window.length + " inputs, the model takes "
          + config.inputs());
    }
    for (float[] input : window) {
      if (input.length != config.windowSamples()) {
        throw new IllegalArgumentException("window " + frame + " has " + input.length + " samples, the model takes "
            + config.windowSamples());
      }
    }
  }

  @Override
  public LandmarkSet landmarkSet() {
    return config.landmarks();
  }

  /** The network architecture. */
  public BioNetConfig config() {
    return config;
  }

  /** The input and target scaling the network was trained with. */
  public Normalisation normalisation() {
    return normalisation;
  }

  /** The caller's description of how the input windows are made (a copy). */
  public JsonNode bandSettings() {
    return bandSettings.deepCopy();
  }

  /** The network parameters in DJL's parameter format, including batch-norm running statistics. */
  public byte[] parameters() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      model.getBlock().saveParameters(out);
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
