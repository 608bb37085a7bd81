package dev.mimik.track;

import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.TrackingModel;

/**
 * The model's blink detector on a whole recording's zero-phase EOG band, looked up at frame times: the offline eye
 * state, which sees each blink whole.
 */
final class OfflineClosure {

  private final double fps;
  private final long firstFrame;
  private final double[] closure;

  OfflineClosure(TrackingModel model, double[][] eogBand, double startSeconds) {
    FrontEnd fe = model.frontEnd();
    this.fps = fe.fps();
    this.firstFrame = (long) Math.ceil(startSeconds * fps - 1e-9);
    int samples = eogBand[0].length;
    long lastFrame = (long) Math.floor((startSeconds + (samples - 1) / fe.samplingRateHz()) * fps + 1e-9);
    double[] times = new double[(int) Math.max(0, lastFrame - firstFrame + 1)];
    for (int f = 0; f < times.length; f++) {
      times[f] = (firstFrame + f) / fps - startSeconds;
    }
    this.closure = model.blinks().orElseThrow().closure(eogBand, fe, times);
  }

  /** The closure probability at a frame's biosignal-clock time. */
  double at(double timeSeconds) {
    int f = (int) (Math.round(timeSeconds * fps) - firstFrame);
    return f >= 0 && f < closure.length ? closure[f] : 0;
  }
}
