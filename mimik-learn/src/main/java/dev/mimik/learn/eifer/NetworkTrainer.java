package dev.mimik.learn.eifer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.mimik.learn.engine.TorchEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the small network of an EIFER map on DJL (PyTorch, CPU): a multilayer perceptron ({@code hidden} units per
 * hidden layer, ReLU) on standardised features and targets, L2 loss (or {@link HuberLoss} with {@code huberDelta >
 * 0}), Adam, seeded initialisation and batch order, keeping the weights of the epoch with the lowest validation loss
 * (the same loss). The weights are then copied into a {@link DenseMap}.
 *
 * @param hidden units of each hidden layer (one entry per hidden layer)
 * @param epochs maximum number of epochs
 * @param patience epochs without a better validation loss before stopping
 * @param batchSize rows per batch
 * @param learningRate Adam's learning rate
 * @param seed seed of the initial weights and the batch order
 * @param huberDelta the Huber loss's threshold in standardised target units, or 0 for L2
 */
public record NetworkTrainer(int[] hidden, int epochs, int patience, int batchSize, double learningRate, long seed,
    double huberDelta) {

  /** An L2-loss trainer. */
  public NetworkTrainer(int[] hidden, int epochs, int patience, int batchSize, double learningRate, long seed) {
    this(hidden, epochs, patience, batchSize, learningRate, seed, 0);
  }

  /** These settings in one line, arrays written out (a record's own text names an array by its address). */
  public String describe() {
    return "NetworkTrainer[hidden=" + java.util.Arrays.toString(hidden) + ", epochs=" + epochs + ", patience="
        + patience + ", batchSize=" + batchSize + ", learningRate=" + learningRate + ", seed=" + seed
        + ", huberDelta=" + huberDelta + "]";
  }

  /** Settings used by the EIFER commands: two hidden layers of 64 units, L2 loss. */
  public static NetworkTrainer standard(long seed) {
    return new NetworkTrainer(new int[] {64, 64}, 60, 8, 64, 2e-3, seed);
  }

  /** The same settings with a Huber loss of threshold {@code delta} (standardised units; 0 for L2). */
  public NetworkTrainer withHuber(double delta) {
    return new NetworkTrainer(hidden, epochs, patience, batchSize, learningRate, seed, delta);
  }

  /** Trains on the {@code train} rows, stopping on the {@code validation} rows; both index into the arrays. */
  public DenseMap fit(double[][] features, double[][] targets, int[] train, int[] validation) {
    double[][] in = DenseMap.moments(pick(features, train), Double.MAX_VALUE);
    double[][] out = DenseMap.moments(pick(targets, train), 1e-9);
    return fit(features, targets, train, validation, in, out, new double[0][]);
  }

  /**
   * Trains a network on top of a one-layer {@code linear} map fitted to the same training rows (the ridge
   * baseline): the network learns the linear map's residuals and the result adds both.
   */
  public DenseMap fitResidual(double[][] features, double[][] targets, int[] train, int[] validation,
      DenseMap linear) {
    if (linear.weights().size() != 1) {
      throw new IllegalArgumentException("the map under the network must be linear");
    }
    double[][] in = {linear.inMean(), linear.inStd()};
    double[][] out = {linear.outMean(), linear.outStd()};
    return fit(features, targets, train, validation, in, out, linear.weights().get(0));
  }

  private DenseMap fit(double[][] features, double[][] targets, int[] train, int[] validation, double[][] in,
      double[][] out, double[][] skip) {
    float[][] x = standardise(features, in);
    float[][] y = standardise(targets, out);
    for (int i = 0; i < skip.length; i++) {
      for (int r = 0; r < x.length; r++) {
        float xi = x[r][i];
        if (xi != 0) {
          for (int o = 0; o < y[r].length; o++) {
            y[r][o] -= (float) (xi * skip[i][o]);
          }
        }
      }
    }
    int k = in[0].length;
    int m = out[0].length;
    TorchEngine.seed(seed);
    SequentialBlock net = new SequentialBlock();
    for (int units : hidden) {
      net.add(Linear.builder().setUnits(units).build());
      net.add(Activation.reluBlock());
    }
    net.add(Linear.builder().setUnits(m).build());
    Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build();
    Loss objective = huberDelta > 0 ? new HuberLoss(huberDelta) : Loss.l2Loss();
    DefaultTrainingConfig config = new DefaultTrainingConfig(objective).optOptimizer(adam)
        .optDevices(new Device[] {Device.cpu()});
    SplittableRandom random = new SplittableRandom(seed);
    try (Model model = TorchEngine.newModel("eifer-map")) {
      model.setBlock(net);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, k));
        List<double[][]> bestWeights = null;
        List<double[]> bestBiases = null;
        double best = Double.POSITIVE_INFINITY;
        int since = 0;
        int[] order = train.clone();
        for (int epoch = 0; epoch < epochs && since < patience; epoch++) {
          shuffle(order, random);
          for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            try (NDManager batch = trainer.getManager().newSubManager()) {
              NDArray bx = rows(batch, x, order, from, to);
              NDArray by = rows(batch, y, order, from, to);
              try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray loss = trainer.getLoss().evaluate(new NDList(by), trainer.forward(new NDList(bx)));
                collector.backward(loss);
              }
              trainer.step();
            }
          }
          double loss = validationLoss(trainer, x, y, validation);
          if (loss < best - 1e-6) {
            best = loss;
            since = 0;
            bestWeights = new ArrayList<>();
            bestBiases = new ArrayList<>();
            copyLayers(net, bestWeights, bestBiases);
          } else {
            since++;
          }
        }
        return new DenseMap(in[0], in[1], out[0], out[1], bestWeights, bestBiases, skip);
      }
    }
  }

  private static double validationLoss(Trainer trainer, float[][] x, float[][] y, int[] validation) {
    double sum = 0;
    try (NDManager batch = trainer.getManager().newSubManager()) {
      NDArray bx = rows(batch, x, validation, 0, validation.length);
      NDArray by = rows(batch, y, validation, 0, validation.length);
      NDArray p = trainer.evaluate(new NDList(bx)).singletonOrThrow();
      sum = trainer.getLoss() instanceof HuberLoss h ? h.evaluate(new NDList(by), new NDList(p)).getFloat()
          : p.sub(by).square().mean().getFloat();
    }
    return sum;
  }

  private static void copyLayers(Block net, List<double[][]> weights, List<double[]> biases) {
    for (Pair<String, Parameter> p : net.getParameters()) {
      NDArray a = p.getValue().getArray();
      float[] v = a.toFloatArray();
      if (p.getValue().getType() == Parameter.Type.WEIGHT) {
        long outs = a.getShape().get(0);
        long ins = a.getShape().get(1);
        double[][] w = new double[(int) ins][(int) outs];
        for (int o = 0; o < outs; o++) {
          for (int i = 0; i < ins; i++) {
            w[i][o] = v[(int) (o * ins + i)];
          }
        }
        weights.add(w);
      } else {
        double[] b = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          b[i] = v[i];
        }
        biases.add(b);
      }
    }
  }

  private static NDArray rows(NDManager manager, float[][] data, int[] index, int from, int to) {
    int k = data[0].length;
    float[] flat = new float[(to - from) * k];
    for (int i = from; i < to; i++) {
      System.arraycopy(data[index[i]], 0, flat, (i - from) * k, k);
    }
    return manager.create(flat, new Shape(to - from, k));
  }

  private static float[][] standardise(double[][] rows, double[][] moments) {
    float[][] out = new float[rows.length][rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = (float) ((rows[i][j] - moments[0][j]) / moments[1][j]);
      }
    }
    return out;
  }

  private static double[][] pick(double[][] rows, int[] index) {
    double[][] out = new double[index.length][];
    for (int i = 0; i < index.length; i++) {
      out[i] = rows[index[i]];
    }
    return out;
  }

  private static void shuffle(int[] a, SplittableRandom r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
