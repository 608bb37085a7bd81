package dev.mimik.track.stage;

import dev.mimik.face.smooth.KalmanLandmarkFilter;
import dev.mimik.face.smooth.KalmanSettings;
import dev.mimik.track.Frame;
import dev.mimik.track.Stage;
import java.util.function.Consumer;

/** Causal smoothing of the tracked landmarks: a constant-velocity Kalman filter per point ({@link KalmanLandmarkFilter}). */
public final class KalmanStage implements Stage {

  private final KalmanLandmarkFilter filter;

  public KalmanStage(KalmanSettings settings, int points) {
    this.filter = new KalmanLandmarkFilter(settings, points);
  }

  @Override
  public String name() {
    return "smoothing";
  }

  @Override
  public void process(Frame frame, Consumer<Frame> out) {
    if (frame.tracked()) {
      frame.setLandmarks(filter.process(frame.timeSeconds(), frame.landmarks()));
    }
    out.accept(frame);
  }
}
