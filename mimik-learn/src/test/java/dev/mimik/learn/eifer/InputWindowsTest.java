package dev.mimik.learn.eifer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Columns;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * EMG2Exp's input rows made chunk by chunk ({@link InputWindows}, as {@code mimik emg apply} makes them for a long
 * recording) are those made from the whole recording's arrays at once, as the maps were trained on them: windows
 * reaching across chunk edges, imputed artefacts, and the saccade integral's aligned components, whose statistics
 * take several passes.
 */
class InputWindowsTest {

  private static final int FRAMES = 9_000;
  private static final int CHANNELS = 4;
  private static final int WINDOW = 15;

  @Test
  void rowsInChunksOfAnySizeAreTheWholeRecordingsRows() {
    SplittableRandom r = new SplittableRandom(5);
    double[][] env = new double[FRAMES][CHANNELS];
    double[][] eog = new double[FRAMES][CHANNELS];
    double[][] sac = new double[FRAMES][CHANNELS];
    boolean[][] clean = new boolean[FRAMES][CHANNELS];
    for (int f = 0; f < FRAMES; f++) {
      double gaze = Math.sin(f / 40.0);
      for (int c = 0; c < CHANNELS; c++) {
        env[f][c] = c == 3 && f % 7 == 0 ? 0 : Math.exp(2 + c + r.nextGaussian());
        eog[f][c] = (c - 1.5) * 30 * gaze + r.nextGaussian() + 10 * c;
        sac[f][c] = (c % 2 == 0 ? 1 : -2) * gaze + 0.1 * r.nextGaussian();
        clean[f][c] = c == 2 || (f / 300) % 5 != 1; // channel 2 all clean: nothing imputed on it
      }
    }
    double[][] axes = {{0.5, -0.5, 0.5, -0.5}, {0.5, 0.5, 0.5, 0.5}};

    double[][] logs = FrameWindows.imputed(FrameWindows.log(env), clean);
    double[][] level = FrameWindows.levels(logs);
    double[][] whole = FrameWindows.of(FrameWindows.scaled(logs, level[0], level[1]), WINDOW);
    whole = FrameWindows.joined(whole, FrameWindows.standardised(FrameWindows.imputed(eog, clean)));
    double[][] z = FrameWindows.standardised(FrameWindows.imputed(sac, clean));
    whole = FrameWindows.joined(whole,
        FrameWindows.of(FrameWindows.standardised(AlignedComponents.scores(z, axes)), WINDOW));

    InputWindows in = new InputWindows(Columns.ofRows(env), Columns.ofRows(eog), Columns.ofRows(sac), clean, WINDOW,
        axes);
    assertThat(in.frames()).isEqualTo(FRAMES);
    double worst = 0;
    for (int from = 0; from < FRAMES; ) {
      int to = Math.min(FRAMES, from + 1 + r.nextInt(1500));
      double[][] rows = in.rows(from, to);
      for (int f = from; f < to; f++) {
        assertThat(rows[f - from]).hasSameSizeAs(whole[f]);
        for (int k = 0; k < whole[f].length; k++) {
          worst = Math.max(worst, Math.abs(rows[f - from][k] - whole[f][k]));
        }
      }
      from = to;
    }
    assertThat(worst).isLessThan(1e-12);
    // without the components: the saccade integral's channels at the centre frame, no marks
    double[][] plain = FrameWindows.joined(FrameWindows.of(FrameWindows.scaled(FrameWindows.log(env),
        FrameWindows.levels(FrameWindows.log(env))[0], FrameWindows.levels(FrameWindows.log(env))[1]), WINDOW),
        FrameWindows.standardised(sac));
    assertThat(new InputWindows(Columns.ofRows(env), null, Columns.ofRows(sac), null, WINDOW, null)
        .rows(4000, 4200)).isDeepEqualTo(java.util.Arrays.copyOfRange(plain, 4000, 4200));
  }
}
