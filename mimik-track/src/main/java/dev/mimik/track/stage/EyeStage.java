package dev.mimik.track.stage;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.eyes.ClosureModel;
import dev.mimik.face.eyes.Elam;
import dev.mimik.face.eyes.Eye;
import dev.mimik.face.eyes.EyeState;
import dev.mimik.learn.bioface.BlinkModel;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.track.Frame;
import dev.mimik.track.Stage;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;

/**
 * The eye state of each frame and, with ELAM, the eyelid landmarks moved to it ("Eye Motion Matters"), so the face
 * fit closes the eyes when the person does.
 *
 * <p>The state comes from the model's blink detector where it has one (calibrated on the training camera's blinks):
 * around the ear the blink potential is small, and its channel and sign depend on the montage, which the calibration
 * settles. The tracked landmarks are not fused in: they are the network's prediction from the same signals, not a
 * second measurement of the lids. Live, the detector must see past a blink before it decides ({@link LiveBlinks}), so
 * this stage holds each frame until its closure is decided and the whole face leaves together, that much later.
 * Without a detector the state is read from the tracked lids themselves, against the open eye of the model's mean
 * face.
 */
public final class EyeStage implements Stage {

  private final LandmarkSet set;
  private final boolean elam;
  private final LiveBlinks live;
  private final double startSeconds;
  private final DoubleUnaryOperator closureAt;
  private final ClosureModel[] fromLids;
  private final ArrayDeque<Frame> held = new ArrayDeque<>();

  private EyeStage(LandmarkSet set, boolean elam, LiveBlinks live, double startSeconds, DoubleUnaryOperator closureAt,
      ClosureModel[] fromLids) {
    this.set = set;
    this.elam = elam;
    this.live = live;
    this.startSeconds = startSeconds;
    this.closureAt = closureAt;
    this.fromLids = fromLids;
  }

  /**
   * The model's blink detector on the live stream.
   *
   * @param startSeconds biosignal-clock time of the first sample the pipeline is pushed
   */
  public static EyeStage live(BlinkModel blinks, FrontEnd frontEnd, LandmarkSet set, double startSeconds,
      boolean elam) {
    return new EyeStage(set, elam, new LiveBlinks(blinks, frontEnd), startSeconds, null, null);
  }

  /**
   * Closure probabilities known for every frame time in advance (the detector on a whole recording's zero-phase EOG
   * band, or the truth in an ablation).
   *
   * @param closureAt closure probability at a frame's biosignal-clock time
   */
  public static EyeStage given(DoubleUnaryOperator closureAt, LandmarkSet set, boolean elam) {
    return new EyeStage(set, elam, null, 0, closureAt, null);
  }

  /**
   * The state read from the tracked lids: each eye's aperture against its aperture in {@code meanFace} (the model's
   * mean training shape, in the set's order), the open eye.
   */
  public static EyeStage fromLandmarks(double[] meanFace, LandmarkSet set, boolean elam) {
    ClosureModel[] models = new ClosureModel[Eye.values().length];
    for (Eye eye : Eye.values()) {
      models[eye.ordinal()] = ClosureModel.forOpenAperture(eye.aperture(meanFace, set));
    }
    return new EyeStage(set, elam, null, 0, null, models);
  }

  @Override
  public String name() {
    return "eyes";
  }

  @Override
  public void samples(double[][] block) {
    if (live != null) {
      live.push(block);
    }
  }

  @Override
  public void process(Frame frame, Consumer<Frame> out) {
    if (live == null) {
      decide(frame, closureAt == null ? Double.NaN : closureAt.applyAsDouble(frame.timeSeconds()));
      out.accept(frame);
      return;
    }
    held.add(frame);
    release(out);
  }

  @Override
  public void finish(Consumer<Frame> out) {
    if (live != null) {
      live.decideAll();
      release(out);
      while (!held.isEmpty()) {
        Frame f = held.poll();
        decide(f, live.closureAt(f.timeSeconds() - startSeconds));
        out.accept(f);
      }
    }
  }

  /** Passes on the held frames whose closure the live detector has decided. */
  private void release(Consumer<Frame> out) {
    while (!held.isEmpty() && live.isDecided(held.peek().timeSeconds() - startSeconds)) {
      Frame f = held.poll();
      decide(f, live.closureAt(f.timeSeconds() - startSeconds));
      out.accept(f);
    }
  }

  private void decide(Frame frame, double eogClosure) {
    if (!frame.tracked()) {
      return;
    }
    EyeState[] states = new EyeState[Eye.values().length];
    for (Eye eye : Eye.values()) {
      states[eye.ordinal()] = fromLids != null
          ? new EyeState(eye.aperture(frame.landmarks(), set), fromLids[eye.ordinal()].closure(
              eye.aperture(frame.landmarks(), set)))
          : new EyeState(Double.NaN, eogClosure);
    }
    frame.setEyes(states);
    frame.setEogClosure(eogClosure);
    frame.setFitLandmarks(elam ? Elam.adjust(frame.landmarks(), set, states) : frame.landmarks());
  }
}
