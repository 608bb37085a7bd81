package dev.mimik.face.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mimik.face.headset.CameraRole;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.Headsets;
import dev.mimik.face.headset.Illuminator;
import dev.mimik.face.headset.Intrinsics;
import dev.mimik.face.headset.Side;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The infrared renderer on the embedded rig and on hand-built scenes. */
class IrRendererTest {

  private static FaceRig rig;
  private static FaceSurface face;
  private static Headset refa5;

  @BeforeAll
  static void setUp() {
    rig = EmbeddedRig.load();
    face = new FaceSurface(rig, new double[0], FaceLook.plain(), true);
    refa5 = Headsets.builtIn("refa5");
  }

  private static double[] weights(String... names) {
    double[] w = new double[rig.shapeCount()];
    for (String n : names) {
      w[rig.shapeIndex(n)] = 1;
    }
    return w;
  }

  private static IrImage view(IrRenderer r, SurfaceMesh mesh, String camera, long seed) {
    HeadsetCamera cam = refa5.camera(camera);
    double gain = IrRenderer.autoGain(r.radiance(face.pose(weights()), cam, refa5.illuminators(), 64));
    IrImage img = r.render(mesh, cam, refa5.illuminators(), 64, gain, seed);
    return cam.side().mirrored() ? img.mirrored() : img;
  }

  private static double meanAbsDifference(IrImage a, IrImage b) {
    double s = 0;
    for (int i = 0; i < a.pixels().length; i++) {
      s += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
    }
    return s / a.pixels().length;
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOtherNoise() {
    IrRenderer r = new IrRenderer(Look.captured());
    SurfaceMesh m = face.pose(weights("jawOpen"));
    IrImage a = view(r, m, "mouth_right", 7);
    IrImage b = view(r, m, "mouth_right", 7);
    IrImage c = view(r, m, "mouth_right", 8);
    assertThat(a.pixels()).isEqualTo(b.pixels());
    assertThat(a.pixels()).isNotEqualTo(c.pixels());
    assertThat(meanAbsDifference(a, c)).isLessThan(6);
  }

  @Test
  void mirroringFlipsColumnsAndTwiceIsTheIdentity() {
    IrImage img = new IrImage(3, 2, new byte[] {1, 2, 3, 4, 5, 6});
    assertThat(img.mirrored().pixels()).containsExactly(3, 2, 1, 6, 5, 4);
    assertThat(img.mirrored().mirrored().pixels()).isEqualTo(img.pixels());
  }

  @Test
  void aMirroredLeftViewLooksLikeTheRightViewOfTheMirroredFace() {
    // refa5's cameras and LEDs and the embedded rig are left-right symmetric, so a left wink seen by the left eye
    // camera, mirrored, is what the right eye camera sees of a right wink
    IrRenderer r = new IrRenderer(Look.synthetic().noiseless());
    IrImage left = view(r, face.pose(weights("eyeBlinkLeft")), "eye_left", 1);
    IrImage right = view(r, face.pose(weights("eyeBlinkRight")), "eye_right", 1);
    IrImage rightOpen = view(r, face.pose(weights("eyeBlinkLeft")), "eye_right", 1);
    assertThat(meanAbsDifference(left, right)).isLessThan(1.0);
    // and the comparison can tell a closed eye from an open one
    assertThat(meanAbsDifference(left, rightOpen)).isGreaterThan(3 * meanAbsDifference(left, right) + 1);
    IrImage unmirrored = r.render(face.pose(weights("eyeBlinkLeft")), refa5.camera("eye_left"),
        refa5.illuminators(), 64, 1e-3, 1);
    assertThat(meanAbsDifference(unmirrored.mirrored(), left)).isLessThan(meanAbsDifference(unmirrored, left));
  }

  @Test
  void irradianceFallsWithTheSquareOfTheDistance() {
    // a flat square facing a camera with an LED at the camera: its radiance at 40 mm is four times that at 80 mm
    HeadsetCamera cam = new HeadsetCamera("c", CameraRole.MOUTH, Side.CENTER, false, new Vector3D(0, 0, 0),
        Rotation.IDENTITY, Intrinsics.ofFov(Intrinsics.Model.PINHOLE, 30, 32, 32));
    List<Illuminator> led = List.of(new Illuminator("l", Vector3D.ZERO, 1));
    IrRenderer r = new IrRenderer(Look.synthetic().noiseless());
    double near = r.radiance(square(-40), cam, led, 32)[16 * 32 + 16];
    double far = r.radiance(square(-80), cam, led, 32)[16 * 32 + 16];
    assertThat(near / far).isCloseTo(4, within(0.01));
  }

  /** A 200 mm square of skin in the plane z at depth, facing +Z, albedo 0.5. */
  private static SurfaceMesh square(double z) {
    float h = 100;
    float[] p = {-h, -h, (float) z, h, -h, (float) z, h, h, (float) z, -h, h, (float) z};
    float[] n = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
    return new SurfaceMesh(p, n, new float[] {0.5f, 0.5f, 0.5f, 0.5f}, new float[4], p.clone(),
        new int[] {0, 1, 2, 0, 2, 3}, new byte[2], List.of(), 0.2);
  }

  @Test
  void thePupilIsDarkTheScleraBrightAndTheCorneaGlints() {
    IrRenderer r = new IrRenderer(Look.synthetic().noiseless());
    // looking out to the side shows sclera on the nasal side; the pupil lies on the gaze axis
    SurfaceMesh m = face.pose(weights("eyeLookOutRight", "eyeLookInLeft"));
    HeadsetCamera cam = refa5.camera("eye_right");
    EyeGeometry eye = m.eye(SurfaceMesh.EYE_RIGHT);
    Vector3D centre = new Vector3D(eye.centre());
    Vector3D gaze = new Vector3D(eye.gaze());
    float[] radiance = r.radiance(m, cam, refa5.illuminators(), 128);
    double pupil = at(radiance, cam, centre.add(eye.radiusMm(), gaze));
    // a sclera point between the iris and the inner corner: toward +X (the nose) from the iris edge
    Vector3D toNose = Vector3D.crossProduct(Vector3D.PLUS_J, gaze).normalize();
    Vector3D scleraDir = gaze.scalarMultiply(Math.cos(Math.toRadians(40)))
        .add(toNose.scalarMultiply(Math.sin(Math.toRadians(40))));
    double sclera = at(radiance, cam, centre.add(eye.radiusMm(), scleraDir));
    assertThat(sclera).isGreaterThan(10 * pupil);
    SurfaceMesh ahead = face.pose(weights());
    radiance = r.radiance(ahead, cam, refa5.illuminators(), 128);
    VisibilityBuffer buf = r.rasterize(ahead, cam, 128);
    float[] plain = new IrRenderer(withoutGlints()).radiance(ahead, cam, refa5.illuminators(), 128);
    double eyeMax = 0;
    double eyeMaxNoGlint = 0;
    double skinMax = 0;
    for (int k = 0; k < radiance.length; k++) {
      int t = buf.triangle(k % 128, k / 128);
      if (t >= 0 && m.material()[t] == SurfaceMesh.EYE_RIGHT) {
        eyeMax = Math.max(eyeMax, radiance[k]);
        eyeMaxNoGlint = Math.max(eyeMaxNoGlint, plain[k]);
      } else if (t >= 0) {
        skinMax = Math.max(skinMax, radiance[k]);
      }
    }
    assertThat(eyeMax).isGreaterThan(2 * eyeMaxNoGlint);
    assertThat(eyeMax).isGreaterThan(skinMax);
  }

  private static Look withoutGlints() {
    Look s = Look.synthetic().noiseless();
    return new Look("no-glints", s.wrap(), s.sheen(), 0, s.blurPx(), s.vignetting(), 0, 0, 0, 0, 1, 0);
  }

  private static double at(float[] radiance, HeadsetCamera cam, Vector3D headPoint) {
    var uv = cam.projection(128).project(cam.toCamera(headPoint));
    return radiance[(int) uv.getY() * 128 + (int) uv.getX()];
  }

  @Test
  void anOpenMouthShowsADarkInterior() {
    IrRenderer r = new IrRenderer(Look.synthetic().noiseless());
    HeadsetCamera cam = refa5.camera("mouth_right");
    VisibilityBuffer closed = r.rasterize(face.pose(weights()), cam, 64);
    VisibilityBuffer open = r.rasterize(face.pose(weights("jawOpen")), cam, 64);
    int backClosed = 0;
    int backOpen = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        backClosed += closed.triangle(x, y) >= 0 && closed.backFacing(x, y) ? 1 : 0;
        backOpen += open.triangle(x, y) >= 0 && open.backFacing(x, y) ? 1 : 0;
      }
    }
    assertThat(backOpen).isGreaterThan(2 * backClosed + 10);
  }

  @Test
  void glassesFramesOccludeTheEyeCameraAndBeardsDarkenTheChin() {
    IrRenderer r = new IrRenderer(Look.synthetic().noiseless());
    FaceSurface withGlasses = new FaceSurface(rig, new double[0],
        FaceLook.plain().withGlasses(GlassesStyle.typical()), true);
    SurfaceMesh m = withGlasses.pose(weights());
    VisibilityBuffer buf = r.rasterize(m, refa5.camera("glabella"), 64);
    int frame = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int t = buf.triangle(x, y);
        frame += t >= 0 && m.material()[t] == SurfaceMesh.OCCLUDER ? 1 : 0;
      }
    }
    assertThat(frame).isGreaterThan(40);
    FaceSurface bearded = new FaceSurface(rig, new double[0], FaceLook.plain().withFacialHair(1, 1), true);
    HeadsetCamera mouth = refa5.camera("mouth_left");
    double plain = mean(r.radiance(face.pose(weights()), mouth, refa5.illuminators(), 64));
    double hairy = mean(r.radiance(bearded.pose(weights()), mouth, refa5.illuminators(), 64));
    assertThat(hairy).isLessThan(0.85 * plain);
  }

  private static double mean(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    return s / v.length;
  }

  @Test
  void subdivisionPutsEdgeMidpointsOnTheCurvedSurface() {
    // an octahedron on the unit sphere with its vertex normals: PN midpoints bulge toward the sphere
    float[] p = {1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1};
    int[] t = {0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5};
    PnSubdivision s = new PnSubdivision(6, t);
    float[] outP = new float[3 * s.vertexCount()];
    float[] outN = new float[outP.length];
    s.apply(p, p.clone(), outP, outN);
    assertThat(s.vertexCount()).isEqualTo(18);
    assertThat(s.triangles()).hasSize(4 * t.length);
    for (int v = 6; v < 18; v++) {
      double r = Math.sqrt(outP[3 * v] * outP[3 * v] + outP[3 * v + 1] * outP[3 * v + 1]
          + outP[3 * v + 2] * outP[3 * v + 2]);
      // a flat midpoint would be at 0.707; the cubic's is at 0.884, a quarter of the way to the sphere... and more
      assertThat(r).isGreaterThan(0.85).isLessThan(1.0);
    }
  }
}
