package dev.mimik.learn.pipeline;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.train.BioNetTrainer;
import dev.mimik.learn.train.TrainingOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains a {@link TrackingModel} from recording sessions: builds the training data with the default front end for
 * the first session's channels and rate, then trains BioNet on it (time-blocked validation with a gap of one
 * window, so neighbouring windows never straddle the split).
 */
public final class ModelTraining {

  private ModelTraining() {}

  /** The outcome: the model and the training history. */
  public record Outcome(TrackingModel model, BioNetTrainer.Result result, TrainingData data) {}

  /** The default front end for the sessions' channels and rate, at {@code fps}. */
  public static FrontEnd frontEndFor(List<Session> sessions, double fps) {
    Session first = sessions.get(0);
    return FrontEnd.defaults(first.signals().channelNames(), first.signals().channel(0).samplingRate(), fps);
  }

  /** The options with a validation gap of one window, so no training window overlaps a validation window. */
  public static TrainingOptions withWindowGap(TrainingOptions options, FrontEnd frontEnd) {
    return options.withGapFrames((int) Math.ceil(frontEnd.windowSeconds() * frontEnd.fps()));
  }

  /**
   * Trains a new model.
   *
   * @param checkpoint where to checkpoint every epoch (and resume from), or null
   */
  public static Outcome train(List<Session> sessions, FrontEnd frontEnd, LandmarkSet set, TrainingOptions options,
      Path checkpoint, Consumer<String> warnings) throws IOException {
    TrainingData data = TrainingData.build(sessions, frontEnd, set, null, warnings);
    BioNetConfig config = BioNetConfig.defaults(frontEnd.inputCount(), frontEnd.windowSamples(), set);
    BioNetTrainer.Result result = new BioNetTrainer(withWindowGap(options, frontEnd)).train(config,
        TrackingModel.settingsJson(frontEnd, data.frame()), data.windows(), data.targets(), checkpoint);
    return new Outcome(new TrackingModel(result.model(), frontEnd, data.frame()), result, data);
  }
}
