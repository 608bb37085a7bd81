package dev.mimik.face.render;

/**
 * Paints a person's near-infrared skin onto a rig's neutral vertices from its 68 landmarks: eyebrows, the upper
 * lash line and the lips change the reflectance; beard and moustache set a facial-hair coverage that the shader
 * turns into strands. Only the x-y layout of the front of the face is used (the rig looks along +Z).
 */
final class SkinMap {

  private static final int[] RIGHT_BROW = {17, 18, 19, 20, 21};
  private static final int[] LEFT_BROW = {22, 23, 24, 25, 26};
  private static final int[] RIGHT_LASHES = {36, 37, 38, 39};
  private static final int[] LEFT_LASHES = {42, 43, 44, 45};
  private static final int[] OUTER_LIPS = {48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59};
  private static final int[] JAW = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};

  private final double[] lx = new double[68];
  private final double[] ly = new double[68];
  private final double[] lz = new double[68];

  /** A map for a face whose 68 landmarks are at {@code landmarksMm} (x0, y0, z0, ...; mm). */
  SkinMap(double[] landmarksMm) {
    for (int i = 0; i < 68; i++) {
      lx[i] = landmarksMm[3 * i];
      ly[i] = landmarksMm[3 * i + 1];
      lz[i] = landmarksMm[3 * i + 2];
    }
  }

  /** Reflectance of a skin point at {@code (x, y, z)} (mm) of the neutral face. */
  double albedo(FaceLook look, double x, double y, double z) {
    if (!onFront(z)) {
      return look.skinAlbedo();
    }
    double a = look.skinAlbedo();
    double brow = Math.max(band(RIGHT_BROW, x, y, 3.0, 6.0), band(LEFT_BROW, x, y, 3.0, 6.0));
    a *= 1 - look.browDarkness() * brow;
    double lash = Math.max(band(RIGHT_LASHES, x, y, 0.8, 2.5), band(LEFT_LASHES, x, y, 0.8, 2.5));
    a *= 1 - look.lashDarkness() * lash;
    if (inside(OUTER_LIPS, x, y)) {
      a *= look.lipFactor();
    }
    return a;
  }

  /** Facial-hair coverage (0..1) at a neutral skin point. */
  double hair(FaceLook look, double x, double y, double z) {
    if ((look.beard() <= 0 && look.moustache() <= 0) || !onFront(z) || inside(OUTER_LIPS, x, y)
        || nearLips(x, y) || !insideJawBelowNose(x, y)) {
      return 0;
    }
    double cornerX = Math.max(Math.abs(lx[48]), Math.abs(lx[54]));
    double lipTop = Math.max(ly[50], Math.max(ly[51], ly[52]));
    double noseBase = ly[33];
    if (Math.abs(x) < cornerX + 5 && y > lipTop && y < noseBase - 1.5) {
      return look.moustache();
    }
    double cheekTop = noseBase - 12;
    if (Math.abs(x) > cornerX + 5 && y > cheekTop) {
      return 0;
    }
    return y < lipTop ? look.beard() : 0;
  }

  private boolean onFront(double z) {
    return z > lz[8] - 40;
  }

  private boolean nearLips(double x, double y) {
    for (int i : OUTER_LIPS) {
      if (Math.hypot(x - lx[i], y - ly[i]) < 1.5) {
        return true;
      }
    }
    return false;
  }

  /** Inside the jaw contour (landmarks 2-14), closed along the level of the nose base (landmark 33). */
  private boolean insideJawBelowNose(double x, double y) {
    if (y > ly[33]) {
      return false;
    }
    double[] px = new double[JAW.length + 2];
    double[] py = new double[JAW.length + 2];
    for (int k = 0; k < JAW.length; k++) {
      px[k] = lx[JAW[k]];
      py[k] = ly[JAW[k]];
    }
    px[JAW.length] = lx[JAW[JAW.length - 1]];
    py[JAW.length] = ly[33];
    px[JAW.length + 1] = lx[JAW[0]];
    py[JAW.length + 1] = ly[33];
    return inside(px, py, x, y);
  }

  private boolean inside(int[] polygon, double x, double y) {
    double[] px = new double[polygon.length];
    double[] py = new double[polygon.length];
    for (int k = 0; k < polygon.length; k++) {
      px[k] = lx[polygon[k]];
      py[k] = ly[polygon[k]];
    }
    return inside(px, py, x, y);
  }

  /** Even-odd point in polygon. */
  private static boolean inside(double[] px, double[] py, double x, double y) {
    boolean in = false;
    for (int i = 0, j = px.length - 1; i < px.length; j = i++) {
      if ((py[i] > y) != (py[j] > y) && x < (px[j] - px[i]) * (y - py[i]) / (py[j] - py[i]) + px[i]) {
        in = !in;
      }
    }
    return in;
  }

  /** 1 within {@code full} mm of the polyline through the landmarks, fading to 0 at {@code zero} mm. */
  private double band(int[] polyline, double x, double y, double full, double zero) {
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k + 1 < polyline.length; k++) {
      best = Math.min(best, segmentDistance(lx[polyline[k]], ly[polyline[k]], lx[polyline[k + 1]],
          ly[polyline[k + 1]], x, y));
    }
    double t = (best - full) / (zero - full);
    t = Math.max(0, Math.min(1, t));
    return 1 - t * t * (3 - 2 * t);
  }

  private static double segmentDistance(double ax, double ay, double bx, double by, double x, double y) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    return Math.hypot(x - ax - t * dx, y - ay - t * dy);
  }
}
