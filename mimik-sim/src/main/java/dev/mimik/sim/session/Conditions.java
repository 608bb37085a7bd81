package dev.mimik.sim.session;

import dev.mimik.sim.ego.Prompt;
import dev.mimik.sim.performance.Expression;
import dev.mimik.sim.performance.PosedFace;
import dev.mimik.sim.performance.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far a simulated dataset is from a controlled lab: whether the electrodes are put on afresh each session, how
 * far the camera's clock is from the biosignals' and whether the manifest tells it, and how varied the faces are.
 *
 * @param name {@code realistic} or {@code controlled}
 * @param redon whether each session puts the electrodes on afresh ({@code sensor.Donning}); otherwise every session
 *     of a participant has the same placement, impedance and gains
 * @param clockOffsetS range of the magnitude of the camera clock's offset, seconds {@code {min, max}}, either sign
 * @param clockDriftPpm range of the magnitude of its drift, parts per million {@code {min, max}}, either sign
 * @param clocksInManifest whether {@code manifest.csv} gives each session's true offset and drift (a lab that
 *     synchronises its devices) or leaves them to be found ({@code train --sync auto})
 * @param protocol the protocol every session plays
 * @param otherFace whether the faces are made by another face model than the one mimik fits
 *     ({@code sim.face.SimulatedFace}); otherwise by the fitted rig itself
 */
public record Conditions(String name, boolean redon, double[] clockOffsetS, double[] clockDriftPpm,
    boolean clocksInManifest, Protocol protocol, boolean otherFace) {

  public Conditions {
    if (clockOffsetS.length != 2 || clockDriftPpm.length != 2 || !(clockOffsetS[0] >= 0)
        || !(clockOffsetS[1] >= clockOffsetS[0]) || !(clockDriftPpm[0] >= 0)
        || !(clockDriftPpm[1] >= clockDriftPpm[0])) {
      throw new IllegalArgumentException("invalid clock ranges");
    }
    clockOffsetS = clockOffsetS.clone();
    clockDriftPpm = clockDriftPpm.clone();
  }

  /**
   * The default: the earpiece put on afresh each session; a camera started 0.2-5 s before or after the biosignals
   * whose clock drifts by 10-80 ppm, neither given in the manifest; the seven expressions among the headset
   * protocol's 27 facial actions, varied as {@code Variation.natural()} says, with speech as visemes; faces made by
   * another face model than the fitted rig.
   */
  public static Conditions realistic() {
    List<PosedFace> faces = new ArrayList<>(List.of(Expression.values()));
    faces.addAll(List.of(Prompt.values()));
    return new Conditions("realistic", true, new double[] {0.2, 5}, new double[] {10, 80}, false,
        Protocol.natural(faces), true);
  }

  /**
   * A controlled lab: the electrodes where the participant always wears them, a camera clock within 0.5 s and
   * 100 ppm of the biosignals' and given in the manifest, BioFace-3D's seven expression templates, faces made by
   * the fitted rig.
   */
  public static Conditions controlled() {
    return new Conditions("controlled", false, new double[] {0, 0.5}, new double[] {0, 100}, true,
        Protocol.bioFace3d(), false);
  }

  /** The conditions named {@code realistic} or {@code controlled}. */
  public static Conditions named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "realistic" -> realistic();
      case "controlled" -> controlled();
      default -> throw new IllegalArgumentException("unknown conditions '" + name + "' (realistic or controlled)");
    };
  }

  @Override
  public double[] clockOffsetS() {
    return clockOffsetS.clone();
  }

  @Override
  public double[] clockDriftPpm() {
    return clockDriftPpm.clone();
  }
}
