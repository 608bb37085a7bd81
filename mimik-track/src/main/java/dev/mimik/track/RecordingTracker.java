package dev.mimik.track;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalStream;
import dev.mimik.face.fit.RestShape;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.SessionSignals;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.signal.band.BandSplitter;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import dev.mimik.track.stage.FaceFitStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Tracks a recording through a {@link TrackingPipeline}, one video frame's worth of samples at a time as a live
 * stream delivers them ({@code mimik serve --replay} pushes the same blocks, so a causal run gives what the live
 * viewer shows): causally as a file is read ({@link #stream}), or held in memory ({@link #track}). Offline, the
 * samples are first split into their bands zero-phase over the whole recording, which must be in memory.
 */
public final class RecordingTracker {

  private RecordingTracker() {}

  /**
   * Tracks a recording held in memory and keeps every frame.
   *
   * @param file the signal file, for messages
   * @param rig the face to fit, or null for landmarks only
   * @param warnings receives warnings (a resampled channel)
   * @param progress receives the fraction done, from 0 to 1
   */
  public static TrackedRecording track(TrackingModel model, Signal signal, Path file, FaceRig rig,
      TrackingRecipe recipe, Consumer<String> warnings, DoubleConsumer progress) {
    List<Frame> frames = new ArrayList<>();
    Streamed run;
    if (recipe.offline()) {
      run = offline(model, signal, file, rig, recipe, warnings, progress, frames::add);
    } else {
      try (SignalStream stream = SignalStream.of(file, signal)) {
        run = stream(model, stream, rig, recipe, warnings, progress, names -> { }, frames::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new TrackedRecording(frames, run.set(), run.stageNames(), run.rest());
  }

  /**
   * What a run tracked, its frames handed on as they left the pipeline.
   *
   * @param frames frames handed on
   * @param set the landmark set tracked
   * @param stageNames the pipeline's stages, the order of {@link Frame#stageNanos}
   * @param rest the rest shape the face was fitted with, or null without a face
   * @param durationSeconds the length of the samples tracked
   */
  public record Streamed(int frames, LandmarkSet set, List<String> stageNames, RestShape rest,
      double durationSeconds) {}

  /**
   * Tracks a recording causally as it is read, block by block, handing each frame to {@code sink} as it leaves the
   * pipeline: what is held does not grow with the recording's length (unless a channel must be resampled to the
   * model's rate, which reads the recording whole first). The samples enter the pipeline in the blocks of
   * {@link #blockSamples}, whatever blocks the file delivers, so the frames equal those of {@link #track}.
   *
   * @param warnings receives warnings (a resampled channel)
   * @param progress receives the fraction done, from 0 to 1 (only at the end when the file does not say its length)
   * @param stageNames receives the pipeline's stage names (the order of {@link Frame#stageNanos}) before any frame
   * @throws IllegalArgumentException for an offline recipe, which filters the whole recording
   */
  public static Streamed stream(TrackingModel model, SignalStream stream, FaceRig rig, TrackingRecipe recipe,
      Consumer<String> warnings, DoubleConsumer progress, Consumer<List<String>> stageNames, Consumer<Frame> sink)
      throws IOException {
    if (recipe.offline()) {
      throw new IllegalArgumentException("offline tracking filters the whole recording at once");
    }
    FrontEnd fe = model.frontEnd();
    Path file = stream.file();
    int[] picked = SessionSignals.indices(stream.channelNames(), fe, file);
    double fs = fe.samplingRateHz();
    boolean atRate = Arrays.stream(picked)
        .allMatch(c -> Math.abs(stream.channels().get(c).samplingRate() - fs) < 1e-9 * fs);
    TrackingPipeline pipeline = recipe.build(model, rig, stream.startTimeSeconds(), null);
    stageNames.accept(pipeline.stageNames());
    Blocks blocks = new Blocks(pipeline, picked.length, blockSamples(fe), sink);
    double expected = stream.durationSeconds() * fs;
    if (atRate) {
      for (double[][] read = stream.next(); read != null; read = stream.next()) {
        double[][] chosen = new double[picked.length][];
        for (int c = 0; c < picked.length; c++) {
          chosen[c] = read[picked[c]];
        }
        blocks.add(chosen, to -> {
          if (expected > 0) {
            progress.accept(Math.min(1, to / expected));
          }
        });
      }
    } else {
      blocks.add(SessionSignals.select(stream.readAll(), fe, file, warnings), to -> { });
    }
    long n = blocks.finish();
    progress.accept(1);
    return done(model, pipeline, blocks.frames, blocks.tracked, file, n);
  }

  /** The offline path: the bands split zero-phase over the whole recording, then pushed a video frame at a time. */
  private static Streamed offline(TrackingModel model, Signal signal, Path file, FaceRig rig, TrackingRecipe recipe,
      Consumer<String> warnings, DoubleConsumer progress, Consumer<Frame> sink) {
    FrontEnd fe = model.frontEnd();
    double[][] raw = SessionSignals.select(signal, fe, file, warnings);
    int n = raw[0].length;
    BandSplitter splitter = fe.splitter();
    double[][] emg = new double[raw.length][];
    double[][] eog = new double[raw.length][];
    for (int c = 0; c < raw.length; c++) {
      emg[c] = ZeroPhaseSosFilter.filter(splitter.emgFilter(fe.samplingRateHz()), raw[c]);
      eog[c] = ZeroPhaseSosFilter.filter(splitter.eogFilter(fe.samplingRateHz()), raw[c]);
    }
    TrackingPipeline pipeline = recipe.build(model, rig, signal.startTimeSeconds(), eog);
    int block = blockSamples(fe);
    int[] counts = new int[2];
    Consumer<Frame> counted = f -> {
      counts[0]++;
      counts[1] += f.tracked() ? 1 : 0;
      sink.accept(f);
    };
    for (int from = 0; from < n; from += block) {
      int to = Math.min(n, from + block);
      pipeline.pushBands(emg, eog, from, to).forEach(counted);
      if ((from / block) % 300 == 0) {
        progress.accept(to / (double) n);
      }
    }
    pipeline.finish().forEach(counted);
    progress.accept(1);
    return done(model, pipeline, counts[0], counts[1], file, n);
  }

  private static Streamed done(TrackingModel model, TrackingPipeline pipeline, int frames, int tracked, Path file,
      long samples) {
    FrontEnd fe = model.frontEnd();
    if (tracked == 0) {
      throw new BadInputException(file, "is shorter than one " + fe.windowSeconds() + " s window ("
          + samples / fe.samplingRateHz() + " s): nothing to track");
    }
    RestShape rest = pipeline.stage(FaceFitStage.class).map(FaceFitStage::rest).orElse(null);
    return new Streamed(frames, model.landmarkFrame().set(), pipeline.stageNames(), rest,
        samples / fe.samplingRateHz());
  }

  /** Samples of any block size regrouped into blocks of one video frame, pushed through the pipeline. */
  private static final class Blocks {
    private final TrackingPipeline pipeline;
    private final int size;
    private final double[][] pending;
    private final Consumer<Frame> sink;
    private int filled;
    private long pushed;
    private int frames;
    private int tracked;

    Blocks(TrackingPipeline pipeline, int channels, int size, Consumer<Frame> sink) {
      this.pipeline = pipeline;
      this.size = size;
      this.pending = new double[channels][size];
      this.sink = sink;
    }

    /** Samples {@code [channel][i]}, all channels the same length; {@code progress} gets the samples pushed. */
    void add(double[][] samples, java.util.function.LongConsumer progress) {
      int n = Arrays.stream(samples).mapToInt(x -> x.length).min().orElse(0);
      for (int from = 0; from < n; ) {
        int take = Math.min(size - filled, n - from);
        for (int c = 0; c < pending.length; c++) {
          System.arraycopy(samples[c], from, pending[c], filled, take);
        }
        filled += take;
        from += take;
        if (filled == size) {
          push(size);
          if ((pushed / size) % 300 == 1) {
            progress.accept(pushed);
          }
        }
      }
    }

    /** Pushes what is left and ends the stream; returns the samples pushed. */
    long finish() {
      if (filled > 0) {
        push(filled);
      }
      pipeline.finish().forEach(this::hand);
      return pushed;
    }

    private void push(int count) {
      double[][] chunk = new double[pending.length][];
      for (int c = 0; c < pending.length; c++) {
        chunk[c] = Arrays.copyOf(pending[c], count);
      }
      pipeline.push(chunk).forEach(this::hand);
      pushed += count;
      filled = 0;
    }

    private void hand(Frame f) {
      frames++;
      tracked += f.tracked() ? 1 : 0;
      sink.accept(f);
    }
  }

  /** Samples in one video frame: the block a live stream delivers, and the one a replay pushes. */
  public static int blockSamples(FrontEnd frontEnd) {
    return Math.max(1, (int) Math.round(frontEnd.samplingRateHz() / frontEnd.fps()));
  }
}
