package dev.mimik.track;

import java.util.function.Consumer;

/**
 * One step of a {@link TrackingPipeline}, in the manner of a MediaPipe calculator: it takes frames in time order,
 * does its one job on each and passes them on. A stage may hold frames back (to see past them, as a two-sided
 * smoother or a blink detector must) but passes every frame on exactly once and in order. Stages are called from one
 * thread at a time; the pipeline times each call.
 */
public interface Stage {

  /** A short name, for timings and reports. */
  String name();

  /**
   * Raw samples as they arrive, before the frames they complete reach this stage: for stages that read the signal
   * itself (the blink detector). {@code block[channel][sample]} in the model's channel order.
   */
  default void samples(double[][] block) {}

  /** Takes the next frame and passes to {@code out} the frames it is done with (none, this one, or held ones). */
  void process(Frame frame, Consumer<Frame> out);

  /** The stream has ended: passes to {@code out} every frame still held, in order. */
  default void finish(Consumer<Frame> out) {}
}
