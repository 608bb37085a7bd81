package dev.mimik.face.rig.gallery;

import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.rig.Eyeball;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.PosedMesh;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Writes pictures of a rig's neutral face and key expressions as PNGs plus a README, so a person can check that
 * each target reads as its name ({@code docs/rig/README.md} says how to regenerate them).
 */
public final class RigGallery {

  /** The expressions drawn, file name to weights. */
  static final Map<String, Map<String, Double>> EXPRESSIONS = expressions();

  private static final Color SKIN = new Color(232, 190, 160);
  private static final Color LIP = new Color(200, 105, 105);
  private static final Color BROW = new Color(120, 85, 60);
  private static final Color SCLERA = new Color(245, 245, 240);
  private static final Color IRIS = new Color(70, 120, 170);
  private static final Color PUPIL = new Color(15, 15, 20);

  private final FaceRig rig;
  private final Color[] colours;

  public RigGallery(FaceRig rig) {
    this.rig = rig;
    this.colours = colours(rig);
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/rig");
    new RigGallery(EmbeddedRig.load()).write(dir);
  }

  /** Renders one expression (target name to weight; others 0), the head turned a little to its right. */
  public BufferedImage render(Map<String, Double> expression, String caption) {
    double[] w = new double[rig.shapeCount()];
    expression.forEach((name, value) -> {
      int k = rig.shapeIndex(name);
      if (k < 0) {
        throw new IllegalArgumentException("rig " + rig.name() + " has no target " + name);
      }
      w[k] = value;
    });
    float[] mesh = PosedMesh.of(rig, w, new double[0]);
    double scale = rig.millimetresPerUnit();
    HeadPose pose = HeadPose.ofEulerDegrees(-18, 4, 0, 0, 0.8 * 10 / scale, -550 / scale);
    PinholeCamera camera = new PinholeCamera(1150, 180, 215, 360, 420);
    BufferedImage img = new FlatRenderer(360, 420, new Color(40, 40, 46)).render(mesh, rig.triangles(), colours,
        pose, camera);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    g.drawString(caption, 8, 410);
    g.dispose();
    return img;
  }

  /** Writes one PNG per expression and a README listing them. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder md = new StringBuilder("# The rig \"" + rig.name() + "\"\n\n"
        + rig.vertexCount() + " vertices, " + rig.triangles().length / 3 + " triangles, " + rig.shapeCount()
        + " expression targets, identity modes " + rig.identityNames() + ", "
        + rig.millimetresPerUnit() + " mm per unit. The default rig (`dev.mimik.face.rig.embedded.EmbeddedRig`)\n"
        + "is MediaPipe's canonical face mesh (468 vertices, Apache-2.0, see the NOTICE next to its resource;\n"
        + "re-extracted by `scripts/extract-canonical-mesh.sh`) in centimetres, its eye and mouth openings cut\n"
        + "open, with two eyeball spheres and mimik's own ARKit-52 targets painted procedurally as smooth\n"
        + "displacement fields (`tongueOut` is empty: the mesh has no tongue). Left/right are the subject's.\n\n"
        + "Flat-shaded software renders (`dev.mimik.face.rig.gallery.FlatRenderer`), the head turned 18 degrees\n"
        + "toward the subject's right. Regenerate with\n"
        + "`./mvnw -B -q -o -pl mimik-face -am test -Dtest=RigGalleryTest -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dmimik.gallery=$PWD/docs/rig`.\n\n"
        + "| picture | weights |\n|---|---|\n");
    for (Map.Entry<String, Map<String, Double>> e : EXPRESSIONS.entrySet()) {
      String caption = e.getValue().isEmpty() ? "neutral"
          : String.join(" + ", new java.util.TreeSet<>(e.getValue().keySet()));
      ImageIO.write(render(e.getValue(), caption), "png", dir.resolve(e.getKey() + ".png").toFile());
      md.append("| ![").append(e.getKey()).append("](").append(e.getKey()).append(".png) | ")
          .append(e.getValue().isEmpty() ? "neutral" : new java.util.TreeMap<>(e.getValue()).toString())
          .append(" |\n");
    }
    Files.writeString(dir.resolve("README.md"), md.toString());
  }

  private static Map<String, Map<String, Double>> expressions() {
    Map<String, Map<String, Double>> m = new LinkedHashMap<>();
    m.put("neutral", Map.of());
    m.put("jawOpen", Map.of("jawOpen", 1.0));
    m.put("eyeBlink", Map.of("eyeBlinkLeft", 1.0, "eyeBlinkRight", 1.0));
    m.put("eyeBlinkLeft", Map.of("eyeBlinkLeft", 1.0));
    m.put("mouthSmile", Map.of("mouthSmileLeft", 1.0, "mouthSmileRight", 1.0));
    m.put("mouthFrown", Map.of("mouthFrownLeft", 1.0, "mouthFrownRight", 1.0));
    m.put("browInnerUp", Map.of("browInnerUp", 1.0));
    m.put("browDown", Map.of("browDownLeft", 1.0, "browDownRight", 1.0));
    m.put("browOuterUp", Map.of("browOuterUpLeft", 1.0, "browOuterUpRight", 1.0));
    m.put("eyeWide", Map.of("eyeWideLeft", 1.0, "eyeWideRight", 1.0));
    m.put("mouthPucker", Map.of("mouthPucker", 1.0));
    m.put("mouthFunnel", Map.of("mouthFunnel", 1.0, "jawOpen", 0.2));
    m.put("cheekPuff", Map.of("cheekPuff", 1.0));
    m.put("gazeLeft", Map.of("eyeLookOutLeft", 1.0, "eyeLookInRight", 1.0));
    m.put("gazeUp", Map.of("eyeLookUpLeft", 1.0, "eyeLookUpRight", 1.0));
    m.put("jawLeft", Map.of("jawLeft", 1.0, "jawOpen", 0.3));
    m.put("mouthStretch", Map.of("mouthStretchLeft", 1.0, "mouthStretchRight", 1.0));
    m.put("noseSneer", Map.of("noseSneerLeft", 1.0, "noseSneerRight", 1.0));
    m.put("surprise", Map.of("jawOpen", 0.6, "browInnerUp", 1.0, "browOuterUpLeft", 1.0,
        "browOuterUpRight", 1.0, "eyeWideLeft", 1.0, "eyeWideRight", 1.0));
    return m;
  }

  /** Skin, lips, brows and eyeballs (sclera, iris, pupil) by the neutral position of each triangle. */
  private static Color[] colours(FaceRig rig) {
    float[] v = rig.neutral();
    int[] t = rig.triangles();
    Set<Integer> eye = new HashSet<>();
    List<Eyeball> eyes = new ArrayList<>();
    for (Eyeball e : new Eyeball[] {rig.leftEye(), rig.rightEye()}) {
      if (e != null) {
        eyes.add(e);
        for (int i : e.vertices()) {
          eye.add(i);
        }
      }
    }
    double[][] lips = polygon(v, 61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 375, 321, 405, 314, 17, 84, 181,
        91, 146);
    double[][] rightBrow = polygon(v, 70, 63, 105, 66, 107, 55, 65, 52, 53, 46);
    double[][] leftBrow = polygon(v, 300, 293, 334, 296, 336, 285, 295, 282, 283, 276);
    boolean mediapipe = rig.vertexCount() >= 468 && rig.name().equals(EmbeddedRig.NAME);
    Color[] c = new Color[t.length / 3];
    for (int k = 0; k < c.length; k++) {
      double x = 0;
      double y = 0;
      double z = 0;
      for (int j = 0; j < 3; j++) {
        x += v[3 * t[3 * k + j]] / 3;
        y += v[3 * t[3 * k + j] + 1] / 3;
        z += v[3 * t[3 * k + j] + 2] / 3;
      }
      c[k] = SKIN;
      if (eye.contains(t[3 * k])) {
        for (Eyeball e : eyes) {
          double[] ce = e.centre();
          double dx = x - ce[0];
          double dy = y - ce[1];
          double dz = z - ce[2];
          double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
          if (r < 1.5 * e.radius()) {
            double cos = (dx * e.axis()[0] + dy * e.axis()[1] + dz * e.axis()[2]) / r;
            c[k] = cos > Math.cos(Math.toRadians(12)) ? PUPIL
                : cos > Math.cos(Math.toRadians(30)) ? IRIS : SCLERA;
          }
        }
      } else if (mediapipe && inside(lips, x, y)) {
        c[k] = LIP;
      } else if (mediapipe && (inside(rightBrow, x, y) || inside(leftBrow, x, y))) {
        c[k] = BROW;
      }
    }
    return c;
  }

  private static double[][] polygon(float[] v, int... vertices) {
    double[][] p = new double[vertices.length][];
    for (int i = 0; i < vertices.length; i++) {
      p[i] = new double[] {v[3 * vertices[i]], v[3 * vertices[i] + 1]};
    }
    return p;
  }

  private static boolean inside(double[][] poly, double x, double y) {
    boolean in = false;
    for (int i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      if ((poly[i][1] > y) != (poly[j][1] > y)
          && x < (poly[j][0] - poly[i][0]) * (y - poly[i][1]) / (poly[j][1] - poly[i][1]) + poly[i][0]) {
        in = !in;
      }
    }
    return in;
  }
}
