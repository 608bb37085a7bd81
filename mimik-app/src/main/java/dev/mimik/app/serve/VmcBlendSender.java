package dev.mimik.app.serve;

import dev.mimik.core.data.Blendshapes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each frame's blendshapes over UDP in the VMC protocol's form, so VTuber and avatar tools can be driven:
 * one OSC bundle per frame holding {@code /VMC/Ext/Blend/Val name value} for each of the 52 ARKit shapes, then
 * {@code /VMC/Ext/Blend/Apply}.
 */
public final class VmcBlendSender implements FrameSource.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VmcBlendSender.class);

  private final DatagramChannel channel;
  private final InetSocketAddress target;
  private boolean warned;

  public VmcBlendSender(InetSocketAddress target) throws IOException {
    this.target = target;
    this.channel = DatagramChannel.open();
  }

  /** The OSC bundle for one frame. */
  public static byte[] encode(TrackedFrame frame) {
    List<OscMessage> messages = new ArrayList<>(TrackedFrame.BLENDSHAPES + 1);
    double[] w = frame.blendshapes();
    for (int k = 0; k < w.length; k++) {
      messages.add(OscMessage.of("/VMC/Ext/Blend/Val", Blendshapes.ARKIT_52.get(k), (float) w[k]));
    }
    messages.add(OscMessage.of("/VMC/Ext/Blend/Apply"));
    return OscMessage.bundle(messages);
  }

  @Override
  public void onFrame(TrackedFrame frame) {
    try {
      channel.send(ByteBuffer.wrap(encode(frame)), target);
      warned = false;
    } catch (IOException e) {
      if (!warned) {
        LOG.warn("OSC to {} failed ({}); will keep trying", target, e.getMessage());
        warned = true;
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
