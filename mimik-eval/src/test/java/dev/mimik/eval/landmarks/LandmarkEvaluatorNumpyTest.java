package dev.mimik.eval.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimik.core.data.LandmarkTrack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the evaluator against an independent numpy implementation of the same definitions, on random tracks. */
class LandmarkEvaluatorNumpyTest {

  private static final String NUMPY = """
      import json, sys
      import numpy as np
      t = np.loadtxt(sys.argv[1], delimiter=',', ndmin=2)
      p = np.loadtxt(sys.argv[2], delimiter=',', ndmin=2)
      mm = float(sys.argv[3])
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
      print(json.dumps({"nme": errs.mean(), "std": errs.std(), "mae": errs.mean() * mm / 100, "frames": len(per_frame),
          "missing": missing, "unmatched": unmatched, "per_frame": per_frame,
          "landmarks": present, "per_lm": [float(np.mean(per_lm[k])) for k in present],
          "excluded": [k for k in range(68) if not per_lm[k]], "points_missing": int(lost[present].sum())}))
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void matchesNumpyOnRandomTracks(int seed) throws Exception {
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
    JsonNode py = numpy(truth, pred, 85);

    assertThat(m.frames()).isEqualTo(py.get("frames").asInt()).isGreaterThan(100);
    assertThat(m.framesMissing()).isEqualTo(py.get("missing").asInt());
    assertThat(m.framesUnmatched()).isEqualTo(py.get("unmatched").asInt());
    assertThat(m.pointsMissing()).isEqualTo(py.get("points_missing").asInt());
    assertThat(m.nmePercent()).isCloseTo(py.get("nme").asDouble(), within(1e-9));
    assertThat(m.nmeStdPercent()).isCloseTo(py.get("std").asDouble(), within(1e-9));
    assertThat(m.maeMm()).isCloseTo(py.get("mae").asDouble(), within(1e-9));
    for (int f = 0; f < m.frames(); f++) {
      assertThat(m.frameNmePercent()[f]).isCloseTo(py.get("per_frame").get(f).asDouble(), within(1e-9));
    }
    assertThat(m.perLandmark()).hasSize(py.get("landmarks").size());
    for (int k = 0; k < m.perLandmark().size(); k++) {
      assertThat(m.perLandmark().get(k).ibug()).isEqualTo(py.get("landmarks").get(k).asInt());
      assertThat(m.perLandmark().get(k).nmePercent()).isCloseTo(py.get("per_lm").get(k).asDouble(), within(1e-9));
    }
    assertThat(m.excludedLandmarks()).hasSize(py.get("excluded").size()).hasSize(fiftyOne ? 17 : 0);
  }

  private JsonNode numpy(LandmarkTrack truth, LandmarkTrack pred, double mm) throws Exception {
    Path script = Files.writeString(dir.resolve("oracle.py"), NUMPY);
    Path t = write(truth, "truth.csv");
    Path p = write(pred, "pred.csv");
    Process proc;
    try {
      proc = new ProcessBuilder("python3", script.toString(), t.toString(), p.toString(), Double.toString(mm))
          .redirectError(dir.resolve("err.txt").toFile()).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not installed: " + e.getMessage());
      return null;
    }
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"));
    Assumptions.assumeFalse(err.contains("No module named 'numpy'"), "python3 has no numpy");
    assertThat(proc.exitValue()).as(err).isZero();
    return new ObjectMapper().readTree(out);
  }

  private Path write(LandmarkTrack track, String name) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int f = 0; f < track.frameCount(); f++) {
      sb.append(track.timesSeconds()[f]).append(',').append(track.missing()[f] ? 1 : 0);
      for (double v : track.frames()[f]) {
        sb.append(',').append(Double.isNaN(v) ? "nan" : Double.toString(v));
      }
      sb.append('\n');
    }
    return Files.writeString(dir.resolve(name), sb);
  }
}
