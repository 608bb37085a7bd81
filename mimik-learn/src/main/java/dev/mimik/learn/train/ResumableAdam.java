package dev.mimik.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba) whose moment estimates and step counts can be saved and restored, so a training run killed
 * after epoch k and resumed from its checkpoint continues exactly as if it had never stopped. DJL's own
 * {@code Adam} keeps that state private; the update itself is DJL's fused {@code adamUpdate} kernel, as there.
 *
 * <p>Parameter ids are random per process, so the state is saved in the order of the parameter list given.
 */
public final class ResumableAdam extends Optimizer {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final float learningRate;
  private final Map<String, NDArray> means = new HashMap<>();
  private final Map<String, NDArray> variances = new HashMap<>();
  private final Map<String, Integer> steps = new HashMap<>();

  /** Adam with a fixed learning rate and the usual betas (0.9, 0.999) and epsilon 1e-8. */
  public ResumableAdam(float learningRate) {
    super(new Builder().setRescaleGrad(1f));
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
    }
    this.learningRate = learningRate;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    int t = steps.merge(parameterId, 1, Integer::sum);
    double coef1 = 1.0 - Math.pow(BETA1, t);
    double coef2 = 1.0 - Math.pow(BETA2, t);
    float corrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
    NDArray mean = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
    NDArray variance = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
    weight.getNDArrayInternal().adamUpdate(
        new NDList(weight, grad, mean, variance), new NDList(weight), learningRate, corrected, 0f, rescaleGrad,
        clipGrad, BETA1, BETA2, EPSILON, true, false);
  }

  /** Writes the state of the parameters with these ids, in this order. */
  public void save(DataOutputStream out, List<String> parameterIds) throws IOException {
    out.writeInt(parameterIds.size());
    for (String id : parameterIds) {
      Integer t = steps.get(id);
      out.writeInt(t == null ? 0 : t);
      if (t != null) {
        writeArray(out, means.get(id));
        writeArray(out, variances.get(id));
      }
    }
  }

  /** Restores state written by {@link #save} onto the parameters with these ids (same order, same network). */
  public void load(DataInputStream in, List<String> parameterIds, NDManager manager) throws IOException {
    int count = in.readInt();
    if (count != parameterIds.size()) {
      throw new IOException("optimiser state holds " + count + " parameters, the network has " + parameterIds.size());
    }
    means.clear();
    variances.clear();
    steps.clear();
    for (String id : parameterIds) {
      int t = in.readInt();
      if (t > 0) {
        steps.put(id, t);
        means.put(id, readArray(in, manager));
        variances.put(id, readArray(in, manager));
      }
    }
  }

  private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
    byte[] bytes = array.encode();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return NDArray.decode(manager, bytes);
  }

  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}
