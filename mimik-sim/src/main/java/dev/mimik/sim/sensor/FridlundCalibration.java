package dev.mimik.sim.sensor;

import dev.mimik.core.io.BadInputException;
import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;
import dev.mimik.sim.performance.Expression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.stat.correlation.PearsonsCorrelation;

/**
 * Calibrates the muscles' surface amplitudes on real mean EMG amplitudes per emotion on the Fridlund montage
 * ({@code emg-fridlund/fridlund.csv}: one row per emotion, one column per channel such as {@code "Zyg li"}, in uV;
 * a 0.00 marks a channel without a valid value and is left out).
 *
 * <p>The model: with independent unit-RMS sources, the RMS on lead {@code c} at an expression's apex is
 * {@code sqrt(sum_s (G[c][s] A_m(s) a_s)^2)} (G volume conduction, A the muscle's amplitude at full activation,
 * a its activation). This is linear in {@code x_m = A_m^2}, so the amplitudes are a non-negative least-squares
 * fit of the squared table; muscles without a Fridlund channel keep their set values.
 *
 * <p>A muscle that the table's emotions activate only weakly, or only at its resting tone, is barely identified:
 * plain least squares sets it to 0 or to whatever explains the noise floor of its channel (a frontalis at
 * 224 uV from happy and disgust alone). {@link #fit(Table, double)} therefore shrinks the Fridlund muscles towards
 * a common level, estimated with them (hierarchical shrinkage): it minimises
 * {@code |A x - b|^2 + lambda s sum_m (x_m - mean(x))^2} over {@code x >= 0}, with {@code s} the mean diagonal of
 * {@code A'A} over those muscles (so {@code lambda} has no unit). The prior uses nothing but the table given.
 * {@link #fit(Table)} chooses {@code lambda} by leaving out one emotion at a time ({@link #leaveOneEmotionOut}).
 */
public final class FridlundCalibration {

  /**
   * The table: emotions (rows), channel names (columns) and amplitudes.
   *
   * @param emotions the expressions of the rows
   * @param channels channel names as in the file
   * @param microvolts {@code [emotion][channel]}, 0 where the table has no value
   */
  public record Table(List<Expression> emotions, List<String> channels, double[][] microvolts) {}

  /** The regularisation weights {@link #fit(Table)} chooses from: 0 and 1, 2, 5 per decade from 1e-5 to 1. */
  public static final List<Double> LAMBDAS = List.of(0.0, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3,
      1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.5, 1.0);

  private FridlundCalibration() {}

  /** Reads the table. */
  public static Table read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
    if (lines.size() < 2) {
      throw new BadInputException(file, "needs a header and at least one emotion row");
    }
    String[] head = lines.get(0).split(",");
    List<String> channels = new ArrayList<>();
    for (int i = 1; i < head.length; i++) {
      channels.add(head[i].strip());
    }
    List<Expression> emotions = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      if (f.length != head.length) {
        throw new BadInputException(file, "row '" + f[0] + "' has " + (f.length - 1) + " values, not "
            + channels.size());
      }
      emotions.add(expressionOf(file, f[0].strip()));
      double[] row = new double[channels.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = Double.parseDouble(f[i + 1].strip());
      }
      rows.add(row);
    }
    return new Table(emotions, channels, rows.toArray(new double[0][]));
  }

  private static Expression expressionOf(Path file, String label) {
    String l = label.toLowerCase(Locale.ROOT);
    if (l.startsWith("ang")) {
      return Expression.ANGER;
    } else if (l.startsWith("sur") || l.startsWith("sup")) {
      return Expression.SURPRISE;
    } else if (l.startsWith("sad")) {
      return Expression.SAD;
    } else if (l.startsWith("fear")) {
      return Expression.FEAR;
    } else if (l.startsWith("hap")) {
      return Expression.HAPPY;
    } else if (l.startsWith("dis")) {
      return Expression.DISGUST;
    } else if (l.startsWith("neu")) {
      return Expression.NEUTRAL;
    }
    throw new BadInputException(file, "unknown emotion '" + label + "'");
  }

  /** Predicted apex RMS {@code [emotion][lead]} on {@code montage} with muscle amplitudes (by ordinal). */
  public static double[][] predictedRms(Montage montage, double[] amplitudes, List<Expression> emotions) {
    double[][] power = powerTerms(montage, emotions);
    int leads = montage.leads().size();
    double[][] out = new double[emotions.size()][leads];
    for (int e = 0; e < emotions.size(); e++) {
      for (int c = 0; c < leads; c++) {
        double p = 0;
        for (Muscle m : Muscle.values()) {
          p += power[e * leads + c][m.ordinal()] * amplitudes[m.ordinal()] * amplitudes[m.ordinal()];
        }
        out[e][c] = Math.sqrt(p);
      }
    }
    return out;
  }

  /**
   * The calibrated amplitude of each muscle (by ordinal), uV at full activation, with the regularisation weight of
   * {@link #LAMBDAS} that predicts left-out emotions best ({@link #leaveOneEmotionOut}; the smallest among ties).
   */
  public static double[] fit(Table table) {
    return fit(table, chooseLambda(table));
  }

  /** The {@code lambda} of {@link #LAMBDAS} with the highest {@link #leaveOneEmotionOut} (the first among ties). */
  public static double chooseLambda(Table table) {
    double best = 0;
    double bestR = Double.NEGATIVE_INFINITY;
    for (double lambda : LAMBDAS) {
      double r = leaveOneEmotionOut(table, lambda);
      if (r > bestR) {
        best = lambda;
        bestR = r;
      }
    }
    return best;
  }

  /**
   * Mean over the table's emotions of the Pearson r between an emotion's real row and its apex profile
   * ({@link #predictedRms}) after a fit on the other emotions, over the channels with a value.
   */
  public static double leaveOneEmotionOut(Table table, double lambda) {
    Montage montage = Montage.fridlund();
    List<String> names = montage.channelNames();
    double sum = 0;
    for (int e = 0; e < table.emotions().size(); e++) {
      List<Expression> rest = new ArrayList<>(table.emotions());
      rest.remove(e);
      List<double[]> rows = new ArrayList<>(List.of(table.microvolts()));
      rows.remove(e);
      double[] amplitudes = fit(new Table(rest, table.channels(), rows.toArray(new double[0][])), lambda);
      double[] predicted = predictedRms(montage, amplitudes, List.of(table.emotions().get(e)))[0];
      List<Double> p = new ArrayList<>();
      List<Double> real = new ArrayList<>();
      for (int k = 0; k < table.channels().size(); k++) {
        int c = names.indexOf(table.channels().get(k));
        double v = table.microvolts()[e][k];
        if (v > 0 && c >= 0) {
          p.add(predicted[c]);
          real.add(v);
        }
      }
      sum += new PearsonsCorrelation().correlation(p.stream().mapToDouble(Double::doubleValue).toArray(),
          real.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return sum / table.emotions().size();
  }

  /**
   * The amplitude of each muscle (by ordinal), uV at full activation, shrunk towards the Fridlund muscles' common
   * level with weight {@code lambda} (0: plain non-negative least squares).
   */
  public static double[] fit(Table table, double lambda) {
    Montage montage = Montage.fridlund();
    List<String> names = montage.channelNames();
    int leads = names.size();
    double[][] power = powerTerms(montage, table.emotions());
    List<double[]> rows = new ArrayList<>();
    List<Double> targets = new ArrayList<>();
    for (int e = 0; e < table.emotions().size(); e++) {
      for (int k = 0; k < table.channels().size(); k++) {
        double v = table.microvolts()[e][k];
        int c = names.indexOf(table.channels().get(k));
        if (v <= 0 || c < 0) {
          continue;
        }
        double[] row = power[e * leads + c].clone();
        double target = v * v;
        for (Muscle m : Muscle.values()) {
          if (!m.onFridlund()) {
            target -= row[m.ordinal()] * m.microvoltsAtFull() * m.microvoltsAtFull();
            row[m.ordinal()] = 0;
          }
        }
        targets.add(target);
        rows.add(row);
      }
    }
    double[] x = shrunkNonNegativeLeastSquares(rows.toArray(new double[0][]),
        targets.stream().mapToDouble(Double::doubleValue).toArray(), lambda);
    double[] amplitudes = new double[x.length];
    for (Muscle m : Muscle.values()) {
      amplitudes[m.ordinal()] = m.onFridlund() ? Math.sqrt(x[m.ordinal()]) : m.microvoltsAtFull();
    }
    return amplitudes;
  }

  /** Row {@code e * leads + c}, column muscle: sum over sides of {@code (G a)^2} at the expression's apex. */
  private static double[][] powerTerms(Montage montage, List<Expression> emotions) {
    double[][] gains = VolumeConduction.gains(montage);
    MuscleModel model = new MuscleModel();
    int leads = gains.length;
    double[][] out = new double[emotions.size() * leads][Muscle.values().length];
    double[] act = new double[MuscleModel.columns()];
    for (int e = 0; e < emotions.size(); e++) {
      model.activate(emotions.get(e).apex(), act);
      for (int c = 0; c < leads; c++) {
        for (Muscle m : Muscle.values()) {
          for (Muscle.Side side : Muscle.Side.values()) {
            int s = MuscleModel.column(m, side);
            double ga = gains[c][s] * act[s];
            out[e * leads + c][m.ordinal()] += ga * ga;
          }
        }
      }
    }
    return out;
  }

  /**
   * Minimises {@code |A x - b|^2 + lambda s sum_m (x_m - mean(x))^2} subject to {@code x >= 0}, the sum and mean
   * over the Fridlund muscles and {@code s} their mean diagonal of {@code A'A}, by cyclic coordinate descent to
   * convergence (the common level, the mean, is updated as a coordinate of its own: a convex quadratic).
   */
  private static double[] shrunkNonNegativeLeastSquares(double[][] a, double[] b, double lambda) {
    int n = a[0].length;
    double[][] ata = new double[n][n];
    double[] atb = new double[n];
    for (int r = 0; r < a.length; r++) {
      for (int i = 0; i < n; i++) {
        atb[i] += a[r][i] * b[r];
        for (int j = 0; j < n; j++) {
          ata[i][j] += a[r][i] * a[r][j];
        }
      }
    }
    List<Integer> shrunk = new ArrayList<>();
    double scale = 0;
    for (Muscle m : Muscle.values()) {
      if (m.onFridlund()) {
        shrunk.add(m.ordinal());
        scale += ata[m.ordinal()][m.ordinal()];
      }
    }
    double[] penalty = new double[n];
    for (int i : shrunk) {
      penalty[i] = lambda * scale / shrunk.size();
    }
    double[] x = new double[n];
    for (int sweep = 0; sweep < 20000; sweep++) {
      double level = 0;
      for (int i : shrunk) {
        level += x[i] / shrunk.size();
      }
      double change = 0;
      for (int i = 0; i < n; i++) {
        double curvature = ata[i][i] + penalty[i];
        if (curvature <= 0) {
          continue;
        }
        double grad = -atb[i] + penalty[i] * (x[i] - level);
        for (int j = 0; j < n; j++) {
          grad += ata[i][j] * x[j];
        }
        double xi = Math.max(0, x[i] - grad / curvature);
        change = Math.max(change, Math.abs(xi - x[i]));
        x[i] = xi;
      }
      if (change < 1e-12) {
        break;
      }
    }
    return x;
  }
}
