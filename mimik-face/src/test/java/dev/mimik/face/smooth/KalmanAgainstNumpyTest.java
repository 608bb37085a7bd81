package dev.mimik.face.smooth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The filter and the smoother against a plain numpy Kalman filter + RTS pass written from the textbook equations. */
class KalmanAgainstNumpyTest {

  private static final String ORACLE = String.join("\n",
      "import numpy as np, sys, json",
      "d = json.loads(sys.stdin.read())",
      "t = np.array(d['t']); z = np.array(d['z'], dtype=float); a2 = d['q'] ** 2; r = d['r'] ** 2",
      "H = np.array([[1., 0, 0, 0], [0, 1, 0, 0]]); R = r * np.eye(2)",
      "x = np.array([z[0, 0], z[0, 1], 0, 0]); P = np.diag([r, r, a2, a2])",
      "xs, Ps, xp, Pp, Fs = [x], [P], [None], [None], [None]",
      "for k in range(1, len(t)):",
      "    dt = t[k] - t[k - 1]",
      "    F = np.eye(4); F[0, 2] = F[1, 3] = dt",
      "    p, c, v = a2 * dt ** 4 / 4, a2 * dt ** 3 / 2, a2 * dt ** 2",
      "    Q = np.array([[p, 0, c, 0], [0, p, 0, c], [c, 0, v, 0], [0, c, 0, v]])",
      "    x1 = F @ x; P1 = F @ P @ F.T + Q",
      "    xp.append(x1); Pp.append(P1); Fs.append(F)",
      "    if np.isfinite(z[k]).all():",
      "        S = H @ P1 @ H.T + R; K = P1 @ H.T @ np.linalg.inv(S)",
      "        x = x1 + K @ (z[k] - H @ x1); P = (np.eye(4) - K @ H) @ P1",
      "    else:",
      "        x, P = x1, P1",
      "    xs.append(x); Ps.append(P)",
      "filt = [list(s[:2]) for s in xs]",
      "sm = [None] * len(t); sm[-1] = xs[-1]",
      "for k in range(len(t) - 2, -1, -1):",
      "    C = Ps[k] @ Fs[k + 1].T @ np.linalg.inv(Pp[k + 1])",
      "    sm[k] = xs[k] + C @ (sm[k + 1] - xp[k + 1])",
      "print(json.dumps({'filtered': filt, 'smoothed': [list(s[:2]) for s in sm]}))");

  @Test
  void filterAndSmootherMatchTheTextbookEquations() throws Exception {
    int n = 40;
    Random random = new Random(5);
    double[] times = new double[n];
    double[][] frames = new double[n][2];
    boolean[] missing = new boolean[n];
    double time = 0;
    for (int f = 0; f < n; f++) {
      time += 0.02 + 0.03 * random.nextDouble();   // uneven frame times
      times[f] = time;
      frames[f][0] = 100 + 30 * Math.sin(3 * time) + random.nextGaussian();
      frames[f][1] = 50 + 10 * time + random.nextGaussian();
      if (f >= 15 && f < 20) {
        missing[f] = true;
        Arrays.fill(frames[f], Double.NaN);
      }
    }
    LandmarkTrack track = new LandmarkTrack(times, 1, frames, missing);
    KalmanSettings settings = new KalmanSettings(150, 1.5);
    String input = String.format(Locale.ROOT, "{\"t\": [%s], \"z\": [%s], \"q\": %s, \"r\": %s}",
        Arrays.stream(times).mapToObj(Double::toString).collect(Collectors.joining(",")),
        Arrays.stream(frames).map(p -> Double.isNaN(p[0]) ? "[NaN, NaN]" : "[" + p[0] + "," + p[1] + "]")
            .collect(Collectors.joining(",")), settings.processNoise(), settings.measurementNoise());

    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", ORACLE).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not available: " + e.getMessage());
      return;
    }
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assumptions.assumeTrue(p.waitFor() == 0, "python3 with numpy failed: " + out);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);

    LandmarkTrack causal = KalmanLandmarkFilter.filter(track, settings);
    LandmarkTrack smooth = new RtsSmoother(settings).smooth(track);
    for (int f = 0; f < n; f++) {
      for (int k = 0; k < 2; k++) {
        assertThat(causal.frames()[f][k]).as("filtered frame %d", f)
            .isCloseTo(json.get("filtered").get(f).get(k).asDouble(), within(1e-8));
        assertThat(smooth.frames()[f][k]).as("smoothed frame %d", f)
            .isCloseTo(json.get("smoothed").get(f).get(k).asDouble(), within(1e-8));
      }
    }
  }
}
