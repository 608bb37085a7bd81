package dev.mimik.sim.sensor;

import dev.mimik.core.io.BadInputException;
import dev.mimik.sim.muscle.Muscle;
import dev.mimik.sim.muscle.MuscleModel;
import dev.mimik.sim.performance.Exercise;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.performance.PosedFace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hipparchus.stat.correlation.PearsonsCorrelation;

/**
 * Calibrates the muscles' surface amplitudes on real mean EMG amplitudes on the Fridlund montage: one row per face
 * held at its apex (an emotion of {@code emg-fridlund/fridlund.csv} or a voluntary exercise of
 * {@code exercises.csv}), one column per channel such as {@code "Zyg li"}, in uV; a 0.00 marks a channel without a
 * valid value and is left out.
 *
 * <p>The model: with independent unit-RMS sources, the RMS on lead {@code c} at a row's apex is
 * {@code sqrt(sum_s (G[c][s] A_m(s) a_s)^2)} (G volume conduction, A the muscle's amplitude at full activation,
 * a its activation by a {@link MuscleModel}). This is linear in {@code x_m = A_m^2}, so the amplitudes are a
 * non-negative least-squares fit of the squared table; muscles without a Fridlund channel keep their set values.
 *
 * <p>A muscle that the table's rows activate only weakly, or only at its resting tone, is barely identified:
 * plain least squares sets it to 0 or to whatever explains the noise floor of its channel (a frontalis at
 * 224 uV from happy and disgust alone). {@link #fit(Table, double, MuscleModel)} therefore shrinks the Fridlund
 * muscles towards a common level, estimated with them (hierarchical shrinkage): it minimises
 * {@code |A x - b|^2 + lambda s sum_m (x_m - mean(x))^2} over {@code x >= 0}, with {@code s} the mean diagonal of
 * {@code A'A} over those muscles (so {@code lambda} has no unit). The prior uses nothing but the table given.
 * {@link #chooseLambda} chooses {@code lambda} by leaving out one row at a time ({@link #leaveOneRowOut}).
 */
public final class FridlundCalibration {

  /**
   * A table: the faces of its rows, channel names (columns) and amplitudes.
   *
   * @param rows the faces held in the rows, each at most once
   * @param channels channel names as in the file
   * @param microvolts {@code [row][channel]}, 0 where the table has no value
   */
  public record Table<P extends PosedFace>(List<P> rows, List<String> channels, double[][] microvolts) {

    public Table {
      rows = List.copyOf(rows);
      channels = List.copyOf(channels);
      int n = channels.size();
      if (microvolts.length != rows.size() || Stream.of(microvolts).anyMatch(r -> r.length != n)) {
        throw new IllegalArgumentException("need one value per row and channel");
      }
    }

    /** The rows of {@code keep}, in this table's order. */
    public Table<P> subset(Collection<? extends PosedFace> keep) {
      List<P> faces = new ArrayList<>();
      List<double[]> values = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (keep.contains(rows.get(i))) {
          faces.add(rows.get(i));
          values.add(microvolts[i]);
        }
      }
      return new Table<>(faces, channels, values.toArray(new double[0][]));
    }

    /** The Pearson r of row {@code i} with {@code profile} (per lead of {@link Montage#fridlund()}) over its values. */
    public double pearson(int i, double[] profile) {
      List<String> names = FRIDLUND_NAMES;
      List<Double> p = new ArrayList<>();
      List<Double> real = new ArrayList<>();
      for (int k = 0; k < channels.size(); k++) {
        int c = names.indexOf(channels.get(k));
        double v = microvolts[i][k];
        if (v > 0 && c >= 0) {
          p.add(profile[c]);
          real.add(v);
        }
      }
      return new PearsonsCorrelation().correlation(p.stream().mapToDouble(Double::doubleValue).toArray(),
          real.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }

  /** The regularisation weights {@link #chooseLambda} chooses from: 0 and 1, 2, 5 per decade from 1e-5 to 1. */
  public static final List<Double> LAMBDAS = List.of(0.0, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3,
      1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.5, 1.0);

  private static final Montage FRIDLUND = Montage.fridlund();
  private static final List<String> FRIDLUND_NAMES = FRIDLUND.channelNames();

  private FridlundCalibration() {}

  /** Reads a per-emotion table ({@code fridlund.csv}); a row label is known by its start ({@code "suprised"}). */
  public static Table<Expression> read(Path file) {
    return read(file, "emotion", FridlundCalibration::expressionOf);
  }

  /** Reads a voluntary-exercise table ({@code exercises.csv}); a row label is an {@link Exercise#label()}. */
  public static Table<Exercise> readExercises(Path file) {
    return read(file, "exercise", label -> Stream.of(Exercise.values())
        .filter(x -> x.label().equals(label.toLowerCase(Locale.ROOT))).findFirst().orElse(null));
  }

  private static <P extends PosedFace> Table<P> read(Path file, String what, Function<String, P> rowOf) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
    lines = lines.stream().filter(l -> !l.isBlank()).toList();
    if (lines.size() < 2) {
      throw new BadInputException(file, "needs a header and at least one " + what + " row");
    }
    String[] head = lines.get(0).split(",", -1);
    List<String> channels = new ArrayList<>();
    for (int i = 1; i < head.length; i++) {
      channels.add(head[i].strip());
    }
    if (channels.stream().noneMatch(FRIDLUND_NAMES::contains)) {
      throw new BadInputException(file, "no column is a Fridlund channel (such as 'Zyg li')");
    }
    List<P> faces = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      String label = f[0].strip();
      if (f.length != head.length) {
        throw new BadInputException(file, what + " '" + label + "' has " + (f.length - 1) + " values, not "
            + channels.size());
      }
      P face = rowOf.apply(label);
      if (face == null) {
        throw new BadInputException(file, "unknown " + what + " '" + label + "'");
      }
      if (faces.contains(face)) {
        throw new BadInputException(file, what + " '" + label + "' appears twice");
      }
      double[] row = new double[channels.size()];
      for (int i = 0; i < row.length; i++) {
        try {
          row[i] = Double.parseDouble(f[i + 1].strip());
        } catch (NumberFormatException e) {
          row[i] = Double.NaN;
        }
        if (!(row[i] >= 0) || Double.isInfinite(row[i])) {
          throw new BadInputException(file, what + " '" + label + "', " + channels.get(i) + ": '" + f[i + 1].strip()
              + "' is not an amplitude (a number of uV, at least 0)");
        }
      }
      faces.add(face);
      rows.add(row);
    }
    return new Table<>(faces, channels, rows.toArray(new double[0][]));
  }

  private static Expression expressionOf(String label) {
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
    return null;
  }

  /** Predicted apex RMS {@code [row][lead]} with the built-in muscle model; see the next. */
  public static double[][] predictedRms(Montage montage, double[] amplitudes, List<? extends PosedFace> faces) {
    return predictedRms(montage, amplitudes, faces, new MuscleModel());
  }

  /** Predicted apex RMS {@code [row][lead]} on {@code montage}, amplitudes by muscle ordinal, under {@code model}. */
  public static double[][] predictedRms(Montage montage, double[] amplitudes, List<? extends PosedFace> faces,
      MuscleModel model) {
    double[][] power = powerTerms(montage, faces, model);
    int leads = montage.leads().size();
    double[][] out = new double[faces.size()][leads];
    for (int e = 0; e < faces.size(); e++) {
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
   * The {@code lambda} of {@link #LAMBDAS} with the highest {@link #leaveOneRowOut} under {@code model} (the first
   * among ties).
   */
  public static double chooseLambda(Table<?> table, MuscleModel model) {
    NormalEquations eq = new NormalEquations(table, model);
    double best = 0;
    double bestR = Double.NEGATIVE_INFINITY;
    for (double lambda : LAMBDAS) {
      double r = eq.leaveOneRowOut(lambda);
      if (r > bestR) {
        best = lambda;
        bestR = r;
      }
    }
    return best;
  }

  /**
   * Mean over the table's rows of the Pearson r between a row and its apex profile ({@link #predictedRms}) after a
   * fit on the other rows, over the channels with a value.
   */
  public static double leaveOneRowOut(Table<?> table, double lambda, MuscleModel model) {
    return new NormalEquations(table, model).leaveOneRowOut(lambda);
  }

  /** {@link #fit(Table, double, MuscleModel)} with the built-in muscle model. */
  public static double[] fit(Table<?> table, double lambda) {
    return fit(table, lambda, new MuscleModel());
  }

  /**
   * The amplitude of each muscle (by ordinal), uV at full activation, under {@code model}, shrunk towards the
   * Fridlund muscles' common level with weight {@code lambda} (0: plain non-negative least squares).
   */
  public static double[] fit(Table<?> table, double lambda, MuscleModel model) {
    return new NormalEquations(table, model).fit(-1, lambda);
  }

  /**
   * The least-squares problem of a table under a muscle model, row by row: {@code A'A} and {@code A'b} of each
   * row's channels (muscles without a Fridlund channel moved to the target at their set amplitudes), and the power
   * terms that predict its profile, so that fits leaving out one row reuse them.
   */
  private static final class NormalEquations {
    private final Table<?> table;
    private final double[][][] ata;
    private final double[][] atb;
    private final double[][] power;
    private final int leads;

    NormalEquations(Table<?> table, MuscleModel model) {
      this.table = table;
      List<String> names = FRIDLUND_NAMES;
      leads = names.size();
      power = powerTerms(FRIDLUND, table.rows(), model);
      int n = Muscle.values().length;
      ata = new double[table.rows().size()][n][n];
      atb = new double[table.rows().size()][n];
      for (int e = 0; e < table.rows().size(); e++) {
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
          for (int i = 0; i < n; i++) {
            atb[e][i] += row[i] * target;
            for (int j = 0; j < n; j++) {
              ata[e][i][j] += row[i] * row[j];
            }
          }
        }
      }
    }

    /** The amplitudes fitted on every row but {@code without} (-1: all rows). */
    double[] fit(int without, double lambda) {
      int n = Muscle.values().length;
      double[][] a = new double[n][n];
      double[] b = new double[n];
      for (int e = 0; e < ata.length; e++) {
        if (e == without) {
          continue;
        }
        for (int i = 0; i < n; i++) {
          b[i] += atb[e][i];
          for (int j = 0; j < n; j++) {
            a[i][j] += ata[e][i][j];
          }
        }
      }
      double[] x = shrunkNonNegativeLeastSquares(a, b, lambda);
      double[] amplitudes = new double[n];
      for (Muscle m : Muscle.values()) {
        amplitudes[m.ordinal()] = m.onFridlund() ? Math.sqrt(x[m.ordinal()]) : m.microvoltsAtFull();
      }
      return amplitudes;
    }

    double leaveOneRowOut(double lambda) {
      double sum = 0;
      for (int e = 0; e < ata.length; e++) {
        double[] amplitudes = fit(e, lambda);
        double[] profile = new double[leads];
        for (int c = 0; c < leads; c++) {
          double p = 0;
          for (Muscle m : Muscle.values()) {
            p += power[e * leads + c][m.ordinal()] * amplitudes[m.ordinal()] * amplitudes[m.ordinal()];
          }
          profile[c] = Math.sqrt(p);
        }
        sum += table.pearson(e, profile);
      }
      return sum / ata.length;
    }
  }

  /** Row {@code e * leads + c}, column muscle: sum over sides of {@code (G a)^2} at the expression's apex. */
  private static double[][] powerTerms(Montage montage, List<? extends PosedFace> faces, MuscleModel model) {
    double[][] gains = VolumeConduction.gains(montage);
    int leads = gains.length;
    double[][] out = new double[faces.size() * leads][Muscle.values().length];
    double[] act = new double[MuscleModel.columns()];
    for (int e = 0; e < faces.size(); e++) {
      model.activate(faces.get(e).apex(), act);
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
   * Minimises {@code |A x - b|^2 + lambda s sum_m (x_m - mean(x))^2} subject to {@code x >= 0} given {@code A'A} and
   * {@code A'b}, the sum and mean over the Fridlund muscles and {@code s} their mean diagonal of {@code A'A}: a convex
   * quadratic, {@code x'Qx - 2 A'b x} with {@code Q = A'A + lambda s (I - 11'/k)} on those k muscles, solved exactly
   * by {@link NonNegativeQuadratic}.
   */
  private static double[] shrunkNonNegativeLeastSquares(double[][] ata, double[] atb, double lambda) {
    int n = atb.length;
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
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      q[i] = ata[i].clone();
      q[i][i] += penalty[i];
      for (int j : shrunk) {
        q[i][j] -= penalty[i] / shrunk.size();
      }
    }
    return NonNegativeQuadratic.minimise(q, atb);
  }
}
