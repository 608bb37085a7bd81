package dev.mimik.learn.pipeline;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.face.smooth.KalmanSettings;
import dev.mimik.face.smooth.RtsSmoother;
import dev.mimik.signal.band.BandSplitter;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Tracks a whole recording with a {@link Tracker}, feeding it one frame's worth of samples at a time as a live
 * stream would. Causal mode is exactly what live tracking computes; offline mode filters zero-phase and smooths the
 * landmarks with an RTS smoother (both look ahead, so they are for recordings only).
 */
public final class SignalTracking {

  private SignalTracking() {}

  /** The tracked landmarks and the per-frame stage timings. */
  public record Result(LandmarkTrack landmarks, long[] networkNanos, long[] smoothingNanos) {}

  /**
   * @param file the signal file, for messages
   * @param offline zero-phase filtering and RTS smoothing instead of causal filtering and a Kalman filter
   * @param progress receives the fraction done, from 0 to 1
   */
  public static Result track(TrackingModel model, Signal signal, Path file, boolean offline, KalmanSettings smoothing,
      Consumer<String> warnings, DoubleConsumer progress) {
    FrontEnd fe = model.frontEnd();
    double[][] raw = SessionSignals.select(signal, fe, file, warnings);
    int n = raw[0].length;
    Tracker tracker = new Tracker(model, signal.startTimeSeconds(), offline ? null : smoothing);
    double[][] emg = null;
    double[][] eog = null;
    if (offline) {
      BandSplitter splitter = fe.splitter();
      emg = new double[raw.length][];
      eog = new double[raw.length][];
      for (int c = 0; c < raw.length; c++) {
        emg[c] = ZeroPhaseSosFilter.filter(splitter.emgFilter(fe.samplingRateHz()), raw[c]);
        eog[c] = ZeroPhaseSosFilter.filter(splitter.eogFilter(fe.samplingRateHz()), raw[c]);
      }
    }
    int block = Math.max(1, (int) Math.round(fe.samplingRateHz() / fe.fps()));
    List<Tracker.Frame> frames = new ArrayList<>();
    for (int from = 0; from < n; from += block) {
      int to = Math.min(n, from + block);
      if (offline) {
        frames.addAll(tracker.pushBands(emg, eog, from, to));
      } else {
        double[][] chunk = new double[raw.length][];
        for (int c = 0; c < raw.length; c++) {
          chunk[c] = Arrays.copyOfRange(raw[c], from, to);
        }
        frames.addAll(tracker.pushRaw(chunk));
      }
      if ((from / block) % 300 == 0) {
        progress.accept(to / (double) n);
      }
    }
    progress.accept(1);
    LandmarkTrack track = toTrack(frames, model.landmarkFrame().set());
    if (offline) {
      track = new RtsSmoother(smoothing).smooth(track);
    }
    return new Result(track, frames.stream().mapToLong(Tracker.Frame::networkNanos).toArray(),
        frames.stream().mapToLong(Tracker.Frame::smoothingNanos).toArray());
  }

  private static LandmarkTrack toTrack(List<Tracker.Frame> frames, LandmarkSet set) {
    int points = set.size();
    double[] times = new double[frames.size()];
    double[][] data = new double[frames.size()][];
    boolean[] missing = new boolean[frames.size()];
    for (int f = 0; f < times.length; f++) {
      Tracker.Frame frame = frames.get(f);
      times[f] = frame.timeSeconds();
      missing[f] = frame.landmarks() == null;
      if (missing[f]) {
        data[f] = new double[2 * points];
        Arrays.fill(data[f], Double.NaN);
      } else {
        data[f] = frame.landmarks();
      }
    }
    return new LandmarkTrack(times, points, data, missing);
  }
}
