package dev.mimik.lab.eifer;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.sim.performance.Expression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text summary and the HTML report of an {@link EiferExperiment}. */
public final class EiferReport {

  private EiferReport() {}

  public static String summary(EiferExperiment.Result r) {
    boolean[] obs = EiferExperiment.observable();
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Means over %d held-out participants of each participant's mean (pooled frames "
        + "of all of them in brackets); EMG2Exp takes %s%n", r.participants().size(),
        inputs(r.model())));
    line(s, r, "EMG2Exp r over moving blendshapes", p -> p.emg2exp().pearson(), p -> p.emg2expLinear().pearson(),
        p -> p.moving());
    line(s, r, "EMG2Exp r over moving blendshapes a Fridlund muscle drives", p -> p.emg2exp().pearson(),
        p -> p.emg2expLinear().pearson(), p -> and(p.moving(), obs));
    for (String eyes : List.of("eyeLook", "eyeBlink")) {
      boolean[] named = new boolean[Blendshapes.ARKIT_52.size()];
      for (int k = 0; k < named.length; k++) {
        named[k] = Blendshapes.ARKIT_52.get(k).startsWith(eyes);
      }
      line(s, r, "EMG2Exp r over moving " + eyes + " shapes", p -> p.emg2exp().pearson(),
          p -> p.emg2expLinear().pearson(), p -> and(p.moving(), named));
    }
    line(s, r, "EMG2Exp MAE over moving blendshapes", p -> p.emg2exp().mae(), p -> p.emg2expLinear().mae(),
        p -> p.moving());
    line(s, r, "Exp2EMG r over channels", p -> p.exp2emg().pearson(), p -> p.exp2emgLinear().pearson(), p -> null);
    line(s, r, "Exp2EMG r over channels whose muscles rise above the floor", p -> p.exp2emg().pearson(),
        p -> p.exp2emgLinear().pearson(), p -> p.audible());
    line(s, r, "Exp2EMG R2 over channels", p -> p.exp2emg().r2(), p -> p.exp2emgLinear().r2(), p -> null);
    line(s, r, "Exp2EMG r against the exact muscle-only envelopes", p -> p.exp2emgMuscles().pearson(),
        p -> p.exp2emgMusclesLinear().pearson(), p -> null);
    line(s, r, "Ceiling: r of the exact muscle-only envelopes against the recorded ones", p -> p.ceiling().pearson(),
        p -> p.ceiling().pearson(), p -> null);
    s.append("The same on artefact-free frames only (each channel's frames clear of the electrode pops the detector"
        + " finds in the raw signal; for EMG2Exp, frames whose window is clear on every channel):\n");
    line(s, r, "EMG2Exp r over moving blendshapes, artefact-free frames", p -> p.emg2expClean().pearson(),
        p -> p.emg2expLinearClean().pearson(), p -> p.moving());
    line(s, r, "EMG2Exp r over moving blendshapes a Fridlund muscle drives, artefact-free frames",
        p -> p.emg2expClean().pearson(), p -> p.emg2expLinearClean().pearson(), p -> and(p.moving(), obs));
    line(s, r, "Exp2EMG r over channels, artefact-free frames", p -> p.exp2emgClean().pearson(),
        p -> p.exp2emgLinearClean().pearson(), p -> null);
    line(s, r, "Exp2EMG R2 over channels, artefact-free frames", p -> p.exp2emgClean().r2(),
        p -> p.exp2emgLinearClean().r2(), p -> null);
    line(s, r, "Ceiling on artefact-free frames", p -> p.ceilingClean().pearson(), p -> p.ceilingClean().pearson(),
        p -> null);
    EiferExperiment.Detection d = r.detection();
    s.append(String.format(Locale.ROOT, "Channel frames kept: %.3f (pooled test participants). Electrode pops on all"
        + " %d sessions against the simulator's truth: %d of %d found (recall %.3f), %d of %d detected artefacts on a"
        + " pop (precision %.3f)%n", r.pooled().cleanShare(), d.sessions(), d.found(),
        d.pops(), d.recall(), d.right(), d.artefacts(), d.precision()));
    double audible = 0;
    for (EiferExperiment.ParticipantResult p : r.participants()) {
      for (boolean a : p.audible()) {
        audible += a ? 1.0 / r.participants().size() : 0;
      }
    }
    s.append(String.format(Locale.ROOT, "Channels whose muscles rise above the floor: %.1f of %d on average%n",
        audible, r.model().channels().size()));
    for (EiferExperiment.EmotionResult e : r.emotions()) {
      s.append(String.format(Locale.ROOT, "real profile %-8s (%s): r network %.3f, linear %.3f, simulator's muscle"
          + " model %.3f over %d channels%n", e.emotion().label(), e.calibrated() ? "in calibration" : "held out",
          e.pearson(), e.pearsonLinear(), e.pearsonMuscleModel(), e.real().length));
    }
    return s.toString();
  }

  private static void line(StringBuilder s, EiferExperiment.Result r, String what,
      java.util.function.Function<EiferExperiment.ParticipantResult, double[]> net,
      java.util.function.Function<EiferExperiment.ParticipantResult, double[]> lin,
      java.util.function.Function<EiferExperiment.ParticipantResult, boolean[]> mask) {
    double n = 0;
    double l = 0;
    for (EiferExperiment.ParticipantResult p : r.participants()) {
      n += EiferExperiment.mean(net.apply(p), mask.apply(p)) / r.participants().size();
      l += EiferExperiment.mean(lin.apply(p), mask.apply(p)) / r.participants().size();
    }
    EiferExperiment.ParticipantResult all = r.pooled();
    s.append(String.format(Locale.ROOT, "%s: network %.3f (%.3f), linear %.3f (%.3f)%n", what, n,
        EiferExperiment.mean(net.apply(all), mask.apply(all)), l, EiferExperiment.mean(lin.apply(all),
            mask.apply(all))));
  }

  /** What EMG2Exp takes, in words. */
  private static String inputs(EiferModel m) {
    if (!m.eogBand() && !m.saccadeIntegral()) {
      return "the envelopes only (EIFER's input)";
    }
    return "the envelopes and each lead's " + (m.eogBand() ? "EOG band" : "")
        + (m.eogBand() && m.saccadeIntegral() ? " and " : "") + (m.saccadeIntegral() ? "saccade integral" : "");
  }

  private static boolean[] and(boolean[] a, boolean[] b) {
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] && b[i];
    }
    return out;
  }

  public static void write(EiferExperiment.Result r, List<Expression> calibration, Path dir) throws IOException {
    HtmlReport h = new HtmlReport("EIFER: muscles and expressions both ways");
    h.paragraph("Simulated Fridlund-montage sessions through the EIFER chain; maps trained on "
        + "training participants, measured on held-out participants. Simulator muscle amplitudes calibrated on "
        + calibration.stream().map(Expression::label).toList() + " of the real table only.");
    h.heading("Summary").paragraph(summary(r).replace("\n", "<br>"));
    List<String> channels = r.model().channels();
    h.heading("Exp2EMG per channel (pooled test participants)");
    List<List<?>> rows = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      rows.add(List.of(channels.get(c), f(r.pooled().exp2emg().pearson()[c]), f(r.pooled().exp2emg().r2()[c]),
          f(r.pooled().exp2emgLinear().pearson()[c]), f(r.pooled().exp2emgLinear().r2()[c]),
          f(r.pooled().exp2emgMuscles().pearson()[c]), f(r.pooled().ceiling().pearson()[c]),
          f(r.pooled().exp2emgClean().pearson()[c]), f(r.pooled().exp2emgLinearClean().pearson()[c]),
          f(r.pooled().ceilingClean().pearson()[c])));
    }
    h.table(List.of("channel", "r", "R²", "linear r", "linear R²", "r against muscle-only", "ceiling r",
        "r, artefact-free", "linear r, artefact-free", "ceiling r, artefact-free"), rows);
    h.heading("EMG2Exp per moving blendshape (pooled test participants)");
    rows = new ArrayList<>();
    for (int k = 0; k < r.pooled().moving().length; k++) {
      if (r.pooled().moving()[k]) {
        rows.add(List.of(Blendshapes.ARKIT_52.get(k), f(r.pooled().emg2exp().pearson()[k]), f(r.pooled().emg2exp().mae()[k]),
            f(r.pooled().emg2expLinear().pearson()[k]), f(r.pooled().emg2expLinear().mae()[k])));
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
    h.paragraph("Pearson r over the channels the table has a value for. The simulator's muscle model is its own apex "
        + "profile after calibration (no noise, no learnt map): the maps learn to reproduce it, so where it misses "
        + "the real row, the miss is the simulator's (its FACS prototype, co-activations and volume conduction), "
        + "not the network's.");
    rows = new ArrayList<>();
    for (EiferExperiment.EmotionResult e : r.emotions()) {
      rows.add(List.of(e.emotion().label(), e.calibrated() ? "calibration" : "held out", f(e.pearson()),
          f(e.pearsonLinear()), f(e.pearsonMuscleModel()), e.real().length));
    }
    h.table(List.of("emotion", "simulator calibration", "r", "linear r", "simulator's muscle model r", "channels"),
        rows);
    EiferHeatMap.addTo(h, r, dir);
    h.write(dir.resolve("report.html"));
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
