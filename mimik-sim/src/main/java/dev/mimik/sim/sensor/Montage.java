package dev.mimik.sim.sensor;

import dev.mimik.core.io.BadInputException;
import dev.mimik.sim.muscle.Muscle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A set of bipolar leads placed on the face and head.
 *
 * <p>Built-in montages: {@code earpiece} (BioFace-3D: two channels from measurement electrodes on the face in
 * front of the subject's left ear, against a reference on the bone behind the ear; see {@link #earpiece()}) and {@code fridlund} (EIFER: 22 bipolar
 * channels, 11 muscles on both sides, 10 mm inter-electrode distance along the muscle, after Fridlund and
 * Cacioppo 1986). Any other montage is read from a CSV file with the header
 * {@code channel,plus_x_mm,plus_y_mm,plus_z_mm,minus_x_mm,minus_y_mm,minus_z_mm}, one row per lead, coordinates in
 * the face frame of {@link Lead}.
 *
 * @param name the montage name
 * @param leads the channels in output order
 */
public record Montage(String name, List<Lead> leads) {

  /** The header of a montage file. */
  public static final String FILE_HEADER = "channel,plus_x_mm,plus_y_mm,plus_z_mm,minus_x_mm,minus_y_mm,minus_z_mm";

  private static final double[] MASTOID_LEFT = {68, -40, -88};

  public Montage {
    leads = List.copyOf(leads);
    if (leads.isEmpty()) {
      throw new IllegalArgumentException("a montage needs at least one lead");
    }
  }

  /**
   * BioFace-3D's single earpiece: two channels on the subject's left side against a mastoid reference.
   *
   * <p>BioFace-3D places its measurement electrodes "close to or on top of the activated muscles" on the face near
   * the ear, and the reference on a bony surface behind the ear, away from facial muscle activity. The earpiece's
   * arms therefore reach forward of the ear: {@code EAR1} sits on the temple at the front of the zygomatic arch,
   * over the lateral (crow's-feet) part of orbicularis oculi and the anterior temporalis, which fire in smiles,
   * squints and jaw clenching; {@code EAR2} sits on the cheek over the masseter below the zygomatic arch, which
   * fires when the teeth close and picks up the zygomaticus and the lip muscles by volume conduction.
   */
  public static Montage earpiece() {
    return new Montage("earpiece", List.of(
        new Lead("EAR1", new double[] {56, -6, -14}, MASTOID_LEFT),
        new Lead("EAR2", new double[] {57, -60, -28}, MASTOID_LEFT)));
  }

  /** The 22-channel Fridlund montage, channel names as in the Fridlund table ({@code "Zyg li"}, ...). */
  public static Montage fridlund() {
    List<Lead> leads = new ArrayList<>();
    for (Muscle.Side side : Muscle.Side.values()) {
      for (Muscle m : Muscle.values()) {
        if (!m.onFridlund()) {
          continue;
        }
        double[] c = m.position(side);
        double[] plus = {c[0], c[1] + 5, c[2]};
        double[] minus = {c[0], c[1] - 5, c[2]};
        if (m == Muscle.ORBICULARIS_ORIS || m == Muscle.ORBICULARIS_OCULI || m == Muscle.CORRUGATOR) {
          double sx = side == Muscle.Side.LEFT ? 5 : -5;
          plus = new double[] {c[0] + sx, c[1], c[2]};
          minus = new double[] {c[0] - sx, c[1], c[2]};
        }
        leads.add(new Lead(m.fridlundName() + " " + side.fridlundSuffix(), plus, minus));
      }
    }
    return new Montage("fridlund", leads);
  }

  /** A built-in montage by name ({@code earpiece} or {@code fridlund}). */
  public static Montage named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "earpiece" -> earpiece();
      case "fridlund" -> fridlund();
      default -> throw new BadInputException("unknown montage '" + name + "' (earpiece, fridlund or a .csv file)");
    };
  }

  /** Reads a montage file (see the class comment); the montage is named after the file. */
  public static Montage read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read the montage: " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals(FILE_HEADER)) {
      throw new BadInputException(file, "a montage file starts with the header " + FILE_HEADER);
    }
    List<Lead> leads = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 7 || f[0].isBlank()) {
        throw new BadInputException(file, "line " + (i + 1) + " needs a channel name and six coordinates");
      }
      double[] v = new double[6];
      for (int k = 0; k < 6; k++) {
        try {
          v[k] = Double.parseDouble(f[k + 1].strip());
        } catch (NumberFormatException e) {
          throw new BadInputException(file, "line " + (i + 1) + ": '" + f[k + 1] + "' is not a number");
        }
        if (!Double.isFinite(v[k])) {
          throw new BadInputException(file, "line " + (i + 1) + ": coordinate is not finite");
        }
      }
      leads.add(new Lead(f[0].strip(), new double[] {v[0], v[1], v[2]}, new double[] {v[3], v[4], v[5]}));
    }
    if (leads.isEmpty()) {
      throw new BadInputException(file, "the montage has no leads");
    }
    String fileName = file.getFileName().toString();
    return new Montage(fileName.replaceFirst("\\.csv$", ""), leads);
  }

  /** The montage in its file format (the inverse of {@link #read}). */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(FILE_HEADER).append('\n');
    for (Lead l : leads) {
      sb.append(l.name());
      for (double v : l.plus()) {
        sb.append(',').append(v);
      }
      for (double v : l.minus()) {
        sb.append(',').append(v);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The same montage with every distinct electrode moved by a Gaussian error of {@code sdMm} per axis. */
  public Montage jittered(double sdMm, SplittableRandom r) {
    List<double[]> originals = new ArrayList<>();
    List<double[]> moved = new ArrayList<>();
    List<Lead> out = new ArrayList<>();
    for (Lead l : leads) {
      out.add(new Lead(l.name(), move(l.plus(), originals, moved, sdMm, r), move(l.minus(), originals, moved, sdMm, r)));
    }
    return new Montage(name, out);
  }

  private static double[] move(double[] p, List<double[]> originals, List<double[]> moved, double sd,
      SplittableRandom r) {
    for (int i = 0; i < originals.size(); i++) {
      if (java.util.Arrays.equals(originals.get(i), p)) {
        return moved.get(i);
      }
    }
    double[] q = {p[0] + sd * r.nextGaussian(), p[1] + sd * r.nextGaussian(), p[2] + sd * r.nextGaussian()};
    originals.add(p);
    moved.add(q);
    return q;
  }

  /** Channel names in order. */
  public List<String> channelNames() {
    return leads.stream().map(Lead::name).toList();
  }
}
