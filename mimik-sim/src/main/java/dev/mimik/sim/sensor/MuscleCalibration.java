package dev.mimik.sim.sensor;

import dev.mimik.sim.muscle.CoActivation;
import dev.mimik.sim.muscle.MuscleModel;
import dev.mimik.sim.performance.PosedFace;
import java.util.List;

/**
 * The simulator's muscles calibrated on a table of mean amplitudes ({@link FridlundCalibration.Table}): the
 * amplitude of each muscle and the lip and chin {@link CoActivation} weights.
 *
 * <p>{@link #amplitudesOn} fits the amplitudes alone, with the given co-activation. {@link #on} also derives the
 * co-activation weights from the table: a weight whose shape no row's apex uses is not identified and stays 0;
 * the others take values of {@link #GRID}, searched one weight at a time in {@link CoActivation#LINKS}' order from
 * all at 0, each candidate with its own amplitude fit, keeping a move when it raises the rows' mean in-sample r by
 * more than {@link #GAIN}, until a sweep moves nothing. Pearson r is the criterion because it is what the
 * validation reports and, unlike the squared residual the amplitudes are fitted with, it weighs a quiet row like a
 * loud one.
 *
 * @param amplitudes uV at full activation, by muscle ordinal
 * @param coActivation the lip and chin co-activation weights
 * @param lambda the amplitude fit's shrinkage weight, chosen by leaving out one row at a time
 */
public record MuscleCalibration(double[] amplitudes, CoActivation coActivation, double lambda) {

  /** The values a co-activation weight is searched over. */
  public static final List<Double> GRID = List.of(0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0);

  /** The smallest rise of the mean in-sample r for which the search changes a weight. */
  public static final double GAIN = 1e-4;

  private static final int MAX_SWEEPS = 10;

  public MuscleCalibration {
    amplitudes = amplitudes.clone();
  }

  @Override
  public double[] amplitudes() {
    return amplitudes.clone();
  }

  /**
   * The built-in muscles every simulation uses unless told otherwise: {@link Biosensor#defaultAmplitudes()} (the
   * unshrunk fit to the emotion table) and {@link CoActivation#builtIn()}.
   */
  public static MuscleCalibration builtIn() {
    return new MuscleCalibration(Biosensor.defaultAmplitudes(), CoActivation.builtIn(), 0);
  }

  /** The amplitudes fitted on {@code table} with {@code coActivation} fixed; shrinkage chosen by leave-one-out. */
  public static MuscleCalibration amplitudesOn(FridlundCalibration.Table<?> table, CoActivation coActivation) {
    MuscleModel model = new MuscleModel(coActivation);
    double lambda = FridlundCalibration.chooseLambda(table, model);
    return new MuscleCalibration(FridlundCalibration.fit(table, lambda, model), coActivation, lambda);
  }

  /** The co-activation weights and the amplitudes, both derived from {@code table}. */
  public static MuscleCalibration on(FridlundCalibration.Table<?> table) {
    MuscleCalibration best = amplitudesOn(table, CoActivation.none());
    double bestR = best.meanPearson(table);
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean moved = false;
      for (int i = 0; i < CoActivation.LINKS.size(); i++) {
        if (!used(table, CoActivation.LINKS.get(i).shape())) {
          continue;
        }
        for (double w : GRID) {
          if (w == best.coActivation().weight(i)) {
            continue;
          }
          MuscleCalibration c = amplitudesOn(table, best.coActivation().with(i, w));
          double r = c.meanPearson(table);
          if (r > bestR + GAIN) {
            best = c;
            bestR = r;
            moved = true;
          }
        }
      }
      if (!moved) {
        break;
      }
    }
    return best;
  }

  /** The muscle model these co-activation weights give. */
  public MuscleModel muscles() {
    return new MuscleModel(coActivation);
  }

  /** The apex RMS of each face on the Fridlund montage, {@code [face][lead]}: no noise, no chain. */
  public double[][] predictedRms(List<? extends PosedFace> faces) {
    return FridlundCalibration.predictedRms(Montage.fridlund(), amplitudes, faces, muscles());
  }

  /** Per row of {@code table}, the Pearson r of its values with this calibration's apex profile. */
  public double[] pearson(FridlundCalibration.Table<?> table) {
    double[][] p = predictedRms(table.rows());
    double[] r = new double[p.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = table.pearson(i, p[i]);
    }
    return r;
  }

  private double meanPearson(FridlundCalibration.Table<?> table) {
    double s = 0;
    for (double r : pearson(table)) {
      s += r;
    }
    return s / table.rows().size();
  }

  /** Whether some row's apex uses ARKit base name {@code shape} (on either side). */
  private static boolean used(FridlundCalibration.Table<?> table, String shape) {
    List<String> names = dev.mimik.core.data.Blendshapes.ARKIT_52;
    for (PosedFace f : table.rows()) {
      double[] apex = f.apex();
      for (int k = 0; k < names.size(); k++) {
        if (apex[k] > 0 && names.get(k).replaceFirst("(Left|Right)$", "").equals(shape)) {
          return true;
        }
      }
    }
    return false;
  }
}
