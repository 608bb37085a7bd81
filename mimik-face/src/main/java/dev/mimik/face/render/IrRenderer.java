package dev.mimik.face.render;

import dev.mimik.face.camera.Camera;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.Illuminator;
import java.util.List;

/**
 * Renders a {@link SurfaceMesh} as one headset camera sees it under the headset's infrared LEDs.
 *
 * <p>Each LED is a point source: a surface point receives {@code power * max(0, n.l) / d^2} from it (no shadows:
 * the LEDs sit next to the cameras). Skin is Lambertian with its painted reflectance ({@link Look} may add
 * subsurface wrap and a sheen); facial hair replaces the skin in thin vertical strands laid out on the neutral face;
 * eyes are spheres with a dark pupil and iris on the gaze axis and a bright sclera, and mirror the LEDs as glints
 * on a cornea of 7.8 mm radius; surfaces seen from behind (the inside of the mouth) are dark; glasses frames have their own reflectance.
 * The sensor then applies exposure, vignetting, blur, noise and 8-bit quantisation ({@link Sensor}); left views are
 * mirrored by the caller through {@link IrImage#mirrored()}.
 *
 * <p>Stateless and thread-safe; the same inputs and seed give the same bytes.
 */
public final class IrRenderer {

  private static final double INTERIOR_ALBEDO = 0.04;
  private static final double PUPIL_ALBEDO = 0.02;
  private static final double GLINT_EXPONENT = 60;
  /** Radius of curvature of the cornea's front surface (Gullstrand's eye). */
  private static final double CORNEA_RADIUS_MM = 7.8;
  private static final double SHEEN_EXPONENT = 16;
  private static final double OCCLUDER_SHINE = 0.15;
  /** Radiance scale so that typical values are near 1 (LED power in mW/sr over distances of tens of mm). */
  private static final double SCALE = 1000;

  private final Look look;

  public IrRenderer(Look look) {
    this.look = look;
  }

  public Look look() {
    return look;
  }

  /** The visibility buffer of {@code mesh} seen by {@code pose} at {@code width} pixels (faces and backs). */
  public VisibilityBuffer rasterize(SurfaceMesh mesh, HeadsetCamera pose, int width) {
    Camera camera = pose.projection(width);
    ViewProjection p = ViewProjection.of(mesh.positions(), pose, camera);
    VisibilityBuffer buf = new VisibilityBuffer(width, pose.renderHeight(width));
    Rasterizer.draw(p.u(), p.v(), p.w(), mesh.triangles(), 0, mesh.triangleCount(), false, buf);
    return buf;
  }

  /** Linear radiance per pixel (before the sensor), row-major, 0 where nothing is seen. */
  public float[] radiance(SurfaceMesh mesh, HeadsetCamera pose, List<Illuminator> leds, int width) {
    return shade(mesh, rasterize(mesh, pose, width), pose, leds);
  }

  /**
   * The camera image, unmirrored.
   *
   * @param gain exposure: radiance that maps to full scale is {@code 1 / gain} (see {@link #autoGain})
   * @param seed seed of this image's noise
   */
  public IrImage render(SurfaceMesh mesh, HeadsetCamera pose, List<Illuminator> leds, int width, double gain,
      long seed) {
    return view(mesh, pose, leds, width, gain, seed).image();
  }

  /** The camera image (unmirrored) with the visibility buffer it was shaded from. */
  public RenderedView view(SurfaceMesh mesh, HeadsetCamera pose, List<Illuminator> leds, int width, double gain,
      long seed) {
    VisibilityBuffer buf = rasterize(mesh, pose, width);
    float[] radiance = shade(mesh, buf, pose, leds);
    return new RenderedView(Sensor.expose(radiance, buf.width, buf.height, look, gain, seed, pose.name().hashCode()),
        buf);
  }

  /** The exposure that puts the 95th percentile of the seen radiance at 80 % of full scale (auto-exposure). */
  public static double autoGain(float[] radiance) {
    int n = 0;
    float[] seen = new float[radiance.length];
    for (float r : radiance) {
      if (r > 0) {
        seen[n++] = r;
      }
    }
    if (n == 0) {
      return 1;
    }
    java.util.Arrays.sort(seen, 0, n);
    float p95 = seen[Math.min(n - 1, (int) (0.95 * n))];
    return p95 > 0 ? 0.8 / p95 : 1;
  }

  private float[] shade(SurfaceMesh mesh, VisibilityBuffer buf, HeadsetCamera pose, List<Illuminator> leds) {
    int nl = leds.size();
    double[] lx = new double[nl];
    double[] ly = new double[nl];
    double[] lz = new double[nl];
    double[] lp = new double[nl];
    for (int i = 0; i < nl; i++) {
      Illuminator l = leds.get(i);
      lx[i] = l.positionMm().getX();
      ly[i] = l.positionMm().getY();
      lz[i] = l.positionMm().getZ();
      lp[i] = l.powerMwPerSr() * SCALE;
    }
    double cx = pose.positionMm().getX();
    double cy = pose.positionMm().getY();
    double cz = pose.positionMm().getZ();
    float[] pos = mesh.positions();
    float[] nor = mesh.normals();
    int[] tri = mesh.triangles();
    float[] out = new float[buf.triangle.length];
    double[] n = new double[3];
    for (int k = 0; k < out.length; k++) {
      int t = buf.triangle[k];
      if (t < 0) {
        continue;
      }
      int i0 = tri[3 * t];
      int i1 = tri[3 * t + 1];
      int i2 = tri[3 * t + 2];
      double w1 = buf.b1[k];
      double w2 = buf.b2[k];
      double w0 = 1 - w1 - w2;
      double px = w0 * pos[3 * i0] + w1 * pos[3 * i1] + w2 * pos[3 * i2];
      double py = w0 * pos[3 * i0 + 1] + w1 * pos[3 * i1 + 1] + w2 * pos[3 * i2 + 1];
      double pz = w0 * pos[3 * i0 + 2] + w1 * pos[3 * i1 + 2] + w2 * pos[3 * i2 + 2];
      double vx = cx - px;
      double vy = cy - py;
      double vz = cz - pz;
      double vl = Math.sqrt(vx * vx + vy * vy + vz * vz);
      vx /= vl;
      vy /= vl;
      vz /= vl;
      byte material = mesh.material()[t];
      double albedo;
      double specular = 0;
      double exponent = 1;
      if (material == SurfaceMesh.EYE_LEFT || material == SurfaceMesh.EYE_RIGHT) {
        EyeGeometry eye = mesh.eye(material);
        n[0] = px - eye.centre()[0];
        n[1] = py - eye.centre()[1];
        n[2] = pz - eye.centre()[2];
        normalize(n);
        double cos = n[0] * eye.gaze()[0] + n[1] * eye.gaze()[1] + n[2] * eye.gaze()[2];
        albedo = cos > eye.pupilCos() ? PUPIL_ALBEDO : cos > eye.irisCos() ? eye.irisAlbedo() : eye.scleraAlbedo();
        if (cos > eye.irisCos()) {
          // over the iris the cornea bulges with its own, tighter curvature: glints sit near the pupil
          double shift = eye.radiusMm() - CORNEA_RADIUS_MM;
          n[0] = px - eye.centre()[0] - shift * eye.gaze()[0];
          n[1] = py - eye.centre()[1] - shift * eye.gaze()[1];
          n[2] = pz - eye.centre()[2] - shift * eye.gaze()[2];
          normalize(n);
        }
        specular = look.glint();
        exponent = GLINT_EXPONENT;
      } else {
        n[0] = w0 * nor[3 * i0] + w1 * nor[3 * i1] + w2 * nor[3 * i2];
        n[1] = w0 * nor[3 * i0 + 1] + w1 * nor[3 * i1 + 1] + w2 * nor[3 * i2 + 1];
        n[2] = w0 * nor[3 * i0 + 2] + w1 * nor[3 * i1 + 2] + w2 * nor[3 * i2 + 2];
        normalize(n);
        float[] alb = mesh.albedo();
        albedo = w0 * alb[i0] + w1 * alb[i1] + w2 * alb[i2];
        if (buf.back[k]) {
          n[0] = -n[0];
          n[1] = -n[1];
          n[2] = -n[2];
          albedo = material == SurfaceMesh.OCCLUDER ? albedo : INTERIOR_ALBEDO;
        } else if (material == SurfaceMesh.OCCLUDER) {
          specular = OCCLUDER_SHINE;
          exponent = SHEEN_EXPONENT;
        } else {
          float[] hair = mesh.hair();
          double h = w0 * hair[i0] + w1 * hair[i1] + w2 * hair[i2];
          if (h > 0.02) {
            float[] rest = mesh.rest();
            double rx = w0 * rest[3 * i0] + w1 * rest[3 * i1] + w2 * rest[3 * i2];
            double ry = w0 * rest[3 * i0 + 1] + w1 * rest[3 * i1 + 1] + w2 * rest[3 * i2 + 1];
            double rz = w0 * rest[3 * i0 + 2] + w1 * rest[3 * i1 + 2] + w2 * rest[3 * i2 + 2];
            if (Strands.covered(rx, ry, rz, h)) {
              albedo = mesh.hairAlbedo();
            }
          }
          specular = look.sheen();
          exponent = SHEEN_EXPONENT;
        }
      }
      double ndv = n[0] * vx + n[1] * vy + n[2] * vz;
      double value = 0;
      for (int i = 0; i < nl; i++) {
        double dx = lx[i] - px;
        double dy = ly[i] - py;
        double dz = lz[i] - pz;
        double d2 = dx * dx + dy * dy + dz * dz;
        double d = Math.sqrt(d2);
        double ndl = (n[0] * dx + n[1] * dy + n[2] * dz) / d;
        double diffuse = look.wrap() > 0 ? Math.max(0, (ndl + look.wrap()) / (1 + look.wrap())) : Math.max(0, ndl);
        double irradiance = lp[i] / d2;
        value += albedo * diffuse * irradiance;
        if (specular > 0 && ndl > 0) {
          // reflection of the view direction about the normal, against the direction to the LED
          double rx = 2 * ndv * n[0] - vx;
          double ry = 2 * ndv * n[1] - vy;
          double rz = 2 * ndv * n[2] - vz;
          double rdl = (rx * dx + ry * dy + rz * dz) / d;
          if (rdl > 0) {
            value += specular * irradiance * Math.pow(rdl, exponent);
          }
        }
      }
      out[k] = (float) value;
    }
    return out;
  }

  private static void normalize(double[] v) {
    double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    if (len > 0) {
      v[0] /= len;
      v[1] /= len;
      v[2] /= len;
    }
  }
}
