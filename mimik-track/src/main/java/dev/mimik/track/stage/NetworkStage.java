package dev.mimik.track.stage;

import dev.mimik.learn.bioface.LandmarkFrame;
import dev.mimik.learn.bionet.BioNetModel;
import dev.mimik.track.Frame;
import dev.mimik.track.Stage;
import java.util.function.Consumer;

/**
 * BioNet on each frame's window (a batch of one): aligned landmarks, shown in the training camera's pixels through
 * the model's {@link LandmarkFrame}. A frame without a window passes on without landmarks.
 */
public final class NetworkStage implements Stage {

  private final BioNetModel network;
  private final LandmarkFrame landmarkFrame;

  public NetworkStage(BioNetModel network, LandmarkFrame landmarkFrame) {
    this.network = network;
    this.landmarkFrame = landmarkFrame;
  }

  @Override
  public String name() {
    return "network";
  }

  @Override
  public void process(Frame frame, Consumer<Frame> out) {
    if (frame.window() != null) {
      float[] aligned = network.predictFrame(frame.window());
      double[] a = new double[aligned.length];
      for (int i = 0; i < a.length; i++) {
        a[i] = aligned[i];
      }
      frame.setLandmarks(landmarkFrame.display().apply(a));
    }
    out.accept(frame);
  }
}
