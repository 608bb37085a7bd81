package dev.mimik.lab.eifer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.learn.eifer.EiferModel;
import dev.mimik.sim.muscle.CoActivation;
import dev.mimik.sim.performance.Exercise;
import dev.mimik.signal.preset.EiferChain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text summary, the HTML report and {@code metrics.json} of an {@link EiferStudy}: the exercise validation, the
 * emotion rows, and the simulated sessions, each part when it was measured.
 */
public final class EiferReport {

  /** The caveat every emotion-row figure carries. */
  public static final String EMOTION_CAVEAT = "a secondary check: the table's source calls it example data that is"
      + " not accurate, and an independent study (Kolodziej et al. 2024) found posed fear mostly on the forehead and"
      + " around the eyes, so the perioral fear row is no reliable target";

  private EiferReport() {}

  /** Everything the study measured, as lines of text. */
  public static String summary(EiferStudy.Result r) {
    StringBuilder s = new StringBuilder();
    if (r.exercises() != null) {
      exercises(s, r.exercises());
    }
    if (!r.emotions().isEmpty()) {
      s.append(String.format(Locale.ROOT, "Emotion table rows, muscles calibrated on %s (%s):%n", r.calibratedOn(),
          EMOTION_CAVEAT));
      for (EiferExperiment.EmotionResult e : r.emotions()) {
        s.append(String.format(Locale.ROOT, "real profile %-8s (%s): %ssimulator's muscle model %.3f over %d"
            + " channels%n", e.emotion().label(), e.calibrated() ? "in calibration" : "held out",
            Double.isNaN(e.pearson()) ? "" : String.format(Locale.ROOT, "r network %.3f, linear %.3f, ", e.pearson(),
                e.pearsonLinear()), e.pearsonMuscleModel(), e.real().length));
      }
    }
    if (r.sessions() != null) {
      s.append(setup(r)).append('\n');
      sessions(s, r.sessions(), new ObjectMapper().createObjectNode());
    }
    return s.toString();
  }

  /** The sessions' setting in words: participants, seed, and the chain they went through. */
  public static String setup(EiferStudy.Result r) {
    EiferExperiment x = r.experiment();
    return String.format(Locale.ROOT, "Simulated sessions: %d training and %d held-out participants of %.0f s, seed %d,"
        + " muscles calibrated on %s; %s", x.trainParticipants(), x.testParticipants(), x.seconds(), x.seed(),
        r.calibratedOn(), chain(x.rate(), r.sessions().chain()));
  }

  /** A chain in words, e.g. "4096 Hz, 513-tap FIR, RMS over 2048 samples, 30 Hz frames". */
  public static String chain(double rate, EiferChain c) {
    return String.format(Locale.ROOT, "%.0f Hz, %d-tap FIR, RMS over %d samples, %.0f Hz frames%s", rate, c.taps(),
        c.rmsSamples(), c.outputRate(), rate == 4096 && c.taps() == 129 && c.rmsSamples() == 2048
            && c.outputRate() == 30 ? " (EIFER's chain)" : "");
  }

  private static void exercises(StringBuilder s, ExerciseValidation.Result x) {
    s.append("Voluntary exercises, two folds: each exercise's apex through the muscle model calibrated on the other"
        + " fold (no noise, no chain, no seed), Pearson r against its measured row\n");
    for (ExerciseValidation.Fold f : x.folds()) {
      s.append(String.format(Locale.ROOT, "calibrated on fold %s %s (co-activation %s, shrinkage %g): held out mean"
          + " r %.3f, lowest %.3f%n", f.name(), ExerciseValidation.calibration(x.table(), ExerciseValidation.FOLD_NAMES
              .indexOf(f.name())).stream().map(Exercise::label).toList(), f.muscles().coActivation().weights(),
          f.muscles().lambda(), f.meanHeldOut(), f.minHeldOut()));
      for (ExerciseValidation.ExerciseResult e : f.results()) {
        s.append(String.format(Locale.ROOT, "  %-20s %s r %.3f%n", e.exercise().label(),
            e.heldOut() ? "held out " : "in-sample", e.pearson()));
      }
    }
    s.append(String.format(Locale.ROOT, "calibrated on every exercise: co-activation %s, shrinkage %g%n",
        x.all().coActivation().weights(), x.all().lambda()));
  }

  /** The sessions' figures into {@code s}, and the headline means into {@code json} under their names. */
  private static void sessions(StringBuilder s, EiferExperiment.Result r, ObjectNode json) {
    boolean[] obs = EiferExperiment.observable();
    s.append(String.format(Locale.ROOT, "Means over %d held-out participants of each participant's mean (pooled frames "
        + "of all of them in brackets); EMG2Exp takes %s%n", r.participants().size(),
        inputs(r.model())));
    line(s, json, r, "EMG2Exp r over moving blendshapes", p -> p.emg2exp().pearson(), p -> p.emg2expLinear().pearson(),
        p -> p.moving());
    line(s, json, r, "EMG2Exp r over moving blendshapes a Fridlund muscle drives", p -> p.emg2exp().pearson(),
        p -> p.emg2expLinear().pearson(), p -> and(p.moving(), obs));
    for (String eyes : List.of("eyeLook", "eyeBlink")) {
      boolean[] named = new boolean[Blendshapes.ARKIT_52.size()];
      for (int k = 0; k < named.length; k++) {
        named[k] = Blendshapes.ARKIT_52.get(k).startsWith(eyes);
      }
      line(s, json, r, "EMG2Exp r over moving " + eyes + " shapes", p -> p.emg2exp().pearson(),
          p -> p.emg2expLinear().pearson(), p -> and(p.moving(), named));
    }
    line(s, json, r, "EMG2Exp MAE over moving blendshapes", p -> p.emg2exp().mae(), p -> p.emg2expLinear().mae(),
        p -> p.moving());
    line(s, json, r, "Exp2EMG r over channels", p -> p.exp2emg().pearson(), p -> p.exp2emgLinear().pearson(),
        p -> null);
    line(s, json, r, "Exp2EMG r over channels whose muscles rise above the floor", p -> p.exp2emg().pearson(),
        p -> p.exp2emgLinear().pearson(), p -> p.audible());
    line(s, json, r, "Exp2EMG R2 over channels", p -> p.exp2emg().r2(), p -> p.exp2emgLinear().r2(), p -> null);
    line(s, json, r, "Exp2EMG r against the exact muscle-only envelopes", p -> p.exp2emgMuscles().pearson(),
        p -> p.exp2emgMusclesLinear().pearson(), p -> null);
    line(s, json, r, "Ceiling: r of the exact muscle-only envelopes against the recorded ones",
        p -> p.ceiling().pearson(), p -> p.ceiling().pearson(), p -> null);
    s.append("The same on artefact-free frames only (each channel's frames clear of the electrode pops the detector"
        + " finds in the raw signal; for EMG2Exp, frames whose window is clear on every channel):\n");
    line(s, json, r, "EMG2Exp r over moving blendshapes, artefact-free frames", p -> p.emg2expClean().pearson(),
        p -> p.emg2expLinearClean().pearson(), p -> p.moving());
    line(s, json, r, "EMG2Exp r over moving blendshapes a Fridlund muscle drives, artefact-free frames",
        p -> p.emg2expClean().pearson(), p -> p.emg2expLinearClean().pearson(), p -> and(p.moving(), obs));
    line(s, json, r, "Exp2EMG r over channels, artefact-free frames", p -> p.exp2emgClean().pearson(),
        p -> p.exp2emgLinearClean().pearson(), p -> null);
    line(s, json, r, "Exp2EMG R2 over channels, artefact-free frames", p -> p.exp2emgClean().r2(),
        p -> p.exp2emgLinearClean().r2(), p -> null);
    line(s, json, r, "Ceiling on artefact-free frames", p -> p.ceilingClean().pearson(),
        p -> p.ceilingClean().pearson(), p -> null);
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
  }

  private static void line(StringBuilder s, ObjectNode json, EiferExperiment.Result r, String what,
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
    double np = EiferExperiment.mean(net.apply(all), mask.apply(all));
    double lp = EiferExperiment.mean(lin.apply(all), mask.apply(all));
    s.append(String.format(Locale.ROOT, "%s: network %.3f (%.3f), linear %.3f (%.3f)%n", what, n, np, l, lp));
    json.putObject(what).put("network", n).put("network_pooled", np).put("linear", l).put("linear_pooled", lp);
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

  /** Writes {@code report.html}, {@code metrics.json} and, with sessions and emotion rows, the heat map into dir. */
  public static void write(EiferStudy.Result study, Path dir) throws IOException {
    HtmlReport h = new HtmlReport("EIFER: muscles and expressions both ways");
    h.paragraph("The simulator's muscle model (muscle amplitudes, lip and chin co-activations, volume conduction on"
        + " the Fridlund montage) judged on real mean amplitudes, and EIFER's two maps trained and measured on"
        + " simulated Fridlund-montage sessions. Muscles calibrated on " + study.calibratedOn() + ".");
    h.heading("Summary").paragraph(summary(study).replace("\n", "<br>"));
    if (study.exercises() != null) {
      exercisesTables(h, study.exercises());
    }
    if (!study.emotions().isEmpty()) {
      h.heading("Each emotion's apex against the real emotion table");
      h.paragraph("Pearson r over the channels the table has a value for; " + EMOTION_CAVEAT + ". The simulator's"
          + " muscle model is its own apex profile after calibration (no noise, no learnt map): the maps learn to"
          + " reproduce it, so where it misses the real row, the miss is the simulator's (its FACS prototype,"
          + " co-activations and volume conduction), not the network's.");
      List<List<?>> rows = new ArrayList<>();
      for (EiferExperiment.EmotionResult e : study.emotions()) {
        rows.add(List.of(e.emotion().label(), e.calibrated() ? "calibration" : "held out", f(e.pearson()),
            f(e.pearsonLinear()), f(e.pearsonMuscleModel()), e.real().length));
      }
      h.table(List.of("emotion", "simulator calibration", "Exp2EMG r", "linear r", "simulator's muscle model r",
          "channels"), rows);
    }
    EiferExperiment.Result r = study.sessions();
    if (r != null) {
      h.heading("Simulated sessions").paragraph(setup(study));
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
        rows.add(List.of(Blendshapes.ARKIT_52.get(k), f(r.pooled().emg2exp().pearson()[k]),
            f(r.pooled().emg2exp().mae()[k]),
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
      if (!r.emotions().isEmpty()) {
        EiferHeatMap.addTo(h, r, dir);
      }
    }
    h.write(dir.resolve("report.html"));
    AtomicFiles.writeString(dir.resolve("metrics.json"), json(study).toPrettyString());
  }

  private static void exercisesTables(HtmlReport h, ExerciseValidation.Result x) {
    h.heading("Voluntary exercises, held out in two folds");
    h.paragraph("Each exercise's apex (its FACS reading as ARKit weights) through the muscle model calibrated on the"
        + " other fold: amplitudes and co-activation weights fitted on that fold only; no noise, no chain, no seed."
        + " Pearson r of the 22-channel profile against the measured row; in-sample figures, for the calibration's own"
        + " exercises, are for comparison only.");
    List<List<?>> rows = new ArrayList<>();
    for (int i = 0; i < x.table().rows().size(); i++) {
      Exercise e = x.table().rows().get(i);
      List<Object> row = new ArrayList<>(List.of(e.label(),
          ExerciseValidation.FOLD_NAMES.get(ExerciseValidation.FOLDS.get(0).contains(e) ? 0 : 1)));
      for (ExerciseValidation.Fold f : x.folds()) {
        ExerciseValidation.ExerciseResult res = f.results().get(i);
        row.add(f(res.pearson()) + (res.heldOut() ? "" : " (in-sample)"));
      }
      rows.add(row);
    }
    List<String> header = new ArrayList<>(List.of("exercise", "fold"));
    x.folds().forEach(f -> header.add("r, calibrated on fold " + f.name()));
    h.table(header, rows);
    rows = new ArrayList<>();
    for (int i = 0; i < CoActivation.LINKS.size(); i++) {
      CoActivation.Link l = CoActivation.LINKS.get(i);
      List<Object> row = new ArrayList<>(List.of(l.muscle().fridlundName() + " with " + l.shape()));
      for (ExerciseValidation.Fold f : x.folds()) {
        row.add(f(f.muscles().coActivation().weight(i)));
      }
      row.add(f(x.all().coActivation().weight(i)));
      rows.add(row);
    }
    header.clear();
    header.add("co-activation");
    x.folds().forEach(f -> header.add("fold " + f.name()));
    header.add("every exercise");
    h.table(header, rows);
  }

  /** The figures as {@code metrics.json}. */
  public static ObjectNode json(EiferStudy.Result study) {
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("calibrated_on", study.calibratedOn());
    ObjectNode co = json.putObject("co_activation");
    putCoActivation(co, study.muscles().coActivation());
    ExerciseValidation.Result x = study.exercises();
    if (x != null) {
      ArrayNode folds = json.putObject("exercises").putArray("folds");
      for (int k = 0; k < x.folds().size(); k++) {
        ExerciseValidation.Fold f = x.folds().get(k);
        ObjectNode fold = folds.addObject().put("calibrated_on", f.name())
            .put("held_out_mean_r", f.meanHeldOut()).put("held_out_min_r", f.minHeldOut())
            .put("shrinkage", f.muscles().lambda());
        ArrayNode cal = fold.putArray("calibration_exercises");
        ExerciseValidation.calibration(x.table(), k).forEach(e -> cal.add(e.label()));
        putCoActivation(fold.putObject("co_activation"), f.muscles().coActivation());
        ObjectNode r = fold.putObject("r");
        for (ExerciseValidation.ExerciseResult e : f.results()) {
          r.putObject(e.exercise().label()).put("r", e.pearson()).put("held_out", e.heldOut());
        }
      }
    }
    if (!study.emotions().isEmpty()) {
      ObjectNode emotions = json.putObject("emotions");
      for (EiferExperiment.EmotionResult e : study.emotions()) {
        ObjectNode n = emotions.putObject(e.emotion().label()).put("held_out", !e.calibrated())
            .put("r_muscle_model", e.pearsonMuscleModel());
        if (!Double.isNaN(e.pearson())) {
          n.put("r", e.pearson()).put("linear_r", e.pearsonLinear());
        }
      }
    }
    if (study.sessions() != null) {
      EiferExperiment setup = study.experiment();
      EiferChain c = study.sessions().chain();
      ObjectNode sessions = json.putObject("sessions").put("seed", setup.seed())
          .put("train_participants", setup.trainParticipants()).put("test_participants", setup.testParticipants())
          .put("seconds", setup.seconds());
      sessions.putObject("chain").put("rate_hz", setup.rate()).put("fir_taps", c.taps())
          .put("rms_samples", c.rmsSamples()).put("frame_rate_hz", c.outputRate());
      sessions(new StringBuilder(), study.sessions(), sessions.putObject("means"));
      EiferExperiment.Detection d = study.sessions().detection();
      sessions.putObject("pop_detection").put("pops", d.pops()).put("found", d.found())
          .put("artefacts", d.artefacts()).put("on_a_pop", d.right()).put("recall", d.recall())
          .put("precision", d.precision());
    }
    return json;
  }

  private static void putCoActivation(ObjectNode node, CoActivation c) {
    for (int i = 0; i < CoActivation.LINKS.size(); i++) {
      CoActivation.Link l = CoActivation.LINKS.get(i);
      node.put(l.muscle().fridlundName() + " " + l.shape(), c.weight(i));
    }
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
