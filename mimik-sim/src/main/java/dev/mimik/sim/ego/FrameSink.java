package dev.mimik.sim.ego;

import dev.mimik.face.render.IrImage;
import java.io.IOException;

/**
 * Receives a recording's camera images as they are rendered, frame by frame, cameras in the headset's order.
 * Called from the thread that renders the recording; one sink per recording.
 */
@FunctionalInterface
public interface FrameSink {

  /** One image of camera {@code camera} (index into the headset's embedded cameras) at frame {@code frame}. */
  void accept(int camera, int frame, IrImage image) throws IOException;
}
