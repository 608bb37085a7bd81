package dev.mimik.face.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.HeadPose;
import dev.mimik.face.camera.PinholeCamera;
import dev.mimik.face.camera.WeakPerspectiveCamera;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.junit.jupiter.api.Test;

/** SCRATCH (deleted before merge): records RigFitter's numbers before the split, compares after. */
class ScratchCharacterisationTest {

  private static final Path GOLDEN = Path.of("/tmp/rigfit-golden.txt");

  @Test
  void recordOrCompare() throws IOException {
    List<String> lines = new ArrayList<>();
    List<FaceRig> rigs = new ArrayList<>();
    rigs.add(EmbeddedRig.load());
    String shared = System.getProperty("mimik.shared");
    Path ict = shared == null ? null : Path.of(shared, "data", "ict-facekit");
    if (ict != null && Files.isRegularFile(ict.resolve(IctFaceKit.EXPRESSIONS))) {
      rigs.add(ArkitShapeMapper.toArkit(IctFaceKit.load(ict)));
    }
    for (FaceRig rig : rigs) {
      double distance = 600 / rig.millimetresPerUnit();
      PinholeCamera pin = new PinholeCamera(800, 320, 240, 640, 480);
      Camera weak = new WeakPerspectiveCamera(800 / distance, 320, 240);
      Camera generic = p -> pin.project(p);
      Camera[] cams = {pin, weak, generic};
      String[] camNames = {"pinhole", "weak", "generic"};
      FitOptions[] opts = {FitOptions.defaults(),
        FitOptions.defaults().withLocalDistances(LocalDistances.eyesAndLips()),
        FitOptions.defaults().withRegions(new RegionWeights(2, 1, 1.5, 0.5, 1, 0.7))
            .withLocalDistances(new LocalDistances(0.5, 0))};
      for (LandmarkSet set : new LandmarkSet[] {LandmarkSet.IBUG_68, LandmarkSet.IBUG_53}) {
        if (set == LandmarkSet.IBUG_53 && rig.leftEye() == null) {
          continue;
        }
        for (int c = 0; c < cams.length; c++) {
          for (int o = 0; o < opts.length; o++) {
            String tag = rig.name() + "/" + set + "/" + camNames[c] + "/opt" + o;
            Random rnd = new Random(31 * c + 7 * o + set.ordinal());
            double[][] frames = frames(rig, set, cams[c], rnd, 6, distance, new double[rig.identityNames().size()]);
            RigFitter fitter = new RigFitter(rig, set, cams[c], opts[o]);
            FitResult prev = null;
            for (int f = 0; f < frames.length; f++) {
              FitResult cold = fitter.fit(frames[f]);
              record(lines, tag + "/cold" + f, cold, fitter);
              prev = fitter.fit(frames[f], prev);
              record(lines, tag + "/warm" + f, prev, fitter);
            }
            if (o == 0 || c == 0) {
              boolean[] missing = {false, true, false, false, true, false};
              double[] times = new double[frames.length];
              for (int i = 0; i < times.length; i++) {
                times[i] = i / 30.0;
              }
              BlendshapeTrack track = fitter.fitTrack(new LandmarkTrack(times, set.size(), frames, missing));
              for (int i = 0; i < frames.length; i++) {
                lines.add(tag + "/track" + i + " " + hex(track.weights()[i]));
              }
            }
            if (o != 2 && c != 2) {
              Random r2 = new Random(99 + c + o);
              double[] id = new double[rig.identityNames().size()];
              for (int i = 0; i < id.length; i++) {
                id[i] = 0.8 * r2.nextGaussian();
              }
              double[][] many = frames(rig, set, cams[c], r2, 30, distance, id);
              double[] found = fitter.fitIdentity(many);
              lines.add(tag + "/identity " + hex(found));
              RigFitter person = fitter.withIdentity(found);
              lines.add(tag + "/identity.get " + hex(person.identity()));
              record(lines, tag + "/person", person.fit(many[0]), person);
              List<FitResult> seq = person.fitSequence(many);
              record(lines, tag + "/personSeqLast", seq.get(seq.size() - 1), person);
            }
          }
        }
      }
    }
    if (!Files.exists(GOLDEN)) {
      Files.write(GOLDEN, lines);
      System.out.println("SCRATCH recorded " + lines.size() + " lines to " + GOLDEN);
      return;
    }
    List<String> golden = Files.readAllLines(GOLDEN);
    assertThat(lines).hasSameSizeAs(golden);
    int identical = 0;
    int close = 0;
    double worst = 0;
    String worstTag = "";
    for (int i = 0; i < golden.size(); i++) {
      if (golden.get(i).equals(lines.get(i))) {
        identical++;
        continue;
      }
      String[] a = golden.get(i).split(" ");
      String[] b = lines.get(i).split(" ");
      assertThat(b[0]).isEqualTo(a[0]);
      assertThat(b.length).as(a[0]).isEqualTo(a.length);
      double lineWorst = 0;
      for (int k = 1; k < a.length; k++) {
        double x = Double.parseDouble(a[k]);
        double y = Double.parseDouble(b[k]);
        double rel = Math.abs(x - y) / Math.max(1e-12, Math.max(Math.abs(x), Math.abs(y)));
        if (x != y) {
          lineWorst = Math.max(lineWorst, rel);
        }
      }
      if (lineWorst > worst) {
        worst = lineWorst;
        worstTag = a[0];
      }
      if (lineWorst <= 1e-9) {
        close++;
      } else {
        System.out.println("SCRATCH differs: " + a[0] + " rel " + lineWorst);
      }
    }
    System.out.printf("SCRATCH %d lines: %d bit-identical, %d within 1e-9, worst rel %.3g at %s%n", golden.size(),
        identical, close, worst, worstTag);
    assertThat(worst).isLessThanOrEqualTo(1e-9);
  }

  private static void record(List<String> lines, String tag, FitResult r, RigFitter fitter) {
    double[][] m = r.pose().rotationMatrix();
    Vector3D t = r.pose().translation();
    StringBuilder sb = new StringBuilder(tag);
    for (double[] row : m) {
      sb.append(' ').append(hex(row));
    }
    sb.append(' ').append(hex(new double[] {t.getX(), t.getY(), t.getZ(), r.residualPx(), r.iterations()}));
    if (r.camera() instanceof WeakPerspectiveCamera w) {
      sb.append(' ').append(hex(new double[] {w.scale(), w.cx(), w.cy()}));
    }
    sb.append(' ').append(hex(r.weights()));
    sb.append(' ').append(hex(fitter.landmarks(r)));
    lines.add(sb.toString());
  }

  private static String hex(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(Double.toHexString(v[i]));
    }
    return sb.toString();
  }

  private static double[][] frames(FaceRig rig, LandmarkSet set, Camera cam, Random rnd, int n, double distance,
      double[] identity) {
    LandmarkModel model = new LandmarkModel(rig, set);
    double[] person = model.personNeutral(identity);
    double[][] out = new double[n][];
    for (int f = 0; f < n; f++) {
      double[] w = new double[model.shapes];
      for (int k = 0; k < w.length; k++) {
        w[k] = rnd.nextDouble() < 0.15 ? rnd.nextDouble() : 0;
      }
      HeadPose pose = HeadPose.ofEulerDegrees(20 * rnd.nextGaussian(), 10 * rnd.nextGaussian(),
          5 * rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), -distance + 2 * rnd.nextGaussian());
      double[] xy = new double[2 * model.points];
      for (int j = 0; j < model.points; j++) {
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
          int row = 3 * j + c;
          x[c] = person[row];
          for (int k = 0; k < model.shapes; k++) {
            x[c] += w[k] * model.shapeBasis[row * model.shapes + k];
          }
        }
        Vector2D uv = cam.project(pose.apply(new Vector3D(x[0], x[1], x[2])));
        xy[2 * j] = uv.getX() + rnd.nextGaussian();
        xy[2 * j + 1] = uv.getY() + rnd.nextGaussian();
      }
      if (f == 2) {
        for (int j = 0; j < 5; j++) {
          xy[2 * j] = Double.NaN;
          xy[2 * j + 1] = Double.NaN;
        }
      }
      out[f] = xy;
    }
    return out;
  }
}
