package dev.mimik.learn.bionet;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.initializer.ConstantInitializer;
import dev.mimik.learn.engine.TorchEngine;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Checks network parameters read from a file before DJL decodes them: they must have exactly the layout that a
 * network of the configuration writes (every length, name and shape; only the values may differ). DJL's decoder
 * allocates whatever a size field says, so a damaged file could otherwise ask for gigabytes. The layout is found by
 * writing the network twice, with every value 0 and with every value 1.1 (whose four bytes are all non-zero): the
 * bytes that differ are values. For parameters from outside only: it builds two small networks.
 */
public final class ParameterLayout {

  private ParameterLayout() {}

  /**
   * @throws MalformedModelException if the parameters cannot hold the configuration's values or do not have its
   *     network's layout
   */
  public static void check(BioNetConfig config, byte[] parameters) throws MalformedModelException {
    if (config.parameterCount() > parameters.length / Float.BYTES) {
      throw new MalformedModelException("network parameters of " + parameters.length + " bytes are too few for the"
          + " configuration's " + config.parameterCount() + " values");
    }
    byte[] zeros;
    byte[] ones;
    try (NDManager manager = TorchEngine.newManager()) {
      zeros = written(config, 0f, manager);
      ones = written(config, 1.1f, manager);
    }
    if (parameters.length != zeros.length) {
      throw new MalformedModelException("network parameters of " + parameters.length + " bytes do not fit the"
          + " configuration, whose network writes " + zeros.length);
    }
    for (int i = 0; i < zeros.length; i++) {
      if (zeros[i] == ones[i] && parameters[i] != zeros[i]) {
        throw new MalformedModelException("network parameters do not fit the configuration (byte " + i + ")");
      }
    }
  }

  private static byte[] written(BioNetConfig config, float value, NDManager manager) {
    Block block = BioNet.build(config);
    block.setInitializer(new ConstantInitializer(value), p -> true);
    block.initialize(manager, DataType.FLOAT32, BioNetModel.inputShape(config, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
