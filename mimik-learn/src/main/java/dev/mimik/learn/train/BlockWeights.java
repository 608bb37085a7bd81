package dev.mimik.learn.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.mimik.learn.engine.TorchEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A network's weights as bytes, for checkpoints, the best epoch kept, and reruns of an epoch: saved with DJL's own
 * parameter format, and loaded back in place.
 */
public final class BlockWeights {

  private BlockWeights() {}

  /** The block's parameters in DJL's format. */
  public static byte[] save(Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Overwrites {@code block}'s weights in place with saved ones, read through {@code fresh} (an uninitialised block
   * of the same network, initialised here for {@code inputShape}). In place because a trainer's parameter store
   * holds the arrays it was initialised with: replacing them (as {@code Block.loadParameters} does) would detach
   * training.
   *
   * @param what what the bytes are, for the message when they do not fit
   */
  public static void loadInPlace(Block block, Block fresh, Shape inputShape, byte[] parameters, String what)
      throws IOException {
    try (NDManager scratch = TorchEngine.newManager()) {
      fresh.initialize(scratch, DataType.FLOAT32, inputShape);
      fresh.loadParameters(scratch, new DataInputStream(new ByteArrayInputStream(parameters)));
      List<Parameter> from = fresh.getParameters().values();
      List<Parameter> to = block.getParameters().values();
      for (int i = 0; i < to.size(); i++) {
        to.get(i).getArray().set(from.get(i).getArray().toFloatArray());
      }
    } catch (MalformedModelException e) {
      throw new IOException(what + " do not fit the network: " + e.getMessage(), e);
    }
  }
}
