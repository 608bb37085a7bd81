package dev.mimik.learn;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.align.SimilarityTransform;
import dev.mimik.learn.bioface.BlinkModel;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.LandmarkFrame;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.learn.bionet.BioNet;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.learn.bionet.Normalisation;
import dev.mimik.learn.eifer.DenseMap;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.learn.eifer.EiferModelFile;
import dev.mimik.learn.engine.TorchEngine;
import dev.mimik.signal.blink.BlinkDetector;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The smallest valid model files, made by code for the corruption and fuzz tests: a {@code .mimik} tracking model
 * (an untrained one-filter BioNet on one channel, with a blink detector) and an EIFER zip (two leads, two
 * blendshapes, a window of three frames). A few kilobytes each, so that a fuzzer's mutations reach every part.
 */
public final class TinyModelFiles {

  /** The tiny tracking model's front end: one channel at 250 Hz, 0.2 s windows of 10 feature samples. */
  public static final FrontEnd FRONT_END = new FrontEnd(List.of("EXG1"), 250, 20, 100, 0.1, 10, 50, 0.05, 5, 0.2, 30);

  private TinyModelFiles() {}

  /** The bytes of a valid {@code .mimik} file, written through {@link TrackingModel#save}. */
  public static byte[] trackingModel(Path dir, long seed) throws IOException {
    LandmarkSet set = LandmarkSet.IBUG_51;
    BioNetConfig config = new BioNetConfig(FRONT_END.inputCount(), FRONT_END.windowSamples(), set, new int[] {1},
        new int[] {1}, 1, 1, 0f);
    byte[] parameters;
    TorchEngine.seed(seed);
    try (Model m = TorchEngine.newModel("tiny")) {
      Block block = BioNet.build(config);
      block.initialize(m.getNDManager(), DataType.FLOAT32, BioNetModel.inputShape(config, 1));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      block.saveParameters(new DataOutputStream(bytes));
      parameters = bytes.toByteArray();
    }
    int coords = config.outputs();
    Random rnd = new Random(seed);
    double[] reference = new double[coords];
    for (int i = 0; i < coords; i++) {
      reference[i] = Math.round(rnd.nextGaussian() * 500) / 10.0;
    }
    LandmarkFrame frame = new LandmarkFrame(set, reference, new SimilarityTransform(2, 0.1, 320, 240));
    Optional<BlinkModel> blinks = Optional.of(new BlinkModel("EXG1", BlinkDetector.standard(), 0.9, 0.8, 12));
    Normalisation norm = new Normalisation(new double[] {1, 2}, new double[] {3, 4}, new double[coords],
        ones(coords));
    Path file = dir.resolve("tiny-" + seed + ".mimik");
    try (TrackingModel model = new TrackingModel(BioNetModel.of(config, norm,
        TrackingModel.settingsJson(FRONT_END, frame, blinks, Optional.empty()), parameters), FRONT_END, frame, blinks,
        Optional.empty())) {
      model.save(file);
    } catch (ai.djl.MalformedModelException e) {
      throw new IOException(e);
    }
    return Files.readAllBytes(file);
  }

  /** The bytes of a valid EIFER model zip, written through {@link EiferModelFile#write}. */
  public static byte[] eiferModel(Path dir, long seed) throws IOException {
    Random rnd = new Random(seed);
    List<String> channels = List.of("Zyg li", "Corr li");
    List<String> shapes = List.of("mouthSmileLeft", "browDownLeft");
    int window = 3;
    DenseMap emg2exp = map(channels.size() * window, shapes.size(), rnd);
    DenseMap exp2emg = map(shapes.size() * window, channels.size(), rnd);
    EiferModel model = new EiferModel(channels, shapes, window, 30, new double[] {1.5, 1.2}, new double[] {1, 0.8},
        emg2exp, exp2emg, map(channels.size() * window, shapes.size(), rnd), map(shapes.size() * window,
            channels.size(), rnd), new double[] {-1, -1}, new double[] {4, 4}, false, false, null);
    Path file = dir.resolve("tiny-" + seed + ".zip");
    EiferModelFile.write(model, file);
    return Files.readAllBytes(file);
  }

  private static DenseMap map(int inputs, int outputs, Random rnd) {
    double[][] w = new double[inputs][outputs];
    for (double[] row : w) {
      for (int o = 0; o < outputs; o++) {
        row[o] = Math.round(rnd.nextGaussian() * 100) / 100.0;
      }
    }
    return new DenseMap(new double[inputs], ones(inputs), new double[outputs], ones(outputs), List.<double[][]>of(w),
        List.of(new double[outputs]), new double[0][]);
  }

  private static double[] ones(int n) {
    double[] x = new double[n];
    java.util.Arrays.fill(x, 1);
    return x;
  }
}
