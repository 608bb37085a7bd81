package dev.mimik.face.smooth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.testing.PythonOracle;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The filter and the smoother against a plain numpy Kalman filter + RTS pass written from the textbook equations. */
class KalmanAgainstNumpyTest {

  private static final String ORACLE = String.join("\n",
      "t = load('t'); z = load('z').reshape(-1, 2); a2 = load('q')[0] ** 2; r = load('r')[0] ** 2",
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
      "save('filtered', [s[:2] for s in xs])",
      "sm = [None] * len(t); sm[-1] = xs[-1]",
      "for k in range(len(t) - 2, -1, -1):",
      "    C = Ps[k] @ Fs[k + 1].T @ np.linalg.inv(Pp[k + 1])",
      "    sm[k] = xs[k] + C @ (sm[k + 1] - xp[k + 1])",
      "save('smoothed', [s[:2] for s in sm])");

  @Test
  void filterAndSmootherMatchTheTextbookEquations() {
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
    double[] measured = new double[2 * n];
    for (int f = 0; f < n; f++) {
      measured[2 * f] = frames[f][0];
      measured[2 * f + 1] = frames[f][1];
    }
    PythonOracle.Outputs py = PythonOracle.numpy().run(ORACLE, Map.of("t", times, "z", measured,
        "q", new double[] {settings.processNoise()}, "r", new double[] {settings.measurementNoise()}));
    double[] filtered = py.get("filtered");
    double[] smoothed = py.get("smoothed");

    LandmarkTrack causal = KalmanLandmarkFilter.filter(track, settings);
    LandmarkTrack smooth = new RtsSmoother(settings).smooth(track);
    for (int f = 0; f < n; f++) {
      for (int k = 0; k < 2; k++) {
        assertThat(causal.frames()[f][k]).as("filtered frame %d", f)
            .isCloseTo(filtered[2 * f + k], within(1e-8));
        assertThat(smooth.frames()[f][k]).as("smoothed frame %d", f)
            .isCloseTo(smoothed[2 * f + k], within(1e-8));
      }
    }
  }
}
