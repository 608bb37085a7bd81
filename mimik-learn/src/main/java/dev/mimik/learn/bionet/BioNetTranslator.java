package dev.mimik.learn.bionet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Turns raw biosignal windows {@code [frame][input][sample]} into the normalised tensor BioNet expects, and its
 * output back into aligned landmark coordinates {@code [frame][2 * points]}.
 */
public final class BioNetTranslator implements NoBatchifyTranslator<float[][][], float[][]> {

  private final BioNetConfig config;
  private final Normalisation normalisation;

  /** A translator for a network of this configuration trained with this normalisation. */
  public BioNetTranslator(BioNetConfig config, Normalisation normalisation) {
    this.config = config;
    this.normalisation = normalisation;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, float[][][] windows) {
    int per = config.inputs() * config.windowSamples();
    float[] data = new float[windows.length * per];
    for (int f = 0; f < windows.length; f++) {
      checkShape(windows[f], f);
      normalisation.normaliseWindow(windows[f], data, f * per);
    }
    return new NDList(ctx.getNDManager().create(data, new Shape(windows.length, config.inputs(), config.windowSamples())));
  }

  @Override
  public float[][] processOutput(TranslatorContext ctx, NDList list) {
    float[] flat = list.singletonOrThrow().toFloatArray();
    int outputs = config.outputs();
    float[][] out = new float[flat.length / outputs][];
    for (int f = 0; f < out.length; f++) {
      out[f] = normalisation.denormaliseTarget(flat, f * outputs);
    }
    return out;
  }

  private void checkShape(float[][] window, int frame) {
    if (window.length != config.inputs()) {
      throw new IllegalArgumentException("window " + frame + " has " + window.length + " inputs, the model takes " + config.inputs());
    }
    for (float[] input : window) {
      if (input.length != config.windowSamples()) {
        throw new IllegalArgumentException("window " + frame + " has " + input.length + " samples, the model takes " + config.windowSamples());
      }
    }
  }
}
