package dev.mimik.track;

import dev.mimik.learn.bioface.FeatureStream;
import dev.mimik.learn.bioface.FrontEnd;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of a {@link TrackingPipeline}: biosignal samples in, frames out. For every video frame time
 * ({@code k / fps} on the biosignal clock) whose samples have all arrived, it emits a frame carrying the trailing
 * feature window of the model's {@link FrontEnd}, cut by the same {@link FeatureStream} that made the training data;
 * before the stream holds a full window, the frame has none. Memory is bounded by the window and a second of history,
 * so a live stream and a ten-hour file take the same path.
 */
public final class SignalFrontEnd {

  /** Feature history kept beyond one window, so a block of samples may run past a frame's time. */
  private static final double HISTORY_MARGIN_SECONDS = 1.0;

  private final FrontEnd frontEnd;
  private final FeatureStream features;
  private long nextFrame;

  /**
   * @param frontEnd the model's front end
   * @param startSeconds biosignal-clock time of the first sample that will be pushed
   */
  public SignalFrontEnd(FrontEnd frontEnd, double startSeconds) {
    this.frontEnd = frontEnd;
    this.features = new FeatureStream(frontEnd, startSeconds, frontEnd.windowSeconds() + HISTORY_MARGIN_SECONDS);
    this.nextFrame = (long) Math.ceil(startSeconds * frontEnd.fps() - 1e-9);
  }

  /** The settings it applies. */
  public FrontEnd frontEnd() {
    return frontEnd;
  }

  /** Raw samples {@code block[channel][i]} in the model's channel order, filtered causally; the frames completed. */
  List<Frame> pushRaw(double[][] block, long arrivedNanos, int stages) {
    if (block.length != frontEnd.channels().size()) {
      throw new IllegalArgumentException("a block of " + block.length + " channels; the model expects "
          + frontEnd.channels().size() + " (" + frontEnd.channels() + ")");
    }
    features.pushRaw(block);
    return drain(arrivedNanos, stages);
  }

  /** Samples already split into bands (zero-phase, offline), {@code [channel][i]} for i in a range; frames completed. */
  List<Frame> pushBands(double[][] emg, double[][] eog, int from, int to, long arrivedNanos, int stages) {
    features.pushBands(emg, eog, from, to);
    return drain(arrivedNanos, stages);
  }

  private List<Frame> drain(long arrivedNanos, int stages) {
    double lastPushed = features.nextSampleSeconds() - 1 / frontEnd.samplingRateHz();
    List<Frame> out = new ArrayList<>();
    while (nextFrame / frontEnd.fps() <= lastPushed + 1e-9) {
      Frame frame = new Frame(nextFrame / frontEnd.fps(), arrivedNanos, stages);
      nextFrame++;
      float[][] window = new float[frontEnd.inputCount()][frontEnd.windowSamples()];
      if (features.window(frame.timeSeconds(), window)) {
        frame.setWindow(window);
      }
      out.add(frame);
    }
    return out;
  }
}
