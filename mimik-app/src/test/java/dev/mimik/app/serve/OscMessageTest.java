package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OscMessageTest {

  @TempDir Path dir;

  @Test
  void matchesTheOscSpecificationExample() {
    // OSC 1.0 specification, "Examples": /oscillator/4/frequency ,f 440.0
    String expected = "2f6f7363" + "696c6c61" + "746f722f" + "342f6672" + "65717565" + "6e637900"
        + "2c660000" + "43dc0000";
    assertThat(HexFormat.of().formatHex(OscMessage.of("/oscillator/4/frequency", 440.0f).encode()))
        .isEqualTo(expected);
    // and "/foo" ,iisff 1000 -1 "hello" 1.234 5.678
    String foo = "2f666f6f" + "00000000" + "2c696973" + "66660000" + "000003e8" + "ffffffff" + "68656c6c"
        + "6f000000" + "3f9df3b6" + "40b5b22d";
    assertThat(HexFormat.of().formatHex(OscMessage.of("/foo", 1000, -1, "hello", 1.234f, 5.678f).encode()))
        .isEqualTo(foo);
  }

  @Test
  void vmcBundleDecodesToTheFramesBlendshapesThenApply() {
    TrackedFrame frame = frame();
    ByteBuffer b = ByteBuffer.wrap(VmcBlendSender.encode(frame));
    assertThat(readString(b)).isEqualTo("#bundle");
    assertThat(b.getLong()).isEqualTo(1L);
    List<String> addresses = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Float> values = new ArrayList<>();
    while (b.hasRemaining()) {
      int size = b.getInt();
      ByteBuffer m = b.slice(b.position(), size);
      b.position(b.position() + size);
      addresses.add(readString(m));
      String tags = readString(m);
      if (tags.equals(",sf")) {
        names.add(readString(m));
        values.add(m.getFloat());
      } else {
        assertThat(tags).isEqualTo(",");
      }
      assertThat(m.hasRemaining()).isFalse();
    }
    assertThat(addresses).hasSize(53);
    assertThat(addresses.subList(0, 52)).containsOnly("/VMC/Ext/Blend/Val");
    assertThat(addresses.get(52)).isEqualTo("/VMC/Ext/Blend/Apply");
    assertThat(names).isEqualTo(Blendshapes.ARKIT_52);
    for (int k = 0; k < 52; k++) {
      assertThat(values.get(k)).isEqualTo((float) frame.blendshapes()[k]);
    }
  }

  @Test
  void theSenderPutsOneBundlePerFrameOnTheWire() throws Exception {
    try (java.net.DatagramSocket receiver = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
        VmcBlendSender sender = new VmcBlendSender(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), receiver.getLocalPort()))) {
      receiver.setSoTimeout(10_000);
      sender.onFrame(frame());
      java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[65_536], 65_536);
      receiver.receive(packet);
      assertThat(java.util.Arrays.copyOf(packet.getData(), packet.getLength()))
          .isEqualTo(VmcBlendSender.encode(frame()));
    }
  }

  private static TrackedFrame frame() {
    double[] w = new double[52];
    for (int k = 0; k < 52; k++) {
      w[k] = (k % 10) / 10.0;
    }
    w[Blendshapes.indexOf("jawOpen")] = 0.3;
    return new TrackedFrame(0, new double[0][], w, 0, 0, 0, Map.of());
  }

  private static String readString(ByteBuffer b) {
    int start = b.position();
    while (b.get() != 0) {
      // find the NUL
    }
    int end = b.position() - 1;
    String s = new String(b.array(), b.arrayOffset() + start, end - start, StandardCharsets.UTF_8);
    b.position(start + ((end - start) / 4 + 1) * 4);
    return s;
  }
}
