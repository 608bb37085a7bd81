package dev.mimik.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.learn.bioface.BlinkModel;
import dev.mimik.learn.bioface.FrontEnd;
import dev.mimik.learn.bioface.ModelTraining;
import dev.mimik.learn.bioface.Session;
import dev.mimik.learn.bioface.SessionSignals;
import dev.mimik.signal.blink.Blink;
import dev.mimik.signal.blink.BlinkCalibration;
import dev.mimik.sim.session.GroundTruth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's biosignal eye path against the simulator's exact blinks: a blink detector calibrated on one earpiece
 * session's camera blinks finds the blinks of the participant's next session in the EOG alone.
 */
class BlinkCalibrationOnSimulationTest {

  @TempDir Path dir;

  @Test
  void theCameraCalibratedDetectorFindsTheNextSessionsBlinksOnTime() throws Exception {
    Path data = dir.resolve("sim");
    CapturedRun.Result sim = CapturedRun.run("simulate", "--out", data.toString(), "--participants", "1",
        "--sessions-per-participant", "2", "--minutes", "3", "--seed", "5", "--montage", "earpiece");
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    List<Session> sessions = new SessionFiles(SessionFiles.Sync.AUTO, new PrintWriter(new StringWriter()))
        .fromManifest(data.resolve("manifest.csv"));
    FrontEnd frontEnd = ModelTraining.frontEndFor(sessions, 30);
    List<String> warnings = new ArrayList<>();
    BlinkModel model = BlinkModel.calibrate(List.of(sessions.get(0)), frontEnd, warnings::add).orElseThrow();
    assertThat(model.references()).as("camera blinks in 3 minutes").isGreaterThan(25);
    assertThat(model.recall()).isGreaterThan(0.6);

    Session next = sessions.get(1);
    double[][] eog = SessionSignals.eogBand(next.signals(), frontEnd, next.source(), warnings::add);
    List<Blink> found = model.detector().detect(eog[frontEnd.channels().indexOf(model.channel())],
        frontEnd.samplingRateHz());
    double[][] truth = GroundTruth.readBlinks(next.source().resolveSibling("truth").resolve("blinks.csv"));
    double[][] intervals = Arrays.stream(truth).map(b -> new double[] {b[0], b[0] + b[1]}).toArray(double[][]::new);
    int hits = BlinkCalibration.matches(found, intervals);
    double recall = hits / (double) truth.length;
    double precision = hits / (double) found.size();
    System.out.printf("blink detector %s: next session %d of %d blinks, %d detections (recall %.2f, precision"
        + " %.2f)%n", model.describe(), hits, truth.length, found.size(), recall, precision);
    assertThat(recall).isGreaterThan(0.7);
    assertThat(precision).isGreaterThan(0.7);
    // onsets: the nearest true onset, within a blink's length
    double[] lags = found.stream().mapToDouble(b -> Arrays.stream(truth).mapToDouble(t -> b.onsetSeconds() - t[0])
        .filter(d -> Math.abs(d) < 0.3).reduce((p, q) -> Math.abs(p) < Math.abs(q) ? p : q).orElse(Double.NaN))
        .filter(Double::isFinite).sorted().toArray();
    assertThat(lags[lags.length / 2]).as("median onset lag, s").isBetween(-0.02, 0.067);
  }
}
