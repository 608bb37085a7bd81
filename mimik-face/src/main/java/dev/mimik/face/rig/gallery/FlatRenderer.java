package dev.mimik.face.rig.gallery;

import dev.mimik.face.camera.Camera;
import dev.mimik.face.camera.HeadPose;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.geometry.euclidean.twod.Vector2D;

/**
 * Renders a triangle mesh into an image with flat (per-triangle Lambert) shading and a z-buffer; back faces are
 * culled. Small and dependency-free so rig pictures and egocentric test views need no GPU.
 */
public final class FlatRenderer {

  private final int width;
  private final int height;
  private final Color background;

  public FlatRenderer(int width, int height, Color background) {
    this.width = width;
    this.height = height;
    this.background = background;
  }

  /**
   * Draws the mesh.
   *
   * @param vertices rig-space positions, flat xyz
   * @param triangles three vertex numbers per triangle, counter-clockwise seen from outside
   * @param colours base colour per triangle
   */
  public BufferedImage render(float[] vertices, int[] triangles, Color[] colours, HeadPose pose, Camera camera) {
    int n = vertices.length / 3;
    double[] u = new double[n];
    double[] v = new double[n];
    double[] depth = new double[n];
    Vector3D[] cam = new Vector3D[n];
    for (int i = 0; i < n; i++) {
      cam[i] = pose.apply(new Vector3D(vertices[3 * i], vertices[3 * i + 1], vertices[3 * i + 2]));
      Vector2D p = camera.project(cam[i]);
      u[i] = p.getX();
      v[i] = p.getY();
      depth[i] = -cam[i].getZ();
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] rgb = new int[width * height];
    Arrays.fill(rgb, background.getRGB());
    double[] zbuf = new double[width * height];
    Arrays.fill(zbuf, Double.POSITIVE_INFINITY);
    Vector3D light = new Vector3D(-0.35, 0.45, 1).normalize();
    for (int t = 0; t < triangles.length / 3; t++) {
      int a = triangles[3 * t];
      int b = triangles[3 * t + 1];
      int c = triangles[3 * t + 2];
      // signed area in image coordinates (v down): counter-clockwise in the camera is negative here
      double area = (u[b] - u[a]) * (v[c] - v[a]) - (u[c] - u[a]) * (v[b] - v[a]);
      if (area >= 0) {
        continue;
      }
      Vector3D normal = Vector3D.crossProduct(cam[b].subtract(cam[a]), cam[c].subtract(cam[a])).normalize();
      double shade = 0.25 + 0.75 * Math.max(0, normal.dotProduct(light));
      Color base = colours[t];
      int colour = new Color(
          (int) Math.min(255, base.getRed() * shade),
          (int) Math.min(255, base.getGreen() * shade),
          (int) Math.min(255, base.getBlue() * shade)).getRGB();
      fill(a, b, c, u, v, depth, area, colour, rgb, zbuf);
    }
    img.setRGB(0, 0, width, height, rgb, 0, width);
    return img;
  }

  private void fill(int a, int b, int c, double[] u, double[] v, double[] depth, double area, int colour,
      int[] rgb, double[] zbuf) {
    int x0 = Math.max(0, (int) Math.floor(Math.min(u[a], Math.min(u[b], u[c]))));
    int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(u[a], Math.max(u[b], u[c]))));
    int y0 = Math.max(0, (int) Math.floor(Math.min(v[a], Math.min(v[b], v[c]))));
    int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(v[a], Math.max(v[b], v[c]))));
    for (int y = y0; y <= y1; y++) {
      double py = y + 0.5;
      for (int x = x0; x <= x1; x++) {
        double px = x + 0.5;
        double wa = ((u[b] - px) * (v[c] - py) - (u[c] - px) * (v[b] - py)) / area;
        double wb = ((u[c] - px) * (v[a] - py) - (u[a] - px) * (v[c] - py)) / area;
        double wc = 1 - wa - wb;
        if (wa < 0 || wb < 0 || wc < 0) {
          continue;
        }
        double z = wa * depth[a] + wb * depth[b] + wc * depth[c];
        int k = y * width + x;
        if (z < zbuf[k]) {
          zbuf[k] = z;
          rgb[k] = colour;
        }
      }
    }
  }
}
