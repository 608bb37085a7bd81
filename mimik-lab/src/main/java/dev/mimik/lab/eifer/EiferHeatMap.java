package dev.mimik.lab.eifer;

import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.BadInputException;
import dev.mimik.eval.report.HtmlReport;
import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.PosedMesh;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.face.rig.gallery.FlatRenderer;
import dev.mimik.sim.sensor.Lead;
import dev.mimik.sim.sensor.Montage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Muscle activity drawn on the face: the rig posed at an expression, each triangle coloured by the envelopes of
 * the montage's leads near it (a Gaussian of 9 mm around each lead's centre, seen from the front), from dark
 * (rest) through red to yellow (the largest value of the picture), with a dot at each electrode pair.
 */
public final class EiferHeatMap {

  private static final int W = 220;
  private static final int H = 260;
  private static final double SIGMA_MM = 9;

  private EiferHeatMap() {}

  /**
   * Adds the picture of Exp2EMG at each emotion's apex against the real table to the report and writes it as
   * {@code muscle-heatmap.png} in {@code dir}.
   */
  public static void addTo(HtmlReport report, EiferExperiment.Result r, Path dir) throws IOException {
    FaceRig rig = EmbeddedRig.load();
    List<EiferExperiment.EmotionResult> emotions = r.emotions();
    BufferedImage all = new BufferedImage(W * emotions.size(), 2 * H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    List<String> names = r.montage().channelNames();
    for (int e = 0; e < emotions.size(); e++) {
      EiferExperiment.EmotionResult x = emotions.get(e);
      double[] predicted = r.model().emg(new double[][] {x.emotion().apex()}, false)[0];
      double[] real = new double[names.size()];
      boolean[] known = new boolean[names.size()];
      for (int k = 0; k < r.table().channels().size(); k++) {
        int c = names.indexOf(r.table().channels().get(k));
        int row = r.table().rows().indexOf(x.emotion());
        if (c >= 0 && r.table().microvolts()[row][k] > 0) {
          real[c] = r.table().microvolts()[row][k];
          known[c] = true;
        }
      }
      boolean[] everywhere = new boolean[names.size()];
      java.util.Arrays.fill(everywhere, true);
      String tag = x.emotion().label() + (x.calibrated() ? " (cal.)" : " (held out)");
      g.drawImage(draw(rig, r.montage(), x.emotion().apex(), predicted, everywhere, "Exp2EMG " + tag), e * W, 0,
          null);
      g.drawImage(draw(rig, r.montage(), x.emotion().apex(), real, known, "real " + x.emotion().label()), e * W, H,
          null);
    }
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(all, "png", png);
    AtomicFiles.write(dir.resolve("muscle-heatmap.png"), o -> o.write(png.toByteArray()));
    report.heading("Muscle activity on the face");
    report.image("Top: Exp2EMG at each emotion's apex; bottom: the real Fridlund table (grey dots: no value). "
        + "Each picture scaled to its own maximum.", png.toByteArray());
  }

  /**
   * A PNG of one frame: the rig at {@code weights} (ARKit order), coloured by the envelopes {@code values} of
   * {@code channels}, placed at the Fridlund electrode sites of the same names.
   *
   * @throws BadInputException (naming {@code source}) when none of the channels is a Fridlund lead
   */
  public static byte[] png(Path source, List<String> channels, double[] weights, double[] values, String caption)
      throws IOException {
    Montage montage = Montage.fridlund();
    List<String> names = montage.channelNames();
    double[] placed = new double[names.size()];
    boolean[] known = new boolean[names.size()];
    for (int c = 0; c < channels.size(); c++) {
      int k = names.indexOf(channels.get(c));
      if (k >= 0) {
        placed[k] = values[c];
        known[k] = true;
      }
    }
    if (channels.stream().noneMatch(names::contains)) {
      throw new BadInputException(source, "a heat map needs channels named like the Fridlund montage's " + names
          + "; this model has " + channels);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(draw(EmbeddedRig.load(), montage, weights, placed, known, caption), "png", png);
    return png.toByteArray();
  }

  /**
   * The frame to draw of a recording: the one where {@code rows} ({@code [frame][value]}) sum highest, the apex of
   * the expression or of the muscle activity.
   */
  public static int strongestFrame(double[][] rows) {
    return strongestFrame(dev.mimik.core.data.Columns.ofRows(rows));
  }

  /** {@link #strongestFrame(double[][])} of columns {@code [value] x frames}, read a chunk of frames at a time. */
  public static int strongestFrame(dev.mimik.core.data.Columns columns) {
    int best = 0;
    double most = Double.NEGATIVE_INFINITY;
    for (int from = 0; from < columns.length(); from += CHUNK) {
      double[][] rows = columns.rows(from, Math.min(columns.length(), from + CHUNK));
      for (int i = 0; i < rows.length; i++) {
        double sum = 0;
        for (double v : rows[i]) {
          sum += v;
        }
        if (sum > most) {
          most = sum;
          best = from + i;
        }
      }
    }
    return best;
  }

  /** Frames read at a time by {@link #strongestFrame(dev.mimik.core.data.Columns)}. */
  private static final int CHUNK = 4096;

  /** One picture: the rig at {@code weights}, coloured by {@code values} per lead ({@code known} ones only). */
  public static BufferedImage draw(FaceRig rig, Montage montage, double[] weights, double[] values, boolean[] known,
      String caption) {
    double[] w = new double[rig.shapeCount()];
    for (int k = 0; k < weights.length && k < dev.mimik.core.data.Blendshapes.ARKIT_52.size(); k++) {
      int j = rig.shapeIndex(dev.mimik.core.data.Blendshapes.ARKIT_52.get(k));
      if (j >= 0) {
        w[j] = weights[k];
      }
    }
    float[] mesh = PosedMesh.of(rig, w, new double[0]);
    double mm = rig.millimetresPerUnit();
    double[] origin = new double[3];
    for (int i = 0; i < 3; i++) {
      origin[i] = 0.5 * (rig.leftEye().centre()[i] + rig.rightEye().centre()[i]);
    }
    List<Lead> leads = montage.leads();
    double max = 1e-12;
    for (int c = 0; c < values.length; c++) {
      if (known[c]) {
        max = Math.max(max, values[c]);
      }
    }
    int[] tri = rig.triangles();
    Color[] colours = new Color[tri.length / 3];
    for (int t = 0; t < colours.length; t++) {
      double x = 0;
      double y = 0;
      for (int v = 0; v < 3; v++) {
        x += mesh[3 * tri[3 * t + v]] / 3;
        y += mesh[3 * tri[3 * t + v] + 1] / 3;
      }
      x = (x - origin[0]) * mm;
      y = (y - origin[1]) * mm;
      double heat = 0;
      for (int c = 0; c < leads.size(); c++) {
        if (!known[c]) {
          continue;
        }
        double[] p = centre(leads.get(c));
        double d2 = (x - p[0]) * (x - p[0]) + (y - p[1]) * (y - p[1]);
        heat = Math.max(heat, values[c] / max * Math.exp(-d2 / (2 * SIGMA_MM * SIGMA_MM)));
      }
      colours[t] = colour(heat);
    }
    double scale = rig.millimetresPerUnit();
    HeadPose pose = HeadPose.ofEulerDegrees(0, 0, 0, -origin[0], -origin[1] + 20 / scale, -origin[2] - 600 / scale);
    PinholeCamera camera = new PinholeCamera(700, W / 2.0, H / 2.0 - 8, W, H);
    BufferedImage img = new FlatRenderer(W, H, new Color(30, 30, 36)).render(mesh, tri, colours, pose, camera);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    for (int c = 0; c < leads.size(); c++) {
      double[] p = centre(leads.get(c));
      var uv = camera.project(pose.apply(new org.hipparchus.geometry.euclidean.threed.Vector3D(
          origin[0] + p[0] / mm, origin[1] + p[1] / mm, origin[2] + p[2] / mm)));
      g.setColor(known[c] ? Color.WHITE : Color.GRAY);
      g.fillOval((int) uv.getX() - 2, (int) uv.getY() - 2, 5, 5);
    }
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(caption, 6, H - 8);
    g.dispose();
    return img;
  }

  private static double[] centre(Lead lead) {
    return new double[] {(lead.plus()[0] + lead.minus()[0]) / 2, (lead.plus()[1] + lead.minus()[1]) / 2,
        (lead.plus()[2] + lead.minus()[2]) / 2};
  }

  /** Skin grey at 0, through red to yellow at 1. */
  private static Color colour(double heat) {
    double h = Math.max(0, Math.min(1, heat));
    int r = (int) (190 + 65 * Math.min(1, 2 * h));
    int g = (int) (h < 0.5 ? 170 * (1 - 2 * h) : 255 * (h - 0.5) * 2);
    int b = (int) (160 * (1 - h));
    return new Color(r, g, b);
  }
}
