package dev.mimik.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestGateTest {

  /** Records what the gate passes on. */
  static final class Recorder implements SampleSink {
    final List<Long> sequences = new ArrayList<>();
    final List<double[][]> blocks = new ArrayList<>();
    final List<String> gaps = new ArrayList<>();

    @Override
    public void accept(long sequence, double[][] samples) {
      sequences.add(sequence);
      blocks.add(samples);
    }

    @Override
    public void gap(long firstMissing, long count, boolean bridged) {
      gaps.add(firstMissing + "+" + count + (bridged ? " bridged" : " open"));
    }
  }

  private static SampleBlock block(long seq, double... values) {
    return new SampleBlock(seq, 100, new double[][] {values});
  }

  @Test
  void lateAndDuplicateBlocksAreDropped() {
    Recorder sink = new Recorder();
    IngestGate gate = new IngestGate(sink, 0.5);
    assertThat(gate.offer(block(10, 1, 2))).isEqualTo(IngestGate.Outcome.ACCEPTED);
    assertThat(gate.offer(block(11, 3, 4))).isEqualTo(IngestGate.Outcome.ACCEPTED);
    assertThat(gate.offer(block(11, 3, 4))).isEqualTo(IngestGate.Outcome.LATE);
    assertThat(gate.offer(block(9, 0, 0))).isEqualTo(IngestGate.Outcome.LATE);
    assertThat(gate.offer(block(12, 5, 6))).isEqualTo(IngestGate.Outcome.ACCEPTED);
    assertThat(sink.sequences).containsExactly(10L, 11L, 12L);
    assertThat(gate.late()).isEqualTo(2);
    assertThat(sink.gaps).isEmpty();
  }

  @Test
  void shortGapIsFlaggedAndBridgedByLinearInterpolation() {
    Recorder sink = new Recorder();
    IngestGate gate = new IngestGate(sink, 0.5);
    gate.offer(block(1, 0, 1));
    // blocks 2 and 3 (2 samples each) are lost; block 4 starts at 6: the line from 1 to 6 over 5 steps
    assertThat(gate.offer(block(4, 6, 7))).isEqualTo(IngestGate.Outcome.BRIDGED);
    assertThat(sink.gaps).containsExactly("2+2 bridged");
    assertThat(sink.sequences).containsExactly(1L, 2L, 3L, 4L);
    assertThat(sink.blocks.get(1)[0]).containsExactly(2, 3);
    assertThat(sink.blocks.get(2)[0]).containsExactly(4, 5);
    assertThat(gate.missing()).isEqualTo(2);
  }

  @Test
  void longGapIsFlaggedButNotFilled() {
    Recorder sink = new Recorder();
    IngestGate gate = new IngestGate(sink, 0.5);
    gate.offer(block(1, 0, 1));
    // 100 blocks of 2 samples at 100 Hz = 2 s: longer than the 0.5 s bridge
    assertThat(gate.offer(block(102, 5, 5))).isEqualTo(IngestGate.Outcome.GAP);
    assertThat(sink.gaps).containsExactly("2+100 open");
    assertThat(sink.sequences).containsExactly(1L, 102L);
  }

  @Test
  void aBlockWithOtherChannelsOrRateIsRefused() {
    IngestGate gate = new IngestGate(new Recorder(), 0.5);
    gate.offer(block(1, 0));
    assertThatThrownBy(() -> gate.offer(new SampleBlock(2, 100, new double[][] {{1}, {2}})))
        .hasMessageContaining("has 2 channels at 100.0 Hz; the stream has 1 at 100.0 Hz");
    assertThatThrownBy(() -> gate.offer(new SampleBlock(2, 250, new double[][] {{1}})))
        .hasMessageContaining("250.0 Hz");
  }
}
