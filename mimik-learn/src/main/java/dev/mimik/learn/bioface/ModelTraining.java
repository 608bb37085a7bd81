package dev.mimik.learn.bioface;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.baseline.WindowRidge;
import dev.mimik.learn.bionet.BioNetConfig;
import dev.mimik.learn.metric.NormalisedMeanError;
import dev.mimik.learn.train.BioNetTrainer;
import dev.mimik.learn.train.InputLayout;
import dev.mimik.learn.train.TimeBlockedSplit;
import dev.mimik.learn.train.TrainingOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Trains a {@link TrackingModel} from recording sessions: builds the training data with the default front end for
 * the first session's channels and rate, calibrates the blink detector and fits the person's identity on the
 * camera's landmarks, then trains BioNet on it (time-blocked validation with a gap of one
 * window, so neighbouring windows never straddle the split).
 */
public final class ModelTraining {

  private ModelTraining() {}

  /** The outcome: the model and the training history. */
  public record Outcome(TrackingModel model, BioNetTrainer.Result result, TrainingData data) {}

  /**
   * The default front end for the sessions' channels and rate, at {@code fps}, notching the mains frequency the
   * first session was recorded at ({@link #mainsHz}): interference at 60 Hz and its harmonics left in the EMG band
   * by a 50 Hz notch is larger than the EMG of an electrode near the ear and would drown its envelope.
   */
  public static FrontEnd frontEndFor(List<Session> sessions, double fps) {
    Session first = sessions.get(0);
    return FrontEnd.defaults(first.signals().channelNames(), first.signals().channel(0).samplingRate(), fps)
        .withMainsHz(mainsHz(first.signals()));
  }

  /**
   * The mains frequency of a recording, 50 or 60 Hz: whichever has more power (a single-bin DFT of every channel
   * over at most its first minute; the interference is a steady sinusoid, EMG a broadband noise).
   */
  public static double mainsHz(Signal signal) {
    double p50 = 0;
    double p60 = 0;
    for (Channel c : signal.channels()) {
      double fs = c.samplingRate();
      if (fs <= 120) {
        continue;
      }
      int n = (int) Math.min(c.samples().length, 60 * fs);
      p50 += power(c.samples(), n, 50 / fs);
      p60 += power(c.samples(), n, 60 / fs);
    }
    return p60 > p50 ? 60 : 50;
  }

  private static double power(double[] x, int n, double cyclesPerSample) {
    double re = 0;
    double im = 0;
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * cyclesPerSample * i;
      re += x[i] * Math.cos(a);
      im -= x[i] * Math.sin(a);
    }
    return re * re + im * im;
  }

  /** Which channel each of the front end's inputs comes from, and which are log envelopes, for gain jitter. */
  public static InputLayout layout(FrontEnd frontEnd) {
    int n = frontEnd.inputCount();
    int[] channel = new int[n];
    boolean[] log = new boolean[n];
    for (int i = 0; i < n; i++) {
      channel[i] = frontEnd.channelOf(i);
      log[i] = frontEnd.isEnvelope(i);
    }
    return new InputLayout(channel, log);
  }

  /** Refuses data too short for a training and a validation part separated by the gap. */
  private static void requireEnoughFrames(TrainingData data, Path source, FrontEnd frontEnd,
      TrainingOptions options) {
    try {
      options.split().split(data.size());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(source, String.format(java.util.Locale.ROOT,
          "only %d usable frames (%.1f s) in the training sessions, too few to train and validate: %s", data.size(),
          data.size() / frontEnd.fps(), e.getMessage()));
    }
  }

  /** The options with a validation gap of one window, so no training window overlaps a validation window. */
  public static TrainingOptions withWindowGap(TrainingOptions options, FrontEnd frontEnd) {
    return options.withGapFrames((int) Math.ceil(frontEnd.windowSeconds() * frontEnd.fps()));
  }

  /**
   * Trains a new model.
   *
   * @param rig the face the person's identity is fitted on (on the camera's landmarks, so tracking with this rig
   *     needs no warm-up), or null for none
   * @param checkpoint where to checkpoint every epoch (and resume from), or null
   */
  public static Outcome train(List<Session> sessions, FrontEnd frontEnd, LandmarkSet set, FaceRig rig,
      TrainingOptions options, Path checkpoint, Consumer<String> warnings) throws IOException {
    TrainingData data = TrainingData.build(sessions, frontEnd, set, null, warnings);
    requireEnoughFrames(data, sessions.get(0).source(), frontEnd, withWindowGap(options, frontEnd));
    return trainNetwork(data, frontEnd, set, rig, BlinkModel.calibrate(sessions, frontEnd, warnings), options,
        checkpoint);
  }

  /**
   * Trains a population model, for people it never saw, on sessions of several participants. Each participant's
   * landmarks are moved onto the population's mean face ({@link TrainingData#onCommonMeanFace}) before training: a
   * new person's face shape cannot be read from the signals of other people, so the network is taught only the
   * expressions the signals show, and on a new person predicts the population's mean face plus the expression it
   * reads. Fine-tuning ({@link #fineTune}) then learns the person's own face from a calibration recording.
   */
  public static Outcome trainPopulation(List<Session> sessions, FrontEnd frontEnd, LandmarkSet set,
      TrainingOptions options, Consumer<String> warnings) throws IOException {
    List<String> people = sessions.stream().map(Session::participant).distinct().toList();
    int[] personOfSession = sessions.stream().mapToInt(s -> people.indexOf(s.participant())).toArray();
    TrainingData data = TrainingData.build(sessions, frontEnd, set, null, warnings).onCommonMeanFace(personOfSession);
    requireEnoughFrames(data, sessions.get(0).source(), frontEnd, withWindowGap(options, frontEnd));
    return trainNetwork(data, frontEnd, set, null, BlinkModel.calibrate(sessions, frontEnd, warnings), options,
        null);
  }

  /**
   * Trains a new model on training data built already (a training set read back: {@code TrainingSetFile}).
   *
   * @param source the file the data came from, for messages
   * @param blinks the blink detector the model carries, or empty
   */
  public static Outcome train(TrainingData data, Path source, FrontEnd frontEnd, LandmarkSet set, FaceRig rig,
      Optional<BlinkModel> blinks, TrainingOptions options, Path checkpoint) throws IOException {
    requireEnoughFrames(data, source, frontEnd, withWindowGap(options, frontEnd));
    return trainNetwork(data, frontEnd, set, rig, blinks, options, checkpoint);
  }

  private static Outcome trainNetwork(TrainingData data, FrontEnd frontEnd, LandmarkSet set, FaceRig rig,
      Optional<BlinkModel> blinks, TrainingOptions options, Path checkpoint) throws IOException {
    Optional<PersonIdentity> identity = identity(rig, data);
    BioNetConfig config = BioNetConfig.defaults(frontEnd.inputCount(), frontEnd.windowSamples(), set);
    BioNetTrainer.Result result = new BioNetTrainer(withWindowGap(options, frontEnd), layout(frontEnd)).train(config,
        TrackingModel.settingsJson(frontEnd, data.frame(), blinks, identity), data.windows(), data.targets(),
        checkpoint);
    return new Outcome(new TrackingModel(result.model(), frontEnd, data.frame(), blinks, identity), result, data);
  }

  private static Optional<PersonIdentity> identity(FaceRig rig, TrainingData data) {
    return rig == null || rig.identityNames().isEmpty() ? Optional.empty()
        : Optional.of(PersonIdentity.fit(rig, data.frame(), data.targets()));
  }

  /**
   * Fine-tunes an existing model (typically a cross-participant one) on a few minutes of a new person, keeping its
   * front end and aligned frame so its inputs and outputs mean the same; {@code base} is unchanged. The blink
   * detector is calibrated anew on the new person's sessions (blinks differ between people more than faces do);
   * the base's is kept only when those sessions show too few blinks. The identity is fitted anew on {@code rig}
   * (null: none).
   */
  public static Outcome fineTune(TrackingModel base, List<Session> sessions, FaceRig rig, TrainingOptions options,
      Path checkpoint, Consumer<String> warnings) throws IOException {
    FrontEnd frontEnd = base.frontEnd();
    TrainingData data = TrainingData.build(sessions, frontEnd, base.landmarkFrame().set(), base.landmarkFrame(),
        warnings);
    requireEnoughFrames(data, sessions.get(0).source(), frontEnd, withWindowGap(options, frontEnd));
    Optional<BlinkModel> blinks = BlinkModel.calibrate(sessions, frontEnd, warnings).or(base::blinks);
    Optional<PersonIdentity> identity = identity(rig, data);
    BioNetTrainer.Result result = new BioNetTrainer(withWindowGap(options, frontEnd), layout(frontEnd)).fineTune(base.network(),
        TrackingModel.settingsJson(frontEnd, base.landmarkFrame(), blinks, identity), data.windows(), data.targets(),
        checkpoint);
    return new Outcome(new TrackingModel(result.model(), frontEnd, base.landmarkFrame(), blinks, identity), result,
        data);
  }

  /**
   * The fair baseline's NME ({@link WindowRidge}: ridge on the whole window, its penalty chosen within the training
   * frames) on the validation frames BioNet was validated on, trained on the same training frames.
   */
  public static double ridgeValidationNme(TrainingData data, LandmarkSet set, TrainingOptions options) {
    TimeBlockedSplit.Split split = options.split().split(data.size());
    WindowRidge ridge = WindowRidge.fit(pick(data.windows(), split.train()), pick(data.targets(), split.train()),
        set, options.split());
    float[][] predicted = ridge.predict(pick(data.windows(), split.validation()));
    return new NormalisedMeanError(set).percent(predicted, pick(data.targets(), split.validation()));
  }

  private static <T> T[] pick(T[] all, int[] rows) {
    T[] out = java.util.Arrays.copyOf(all, rows.length);
    for (int i = 0; i < rows.length; i++) {
      out[i] = all[rows[i]];
    }
    return out;
  }
}
