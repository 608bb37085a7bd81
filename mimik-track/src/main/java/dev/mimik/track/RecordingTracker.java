package dev.mimik.track;

import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.fit.RestShape;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.SessionSignals;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.signal.band.BandSplitter;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import dev.mimik.track.stage.FaceFitStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Tracks a whole recording through a {@link TrackingPipeline}, one video frame's worth of samples at a time as a live
 * stream delivers them ({@code mimik serve --replay} pushes the same blocks, so a causal run gives what the live
 * viewer shows). Offline, the samples are first split into their bands zero-phase over the whole recording.
 */
public final class RecordingTracker {

  private RecordingTracker() {}

  /**
   * @param file the signal file, for messages
   * @param rig the face to fit, or null for landmarks only
   * @param warnings receives warnings (a resampled channel)
   * @param progress receives the fraction done, from 0 to 1
   */
  public static TrackedRecording track(TrackingModel model, Signal signal, Path file, FaceRig rig,
      TrackingRecipe recipe, Consumer<String> warnings, DoubleConsumer progress) {
    FrontEnd fe = model.frontEnd();
    double[][] raw = SessionSignals.select(signal, fe, file, warnings);
    int n = raw[0].length;
    double[][] emg = null;
    double[][] eog = null;
    if (recipe.offline()) {
      BandSplitter splitter = fe.splitter();
      emg = new double[raw.length][];
      eog = new double[raw.length][];
      for (int c = 0; c < raw.length; c++) {
        emg[c] = ZeroPhaseSosFilter.filter(splitter.emgFilter(fe.samplingRateHz()), raw[c]);
        eog[c] = ZeroPhaseSosFilter.filter(splitter.eogFilter(fe.samplingRateHz()), raw[c]);
      }
    }
    TrackingPipeline pipeline = recipe.build(model, rig, signal.startTimeSeconds(), eog);
    int block = blockSamples(fe);
    List<Frame> frames = new ArrayList<>();
    for (int from = 0; from < n; from += block) {
      int to = Math.min(n, from + block);
      if (recipe.offline()) {
        frames.addAll(pipeline.pushBands(emg, eog, from, to));
      } else {
        double[][] chunk = new double[raw.length][];
        for (int c = 0; c < raw.length; c++) {
          chunk[c] = Arrays.copyOfRange(raw[c], from, to);
        }
        frames.addAll(pipeline.push(chunk));
      }
      if ((from / block) % 300 == 0) {
        progress.accept(to / (double) n);
      }
    }
    frames.addAll(pipeline.finish());
    progress.accept(1);
    if (frames.stream().noneMatch(Frame::tracked)) {
      throw new BadInputException(file, "is shorter than one " + fe.windowSeconds() + " s window ("
          + n / fe.samplingRateHz() + " s): nothing to track");
    }
    RestShape rest = pipeline.stage(FaceFitStage.class).map(FaceFitStage::rest).orElse(null);
    return new TrackedRecording(frames, model.landmarkFrame().set(), pipeline.stageNames(), rest);
  }

  /** Samples in one video frame: the block a live stream delivers, and the one a replay pushes. */
  public static int blockSamples(FrontEnd frontEnd) {
    return Math.max(1, (int) Math.round(frontEnd.samplingRateHz() / frontEnd.fps()));
  }
}
