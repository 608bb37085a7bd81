package dev.mimik.eval.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.testing.PythonOracle;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the evaluator against an independent numpy implementation of the same definitions, on random tracks. */
class LandmarkEvaluatorNumpyTest {

  private static final String NUMPY = """
      t = load('truth').reshape(-1, int(load('truth_width')[0]))
      p = load('pred').reshape(-1, int(load('pred_width')[0]))
      mm = load('mm')[0]
      tt, tmiss, tpts = t[:, 0], t[:, 1] > 0, t[:, 2:].reshape(len(t), -1, 2)
      pt, pmiss, ppts = p[:, 0], p[:, 1] > 0, p[:, 2:].reshape(len(p), -1, 2)
      if ppts.shape[1] == 51:  # iBUG 17..67
          full = np.full((len(p), 68, 2), np.nan); full[:, 17:] = ppts; ppts = full
      half = np.median(np.diff(tt)) / 2 + 1e-9
      errs, per_frame, per_lm, missing, unmatched, lost = [], [], [[] for _ in range(68)], 0, 0, np.zeros(68)
      for f in range(len(tt)):
          g = int(np.argmin(np.abs(pt - tt[f])))
          if abs(pt[g] - tt[f]) > half:
              unmatched += 1; continue
          iod = np.linalg.norm(tpts[f, 45] - tpts[f, 36])
          if tmiss[f] or pmiss[g] or not iod > 0:
              missing += 1; continue
          e = np.linalg.norm(ppts[g] - tpts[f], axis=1) / iod * 100
          ok = ~np.isnan(e)
          if not ok.any():
              missing += 1; continue
          lost += np.isnan(e) & ~np.isnan(tpts[f]).any(axis=1)
          per_frame.append(e[ok].mean()); errs.extend(e[ok])
          for k in np.flatnonzero(ok): per_lm[k].append(e[k])
      errs = np.array(errs)
      present = [k for k in range(68) if per_lm[k]]
      save('nme', [errs.mean()]); save('std', [errs.std()]); save('mae', [errs.mean() * mm / 100])
      save('frames', [len(per_frame)]); save('missing', [missing]); save('unmatched', [unmatched])
      save('per_frame', per_frame); save('landmarks', present); save('per_lm', [np.mean(per_lm[k]) for k in present])
      save('excluded', [k for k in range(68) if not per_lm[k]]); save('points_missing', [lost[present].sum()])
      """;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void matchesNumpyOnRandomTracks(int seed) {
    Random random = new Random(seed);
    int frames = 150;
    double[] times = new double[frames];
    double[][] truthFrames = new double[frames][];
    boolean[] truthMissing = new boolean[frames];
    for (int f = 0; f < frames; f++) {
      times[f] = f / 30.0;
      double scale = 0.5 + random.nextDouble();
      truthFrames[f] = TestTracks.face(random);
      for (int i = 0; i < 136; i++) {
        truthFrames[f][i] *= scale;
      }
      truthMissing[f] = random.nextDouble() < 0.05;
    }
    LandmarkTrack truth = new LandmarkTrack(times, 68, truthFrames, truthMissing);

    boolean fiftyOne = seed % 2 == 0;
    int points = fiftyOne ? 51 : 68;
    int kept = 0;
    double[] predTimes = new double[frames];
    double[][] predFrames = new double[frames][];
    boolean[] predMissing = new boolean[frames];
    for (int f = 0; f < frames; f++) {
      if (random.nextDouble() < 0.05) {
        continue; // a dropped frame: some truth frames then have no prediction within half a frame
      }
      predTimes[kept] = times[f] + (random.nextDouble() - 0.5) * 0.9 / 30.0;
      double[] p = new double[2 * points];
      int first = fiftyOne ? 17 : 0;
      for (int i = 0; i < points; i++) {
        double sigma = 2 + 4 * random.nextDouble();
        p[2 * i] = truthFrames[f][2 * (first + i)] + sigma * random.nextGaussian();
        p[2 * i + 1] = truthFrames[f][2 * (first + i) + 1] + sigma * random.nextGaussian();
        if (random.nextDouble() < 0.01) {
          p[2 * i] = Double.NaN;
        }
      }
      predFrames[kept] = p;
      predMissing[kept] = random.nextDouble() < 0.05;
      kept++;
    }
    LandmarkTrack pred = new LandmarkTrack(java.util.Arrays.copyOf(predTimes, kept), points,
        java.util.Arrays.copyOf(predFrames, kept), java.util.Arrays.copyOf(predMissing, kept));

    LandmarkMetrics m = new LandmarkEvaluator(85, java.util.Optional.empty()).evaluate(pred, truth);
    PythonOracle.Outputs py = numpy(truth, pred, 85);

    assertThat(m.frames()).isEqualTo((int) py.scalar("frames")).isGreaterThan(100);
    assertThat(m.framesMissing()).isEqualTo((int) py.scalar("missing"));
    assertThat(m.framesUnmatched()).isEqualTo((int) py.scalar("unmatched"));
    assertThat(m.pointsMissing()).isEqualTo((int) py.scalar("points_missing"));
    assertThat(m.nmePercent()).isCloseTo(py.scalar("nme"), within(1e-9));
    assertThat(m.nmeStdPercent()).isCloseTo(py.scalar("std"), within(1e-9));
    assertThat(m.maeMm()).isCloseTo(py.scalar("mae"), within(1e-9));
    for (int f = 0; f < m.frames(); f++) {
      assertThat(m.frameNmePercent()[f]).isCloseTo(py.get("per_frame")[f], within(1e-9));
    }
    assertThat(m.perLandmark()).hasSize(py.get("landmarks").length);
    for (int k = 0; k < m.perLandmark().size(); k++) {
      assertThat(m.perLandmark().get(k).ibug()).isEqualTo((int) py.get("landmarks")[k]);
      assertThat(m.perLandmark().get(k).nmePercent()).isCloseTo(py.get("per_lm")[k], within(1e-9));
    }
    assertThat(m.excludedLandmarks()).hasSize(py.get("excluded").length).hasSize(fiftyOne ? 17 : 0);
  }

  /** The numpy definitions on the same tracks, each as rows {@code time, missing, x0, y0, x1, ...}. */
  private static PythonOracle.Outputs numpy(LandmarkTrack truth, LandmarkTrack pred, double mm) {
    return PythonOracle.numpy().run(NUMPY, Map.of("truth", rows(truth), "truth_width", width(truth),
        "pred", rows(pred), "pred_width", width(pred), "mm", new double[] {mm}));
  }

  private static double[] rows(LandmarkTrack track) {
    int w = 2 + 2 * track.pointCount();
    double[] rows = new double[track.frameCount() * w];
    for (int f = 0; f < track.frameCount(); f++) {
      rows[f * w] = track.timesSeconds()[f];
      rows[f * w + 1] = track.missing()[f] ? 1 : 0;
      System.arraycopy(track.frames()[f], 0, rows, f * w + 2, w - 2);
    }
    return rows;
  }

  private static double[] width(LandmarkTrack track) {
    return new double[] {2 + 2 * track.pointCount()};
  }
}
