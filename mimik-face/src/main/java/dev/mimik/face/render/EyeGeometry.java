package dev.mimik.face.render;

/**
 * One posed eyeball as the shader sees it: a sphere with the pupil and iris centred on its gaze axis.
 *
 * @param material {@link SurfaceMesh#EYE_LEFT} or {@link SurfaceMesh#EYE_RIGHT}
 * @param centre centre in the head frame, mm {x, y, z}
 * @param gaze unit gaze direction {x, y, z}
 * @param radiusMm eyeball radius
 * @param irisCos cosine of the iris's angular radius seen from the centre
 * @param pupilCos cosine of the pupil's angular radius seen from the centre
 * @param irisAlbedo reflectance of the iris
 * @param scleraAlbedo reflectance of the sclera
 */
public record EyeGeometry(byte material, double[] centre, double[] gaze, double radiusMm, double irisCos,
    double pupilCos, double irisAlbedo, double scleraAlbedo) {}
