package dev.mimik.signal.preset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.signal.artefact.Artefact;
import java.util.List;
import org.junit.jupiter.api.Test;

class EiferChainCleanFramesTest {

  /**
   * At 4096 Hz with 513 taps and a 2048-sample RMS, a frame depends on samples within (1024 + 256.5) / 4096 =
   * 0.3127 s of its time: an artefact at 10.0-10.5 s spoils the frames from 9.6873 s to 10.8127 s, at 30 fps frames
   * 291 to 324.
   */
  @Test
  void framesWhoseWindowsReachAnArtefactAreNotClean() {
    boolean[] clean = EiferChain.sound().cleanFrames(List.of(new Artefact(10.0, 10.5)), 4096, 600);
    for (int f = 0; f < clean.length; f++) {
      assertThat(clean[f]).as("frame %d", f).isEqualTo(f < 291 || f > 324);
    }
  }
}
