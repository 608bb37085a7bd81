package dev.mimik.app;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.sim.performance.Expression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text summary and the HTML report of an {@link EiferExperiment}. */
final class EiferReport {

  private EiferReport() {}

  static String summary(EiferExperiment.Result r) {
    boolean[] obs = EiferExperiment.observable();
    boolean[] movingObs = new boolean[obs.length];
    for (int k = 0; k < obs.length; k++) {
      movingObs[k] = obs[k] && r.moving()[k];
    }
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "EMG2Exp mean r over %d moving blendshapes: network %.3f, linear %.3f%n",
        count(r.moving()), EiferExperiment.mean(r.emg2exp().pearson(), r.moving()),
        EiferExperiment.mean(r.emg2expLinear().pearson(), r.moving())));
    s.append(String.format(Locale.ROOT,
        "EMG2Exp mean r over %d moving blendshapes a Fridlund muscle drives: network %.3f, linear %.3f%n",
        count(movingObs), EiferExperiment.mean(r.emg2exp().pearson(), movingObs),
        EiferExperiment.mean(r.emg2expLinear().pearson(), movingObs)));
    s.append(String.format(Locale.ROOT, "EMG2Exp mean MAE over moving blendshapes: network %.4f, linear %.4f%n",
        EiferExperiment.mean(r.emg2exp().mae(), r.moving()), EiferExperiment.mean(r.emg2expLinear().mae(),
            r.moving())));
    s.append(String.format(Locale.ROOT, "Exp2EMG mean r over %d channels: network %.3f, linear %.3f; mean R2 %.3f, %.3f%n",
        r.exp2emg().pearson().length, EiferExperiment.mean(r.exp2emg().pearson(), null),
        EiferExperiment.mean(r.exp2emgLinear().pearson(), null), EiferExperiment.mean(r.exp2emg().r2(), null),
        EiferExperiment.mean(r.exp2emgLinear().r2(), null)));
    for (EiferExperiment.EmotionResult e : r.emotions()) {
      s.append(String.format(Locale.ROOT, "real profile %-8s (%s): r network %.3f, linear %.3f over %d channels%n",
          e.emotion().label(), e.calibrated() ? "in calibration" : "held out", e.pearson(), e.pearsonLinear(),
          e.real().length));
    }
    return s.toString();
  }

  static void write(EiferExperiment.Result r, List<Expression> calibration, Path dir) throws IOException {
    HtmlReport h = new HtmlReport("EIFER: muscles and expressions both ways");
    h.paragraph("Simulated Fridlund-montage sessions through the EIFER chain; maps trained on "
        + "training participants, measured on held-out participants. Simulator muscle amplitudes calibrated on "
        + calibration.stream().map(Expression::label).toList() + " of the real table only.");
    h.heading("Summary").paragraph(summary(r).replace("\n", "<br>"));
    List<String> channels = r.model().channels();
    h.heading("Exp2EMG per channel (pooled test participants)");
    List<List<?>> rows = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      rows.add(List.of(channels.get(c), f(r.exp2emg().pearson()[c]), f(r.exp2emg().r2()[c]),
          f(r.exp2emgLinear().pearson()[c]), f(r.exp2emgLinear().r2()[c])));
    }
    h.table(List.of("channel", "r", "R²", "linear r", "linear R²"), rows);
    h.heading("EMG2Exp per moving blendshape (pooled test participants)");
    rows = new ArrayList<>();
    for (int k = 0; k < r.moving().length; k++) {
      if (r.moving()[k]) {
        rows.add(List.of(Blendshapes.ARKIT_52.get(k), f(r.emg2exp().pearson()[k]), f(r.emg2exp().mae()[k]),
            f(r.emg2expLinear().pearson()[k]), f(r.emg2expLinear().mae()[k])));
      }
    }
    h.table(List.of("blendshape", "r", "MAE", "linear r", "linear MAE"), rows);
    h.heading("Per participant");
    rows = new ArrayList<>();
    for (EiferExperiment.ParticipantResult p : r.participants()) {
      rows.add(List.of(p.id(), f(EiferExperiment.mean(p.emg2exp().pearson(), p.moving())),
          f(EiferExperiment.mean(p.emg2exp().mae(), p.moving())),
          f(EiferExperiment.mean(p.emg2expLinear().pearson(), p.moving())),
          f(EiferExperiment.mean(p.exp2emg().pearson(), null)), f(EiferExperiment.mean(p.exp2emg().r2(), null)),
          f(EiferExperiment.mean(p.exp2emgLinear().pearson(), null))));
    }
    h.table(List.of("participant", "EMG2Exp r", "EMG2Exp MAE", "linear r", "Exp2EMG r", "Exp2EMG R²",
        "linear r"), rows);
    h.heading("Exp2EMG at each emotion's apex against the real table");
    rows = new ArrayList<>();
    for (EiferExperiment.EmotionResult e : r.emotions()) {
      rows.add(List.of(e.emotion().label(), e.calibrated() ? "calibration" : "held out", f(e.pearson()),
          f(e.pearsonLinear()), e.real().length));
    }
    h.table(List.of("emotion", "simulator calibration", "r", "linear r", "channels"), rows);
    EiferHeatMap.addTo(h, r, dir);
    h.write(dir.resolve("report.html"));
  }

  private static int count(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    return n;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
