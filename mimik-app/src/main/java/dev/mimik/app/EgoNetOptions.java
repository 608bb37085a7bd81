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

  @Option(names = "--adversarial", defaultValue = "0",
      description = "weight of the gradient reversal (0: no domain discriminator; default ${DEFAULT-VALUE})")
  double adversarial;

  @Option(names = "--augmentation", split = ",", arity = "1", paramLabel = "SHIFT,SCALE,ROTATION,GAMMA,NOISE",
      description = "ranges of each training view's random disturbance: shift (pixels), relative scale, rotation"
          + " (degrees), gamma, noise (standard deviations); 0,0,0,1,0 for none (default 2,0.08,5,1.5,0.1)")
  double[] augmentation;

  @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
  long seed;

  EgoNetConfig network() {
    EgoNetConfig d = EgoNetConfig.defaults();
    return new EgoNetConfig(imageSize, widths, d.eyeHidden(), d.faceHidden(), d.discriminatorHidden(), !singleHead);
  }

  EgoTrainingOptions training(boolean progress) {
    EgoTrainingOptions.Augmentation a = EgoTrainingOptions.DEFAULT_AUGMENTATION;
    if (augmentation != null) {
      if (augmentation.length != 5) {
        throw new IllegalArgumentException("--augmentation takes five numbers: shift, scale, rotation, gamma, noise");
      }
      a = new EgoTrainingOptions.Augmentation(augmentation[0], augmentation[1], augmentation[2], augmentation[3],
          augmentation[4]);
    }
    return new EgoTrainingOptions(epochs, steps, batch, learningRate, adversarial, a, seed, progress);
  }
}
