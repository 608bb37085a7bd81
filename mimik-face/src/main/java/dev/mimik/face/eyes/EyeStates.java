package dev.mimik.face.eyes;

import dev.mimik.core.data.LandmarkSet;

/**
 * Eye state of both eyes in every frame of a landmark sequence (the landmark path): each eye's aperture ratio,
 * turned into a closure probability by a {@link ClosureModel} calibrated on that eye's own apertures over the
 * sequence. Result indices: {@code [frame][eye.ordinal()]}.
 */
public final class EyeStates {

  private EyeStates() {}

  /** Per frame and eye, with each eye's open aperture calibrated on these frames. */
  public static EyeState[][] estimate(double[][] frames, LandmarkSet set) {
    Eye[] eyes = Eye.values();
    double[][] apertures = new double[eyes.length][frames.length];
    ClosureModel[] models = new ClosureModel[eyes.length];
    for (Eye eye : eyes) {
      for (int f = 0; f < frames.length; f++) {
        apertures[eye.ordinal()][f] = eye.aperture(frames[f], set);
      }
      models[eye.ordinal()] = ClosureModel.calibrated(apertures[eye.ordinal()]);
    }
    return estimate(apertures, models);
  }

  /** Per frame and eye with given closure models (one per eye, in {@link Eye} order). */
  public static EyeState[][] estimate(double[][] frames, LandmarkSet set, ClosureModel[] models) {
    Eye[] eyes = Eye.values();
    double[][] apertures = new double[eyes.length][frames.length];
    for (Eye eye : eyes) {
      for (int f = 0; f < frames.length; f++) {
        apertures[eye.ordinal()][f] = eye.aperture(frames[f], set);
      }
    }
    return estimate(apertures, models);
  }

  private static EyeState[][] estimate(double[][] apertures, ClosureModel[] models) {
    int frames = apertures[0].length;
    EyeState[][] out = new EyeState[frames][apertures.length];
    for (int f = 0; f < frames; f++) {
      for (int e = 0; e < apertures.length; e++) {
        double a = apertures[e][f];
        out[f][e] = new EyeState(a, models[e].closure(a));
      }
    }
    return out;
  }

  /**
   * Fuses landmark-path states with EOG closure probabilities per frame ({@link EyeState#fuse}); the EOG is one
   * vertical channel, so the same probability applies to both eyes.
   */
  public static EyeState[][] fuse(EyeState[][] landmarkStates, double[] eogClosure) {
    if (landmarkStates.length != eogClosure.length) {
      throw new IllegalArgumentException(landmarkStates.length + " landmark frames but " + eogClosure.length
          + " EOG frames");
    }
    EyeState[][] out = new EyeState[landmarkStates.length][];
    for (int f = 0; f < out.length; f++) {
      out[f] = new EyeState[landmarkStates[f].length];
      for (int e = 0; e < out[f].length; e++) {
        out[f][e] = landmarkStates[f][e].fusedWith(eogClosure[f]);
      }
    }
    return out;
  }

  /** Both eyes in every frame from an EOG closure probability alone (no landmarks: aperture NaN). */
  public static EyeState[][] fromEog(double[] eogClosure) {
    EyeState[][] out = new EyeState[eogClosure.length][Eye.values().length];
    for (int f = 0; f < out.length; f++) {
      for (int e = 0; e < out[f].length; e++) {
        out[f][e] = new EyeState(Double.NaN, eogClosure[f]);
      }
    }
    return out;
  }
}
