package dev.mimik.face.render;

import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.rig.FaceRig;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Measures the renderer's throughput on one thread: each frame poses the rig with random expression weights (and
 * subdivides it) once, then renders every embedded camera of the headset, mirroring left views, as
 * {@code mimik ego simulate} does.
 */
public final class RenderBenchmark {

  /**
   * What a run measured.
   *
   * @param imagesPerSecond camera images per wall-clock second
   * @param cpuImagesPerSecond camera images per CPU second of this thread (the renderer's own cost on a busy box)
   * @param poseMsPerFrame CPU milliseconds per frame spent posing (and subdividing) the mesh
   * @param renderMsPerImage CPU milliseconds per image spent rasterizing, shading and exposing
   * @param triangles triangles drawn per image before culling
   */
  public record Figures(double imagesPerSecond, double cpuImagesPerSecond, double poseMsPerFrame,
      double renderMsPerImage, int triangles) {}

  private final FaceSurface face;
  private final Headset headset;
  private final Look look;
  private final int width;

  public RenderBenchmark(FaceSurface face, Headset headset, Look look, int width) {
    this.face = face;
    this.headset = headset;
    this.look = look;
    this.width = width;
  }

  /** Renders {@code frames} frames after {@code warmup} frames not counted. */
  public Figures run(int frames, int warmup, long seed) {
    FaceRig rig = face.rig();
    IrRenderer renderer = new IrRenderer(look);
    HeadsetCamera[] cams = headset.embeddedCameras().toArray(HeadsetCamera[]::new);
    double[] gains = new double[cams.length];
    SurfaceMesh neutral = face.pose(new double[rig.shapeCount()]);
    for (int c = 0; c < cams.length; c++) {
      gains[c] = IrRenderer.autoGain(renderer.radiance(neutral, cams[c], headset.illuminators(), width));
    }
    SplittableRandom r = new SplittableRandom(seed);
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long poseCpu = 0;
    long renderCpu = 0;
    long wallStart = 0;
    long cpuStart = 0;
    long checksum = 0;
    for (int f = -warmup; f < frames; f++) {
      if (f == 0) {
        wallStart = System.nanoTime();
        cpuStart = bean.getCurrentThreadCpuTime();
        poseCpu = 0;
        renderCpu = 0;
      }
      double[] w = new double[rig.shapeCount()];
      for (int k = 0; k < w.length; k++) {
        w[k] = r.nextDouble() < 0.15 ? r.nextDouble() : 0;
      }
      long t0 = bean.getCurrentThreadCpuTime();
      SurfaceMesh m = face.pose(w);
      long t1 = bean.getCurrentThreadCpuTime();
      for (int c = 0; c < cams.length; c++) {
        IrImage img = renderer.render(m, cams[c], headset.illuminators(), width, gains[c], r.nextLong());
        if (cams[c].side().mirrored()) {
          img = img.mirrored();
        }
        checksum += img.pixels()[img.pixels().length / 2];
      }
      long t2 = bean.getCurrentThreadCpuTime();
      poseCpu += t1 - t0;
      renderCpu += t2 - t1;
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double cpu = (bean.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    int images = frames * cams.length;
    if (checksum == Long.MIN_VALUE) {
      throw new IllegalStateException("unreachable; keeps the images alive");
    }
    return new Figures(images / wall, images / cpu, poseCpu / 1e6 / frames, renderCpu / 1e6 / images,
        neutral.triangleCount());
  }

  /** Prints the figures of {@link #run} on one line. */
  public void print(Figures f, int frames, PrintStream out) {
    out.printf(java.util.Locale.ROOT,
        "%s on %s, %d cameras at %dx%d (%s look), %d triangles, %d frames: %.0f images/s (%.0f per CPU second), "
            + "pose %.2f ms/frame, render %.3f ms/image%n",
        face.rig().name(), headset.name(), headset.embeddedCameras().size(), width,
        headset.embeddedCameras().get(0).renderHeight(width), look.name(), f.triangles(), frames,
        f.imagesPerSecond(), f.cpuImagesPerSecond(), f.poseMsPerFrame(), f.renderMsPerImage());
  }
}
