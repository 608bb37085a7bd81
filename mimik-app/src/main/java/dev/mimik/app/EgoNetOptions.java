package dev.mimik.app;

import dev.mimik.learn.ego.EgoNetConfig;
import dev.mimik.learn.ego.EgoTrainingOptions;
import picocli.CommandLine.Option;

/** The network and training options of {@code mimik ego train} and {@code mimik ego distill}. */
final class EgoNetOptions {

  @Option(names = "--image-size", defaultValue = "32", description = "side of the views the network takes, pixels"
      + " (default ${DEFAULT-VALUE}; the dataset's views are resized)")
  int imageSize;

  @Option(names = "--widths", split = ",", defaultValue = "8,16,32",
      description = "channels of each encoder stage (default ${DEFAULT-VALUE})")
  int[] widths;

  @Option(names = "--single-head", description = "one MLP on all views for every output (the ablation of REFA's"
      + " eye and face MLPs)")
  boolean singleHead;

  @Option(names = "--epochs", defaultValue = "8", description = "epochs per model (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--steps", defaultValue = "100", description = "mini-batches per epoch (default ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--batch", defaultValue = "32",
      description = "frames of each domain per mini-batch (default ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--learning-rate", defaultValue = "5e-3", description = "Adam's rate (default ${DEFAULT-VALUE})")
  double learningRate;

  @Option(names = "--adversarial", defaultValue = "0.3",
      description = "weight of the gradient reversal (0: no domain discriminator; default ${DEFAULT-VALUE})")
  double adversarial;

  @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
  long seed;

  EgoNetConfig network() {
    EgoNetConfig d = EgoNetConfig.defaults();
    return new EgoNetConfig(imageSize, widths, d.eyeHidden(), d.faceHidden(), d.discriminatorHidden(), !singleHead);
  }

  EgoTrainingOptions training(boolean progress) {
    return new EgoTrainingOptions(epochs, steps, batch, learningRate, adversarial,
        EgoTrainingOptions.defaults().shiftPixels(), seed, progress);
  }
}
