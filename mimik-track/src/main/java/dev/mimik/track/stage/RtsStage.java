package dev.mimik.track.stage;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.smooth.KalmanSettings;
import dev.mimik.face.smooth.RtsSmoother;
import dev.mimik.track.Frame;
import dev.mimik.track.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Two-sided smoothing of the tracked landmarks for recordings ({@link RtsSmoother}): it holds every frame until the
 * stream ends, then smooths them all at once; frames before the first full window get the smoother's estimate too.
 */
public final class RtsStage implements Stage {

  private final RtsSmoother smoother;
  private final int points;
  private final List<Frame> held = new ArrayList<>();

  public RtsStage(KalmanSettings settings, int points) {
    this.smoother = new RtsSmoother(settings);
    this.points = points;
  }

  @Override
  public String name() {
    return "smoothing";
  }

  @Override
  public void process(Frame frame, Consumer<Frame> out) {
    held.add(frame);
  }

  @Override
  public void finish(Consumer<Frame> out) {
    if (held.stream().anyMatch(Frame::tracked)) {
      double[] times = new double[held.size()];
      double[][] data = new double[held.size()][];
      boolean[] missing = new boolean[held.size()];
      for (int f = 0; f < times.length; f++) {
        Frame frame = held.get(f);
        times[f] = frame.timeSeconds();
        missing[f] = !frame.tracked();
        data[f] = missing[f] ? nan(2 * points) : frame.landmarks();
      }
      LandmarkTrack smoothed = smoother.smooth(new LandmarkTrack(times, points, data, missing));
      for (int f = 0; f < times.length; f++) {
        if (!smoothed.missing()[f]) {
          held.get(f).setLandmarks(smoothed.frames()[f]);
        }
      }
    }
    held.forEach(out);
    held.clear();
  }

  private static double[] nan(int n) {
    double[] x = new double[n];
    Arrays.fill(x, Double.NaN);
    return x;
  }
}
