package dev.mimik.face.fit;

import dev.mimik.core.data.LandmarkSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The local dynamic loss (LDL) of "Eye Motion Matters for 3D Face Reconstruction": weights of a term on the
 * relative distances of upper/lower landmark pairs of the eyelids and the lips. For each pair (u, l) the residual
 * is {@code weight * ((fit_u - fit_l) - (obs_u - obs_l)) / width}, a 2D vector in pixels divided by the observed
 * width of its region (eye corner to corner, mouth corner to corner), so the term says "open this much relative to
 * this eye / mouth" whatever the face's size. Taking the difference vector rather than its length keeps the
 * residual smooth at a closure (length 0), where a length is not differentiable and a closed eye must be exact.
 *
 * <p>Pairs in the iBUG numbering: eyelids 37-41, 38-40 (right eye), 43-47, 44-46 (left eye); lips 49-59, 50-58,
 * 51-57, 52-56, 53-55 (outer) and 61-67, 62-66, 63-65 (inner). A weight of 0 switches a region off, as the
 * paper's {0, 1} mask; both 0 (the default) leaves the fitter as it was.
 *
 * @param eyes weight of the eyelid pairs
 * @param mouth weight of the lip pairs
 */
public record LocalDistances(double eyes, double mouth) {

  static final int[][] EYE_PAIRS = {{37, 41}, {38, 40}, {43, 47}, {44, 46}};
  static final int[][] EYE_WIDTHS = {{36, 39}, {36, 39}, {42, 45}, {42, 45}};
  static final int[][] LIP_PAIRS = {{49, 59}, {50, 58}, {51, 57}, {52, 56}, {53, 55}, {61, 67}, {62, 66}, {63, 65}};
  static final int[] MOUTH_WIDTH = {48, 54};

  public LocalDistances {
    if (!(eyes >= 0) || !(mouth >= 0) || Double.isInfinite(eyes) || Double.isInfinite(mouth)) {
      throw new IllegalArgumentException("local distance weights must be finite and non-negative");
    }
  }

  /** The paper's full method: eyelids and lips both at weight 1. */
  public static LocalDistances eyesAndLips() {
    return new LocalDistances(1, 1);
  }

  /** No local distance term. */
  public static LocalDistances off() {
    return new LocalDistances(0, 0);
  }

  public boolean isOff() {
    return eyes == 0 && mouth == 0;
  }

  /**
   * The weighted pairs of a landmark set as positions in the set: {@code {upper, lower, widthA, widthB}} and the
   * weight; pairs with weight 0 are left out.
   */
  List<Pair> pairs(LandmarkSet set) {
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < EYE_PAIRS.length && eyes > 0; i++) {
      out.add(pair(set, EYE_PAIRS[i], EYE_WIDTHS[i], eyes));
    }
    for (int i = 0; i < LIP_PAIRS.length && mouth > 0; i++) {
      out.add(pair(set, LIP_PAIRS[i], MOUTH_WIDTH, mouth));
    }
    return out;
  }

  private static Pair pair(LandmarkSet set, int[] pair, int[] width, double weight) {
    return new Pair(set.positionOf(pair[0]), set.positionOf(pair[1]), set.positionOf(width[0]),
        set.positionOf(width[1]), weight);
  }

  /** One pair, as positions in the landmark set. */
  record Pair(int upper, int lower, int widthA, int widthB, double weight) {}
}
