package dev.mimik.track;

import dev.mimik.core.data.LandmarkTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The tracking pipeline: samples in, tracked frames out, through a {@link SignalFrontEnd} and a chain of
 * {@link Stage}s (network, smoothing, eyes, face fit). {@code mimik track}, {@code serve}, {@code bench track} and
 * {@code demo} all run this one object, built by {@link TrackingRecipe}; offline tracking differs only in its
 * stages' options. Every stage's time on every frame is measured here and kept on the frame
 * ({@link Frame#stageNanos}, in the order of {@link #stageNames()}: the front end first).
 *
 * <p>Not thread-safe: one thread pushes at a time.
 */
public final class TrackingPipeline {

  /** The name of the front end's timing: causal filters, features and the window cut. */
  public static final String FRONT_END = "filters";

  private final SignalFrontEnd frontEnd;
  private final List<Stage> stages;
  /** Time spent on samples before a frame came of them, per timing slot: attributed to the next frame. */
  private final long[] pendingNanos;
  private LongSupplier stageClock = System::nanoTime;

  /**
   * A pipeline from its head and its stages, in order.
   *
   * @param frontEnd the head that turns samples into frames, or null for a pipeline that only {@link #replay}s
   *     landmarks or takes headset views ({@link #pushViews})
   */
  public TrackingPipeline(SignalFrontEnd frontEnd, List<Stage> stages) {
    this.frontEnd = frontEnd;
    this.stages = List.copyOf(stages);
    this.pendingNanos = new long[stages.size() + 1];
  }

  /**
   * Times the stages by {@code nanos} from now on instead of the wall clock ({@link System#nanoTime}): the pushing
   * thread's CPU time, say, for figures that other work on the machine does not disturb. Frames' arrival times stay
   * on the wall clock.
   */
  public void timeStagesBy(LongSupplier nanos) {
    stageClock = nanos;
  }

  /** The first stage of a kind, if the pipeline has one. */
  public <T extends Stage> java.util.Optional<T> stage(Class<T> kind) {
    return stages.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  /** {@link #FRONT_END}, then each stage's name: the order of {@link Frame#stageNanos}. */
  public List<String> stageNames() {
    List<String> names = new ArrayList<>();
    names.add(FRONT_END);
    stages.forEach(s -> names.add(s.name()));
    return names;
  }

  /** Raw samples {@code block[channel][i]} in the model's channel order; returns the frames that leave the chain. */
  public List<Frame> push(double[][] block) {
    requireFrontEnd();
    long arrived = System.nanoTime();
    long start = stageClock.getAsLong();
    List<Frame> frames = frontEnd.pushRaw(block, arrived, stages.size() + 1);
    long t = stageClock.getAsLong();
    pendingNanos[0] += t - start;
    for (int i = 0; i < stages.size(); i++) {
      stages.get(i).samples(block);
      long now = stageClock.getAsLong();
      pendingNanos[i + 1] += now - t;
      t = now;
    }
    return run(frames);
  }

  /**
   * Samples already split into their EMG and EOG bands, {@code [channel][i]} for {@code i} in {@code [from, to)}:
   * the offline path, whose bands were filtered forward and backward over the whole recording.
   */
  public List<Frame> pushBands(double[][] emg, double[][] eog, int from, int to) {
    requireFrontEnd();
    long arrived = System.nanoTime();
    long start = stageClock.getAsLong();
    List<Frame> frames = frontEnd.pushBands(emg, eog, from, to, arrived, stages.size() + 1);
    pendingNanos[0] += stageClock.getAsLong() - start;
    return run(frames);
  }

  /**
   * Runs landmarks already tracked through the stages, frame by frame, and ends the stream: for fitting the same
   * landmarks again another way. Missing frames enter without landmarks.
   */
  public List<Frame> replay(LandmarkTrack landmarks) {
    List<Frame> out = new ArrayList<>();
    for (int f = 0; f < landmarks.frameCount(); f++) {
      Frame frame = new Frame(landmarks.timesSeconds()[f], System.nanoTime(), stages.size() + 1);
      if (!landmarks.missing()[f]) {
        frame.setLandmarks(landmarks.frames()[f]);
      }
      out.addAll(feed(0, new ArrayList<>(List.of(frame))));
    }
    out.addAll(finish());
    return out;
  }

  /**
   * One frame of headset camera views ({@code dev.mimik.learn.ego.ViewImages#frame}) at {@code timeSeconds}: the
   * headset path, whose stages start from the views instead of samples. Returns the frames that leave the chain.
   */
  public List<Frame> pushViews(double timeSeconds, byte[] views) {
    Frame frame = new Frame(timeSeconds, System.nanoTime(), stages.size() + 1);
    frame.setViews(views);
    return feed(0, new ArrayList<>(List.of(frame)));
  }

  /** The stream has ended: every frame the stages still hold, in order. */
  public List<Frame> finish() {
    List<Frame> out = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      List<Frame> released = new ArrayList<>();
      stages.get(i).finish(released::add);
      out.addAll(feed(i + 1, released));
    }
    return out;
  }

  private void requireFrontEnd() {
    if (frontEnd == null) {
      throw new IllegalStateException("this pipeline has no front end: it only replays landmarks");
    }
  }

  /** Runs new frames through the stages; the first carries the time spent on the samples that made them. */
  private List<Frame> run(List<Frame> frames) {
    if (frames.isEmpty()) {
      return frames;
    }
    for (int i = 0; i < pendingNanos.length; i++) {
      frames.get(0).addStageNanos(i, pendingNanos[i]);
      pendingNanos[i] = 0;
    }
    return feed(0, frames);
  }

  /** Runs {@code frames} through the stages from index {@code first} on, timing each call. */
  private List<Frame> feed(int first, List<Frame> frames) {
    List<Frame> current = frames;
    for (int i = first; i < stages.size() && !current.isEmpty(); i++) {
      Stage stage = stages.get(i);
      List<Frame> next = new ArrayList<>(current.size());
      for (Frame f : current) {
        long t0 = stageClock.getAsLong();
        stage.process(f, next::add);
        f.addStageNanos(i + 1, stageClock.getAsLong() - t0);
      }
      current = next;
    }
    return current;
  }
}
