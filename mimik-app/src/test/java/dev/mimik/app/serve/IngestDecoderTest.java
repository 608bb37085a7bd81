package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestDecoderTest {

  @Test
  void binaryBlockRoundTripsAndHasTheDocumentedLayout() {
    SampleBlock block = new SampleBlock(42, 250, new double[][] {{1, 2, 3}, {-1.5, -2.5, -3.5}});
    ByteBuffer bytes = IngestDecoder.encodeBinary(block);
    assertThat(bytes.remaining()).isEqualTo(24 + 2 * 3 * 4);
    // the layout docs/INGEST.md gives, byte by byte
    assertThat(new String(new byte[] {bytes.get(0), bytes.get(1), bytes.get(2), bytes.get(3)})).isEqualTo("MMK1");
    assertThat(bytes.getShort(4)).isEqualTo((short) 2);
    assertThat(bytes.getShort(6)).isEqualTo((short) 3);
    assertThat(bytes.getDouble(8)).isEqualTo(250.0);
    assertThat(bytes.getLong(16)).isEqualTo(42L);
    assertThat(bytes.getFloat(24)).isEqualTo(1f);
    assertThat(bytes.getFloat(28)).isEqualTo(-1.5f);
    assertThat(bytes.getFloat(32)).isEqualTo(2f);
    SampleBlock back = IngestDecoder.decodeBinary(bytes);
    assertThat(back.sequence()).isEqualTo(42);
    assertThat(back.samplingRate()).isEqualTo(250);
    assertThat(back.samples()).isDeepEqualTo(block.samples());
  }

  @Test
  void theBlockDocsIngestMdTellsPythonToBuildDecodes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path out = dir.resolve("block.bin");
    // the packing lines of the docs/INGEST.md example, verbatim apart from writing to a file
    String script = String.join("\n",
        "import struct, sys",
        "seq = 41",
        "block = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]          # 2 channels x 3 samples",
        "C, N = len(block), len(block[0])",
        "body = b\"\".join(struct.pack(\">f\", block[c][i]) for i in range(N) for c in range(C))",
        "open(sys.argv[1], 'wb').write(b\"MMK1\" + struct.pack(\">HHdQ\", C, N, 250.0, seq) + body)");
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", script, out.toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("python3 is not installed");
      return;
    }
    String log = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(log).isZero();
    SampleBlock b = IngestDecoder.decodeBinary(ByteBuffer.wrap(java.nio.file.Files.readAllBytes(out)));
    assertThat(b.sequence()).isEqualTo(41);
    assertThat(b.samplingRate()).isEqualTo(250);
    assertThat(b.samples()).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
  }

  @Test
  void jsonBlockIsReadChannelByChannel() {
    SampleBlock b = IngestDecoder.decodeJson("{\"seq\": 7, \"rate\": 500, \"samples\": [[1, 2], [3.5, 4]]}");
    assertThat(b.sequence()).isEqualTo(7);
    assertThat(b.samplingRate()).isEqualTo(500);
    assertThat(b.samples()).isDeepEqualTo(new double[][] {{1, 2}, {3.5, 4}});
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "hello", "[]", "{}", "{\"seq\": 1, \"rate\": 250}", "{\"seq\": 1.5, \"rate\": 250, \"samples\": [[1]]}",
      "{\"seq\": 1, \"rate\": 0, \"samples\": [[1]]}", "{\"seq\": 1, \"rate\": 250, \"samples\": [[1, 2], [3]]}",
      "{\"seq\": 1, \"rate\": 250, \"samples\": [[\"a\"]]}", "{\"seq\": -1, \"rate\": 250, \"samples\": [[1]]}",
      "{\"seq\": 1, \"rate\": 250, \"samples\": []}", "{\"seq\": 1, \"rate\": 250, \"samples\": [[]]}",
  })
  void malformedJsonIsRejectedWithAReason(String text) {
    assertThatThrownBy(() -> IngestDecoder.decodeJson(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageFindingMatch("(JSON|seq|rate|samples|channel|block)");
  }

  @Test
  void seededRandomAndCorruptedBinaryIsRejectedNeverCrashes() {
    Random rnd = new Random(11);
    ByteBuffer good = IngestDecoder.encodeBinary(new SampleBlock(5, 250, new double[][] {{1, 2, 3, 4}}));
    for (int trial = 0; trial < 2000; trial++) {
      byte[] bytes;
      if (trial % 2 == 0) {
        bytes = new byte[rnd.nextInt(64)];
        rnd.nextBytes(bytes);
      } else {
        bytes = new byte[good.remaining()];
        good.duplicate().get(bytes);
        bytes[rnd.nextInt(24)] ^= (byte) (1 + rnd.nextInt(255));
        if (rnd.nextBoolean()) {
          bytes = java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length));
        }
      }
      byte[] input = bytes;
      Throwable t = catchThrowable(() -> IngestDecoder.decodeBinary(ByteBuffer.wrap(input)));
      if (t != null) {
        assertThat(t).isInstanceOf(IllegalArgumentException.class);
      }
    }
    assertThatThrownBy(() -> IngestDecoder.decodeBinary(ByteBuffer.wrap("MMK0xxxxxxxxxxxxxxxxxxxxxxxx".getBytes())))
        .hasMessageContaining("not MMK1");
  }

  @Test
  void seededCorruptedJsonIsRejectedWithAReasonNeverCrashes() {
    Random rnd = new Random(12);
    byte[] good = "{\"seq\": 17, \"rate\": 250.0, \"samples\": [[12.5, 13.1, 12.9], [-3.0, -2.8, -2.7]]}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int rejected = 0;
    for (int trial = 0; trial < 2000; trial++) {
      String text = new String(dev.mimik.testing.Corruptions.corrupt(good, rnd), java.nio.charset.StandardCharsets.UTF_8);
      Throwable t = catchThrowable(() -> IngestDecoder.decodeJson(text));
      if (t != null) {
        assertThat(t).as(text).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.getMessage()).as(text).isNotBlank();
        rejected++;
      }
    }
    assertThat(rejected).isPositive();
  }
}
