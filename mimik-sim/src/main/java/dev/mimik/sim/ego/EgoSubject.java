package dev.mimik.sim.ego;

import dev.mimik.face.render.FaceLook;
import dev.mimik.face.render.GlassesStyle;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.participant.Participant;
import java.util.SplittableRandom;

/**
 * One synthetic person wearing the headset: who they are ({@link Participant}: identity, blinks, expressiveness),
 * how their face looks in near infrared ({@link FaceLook}: skin, brows, eyes, facial hair, glasses) and the resting
 * aperture of their eyes.
 *
 * <p>Draws: skin reflectance 0.42-0.65 (skin reflects 40-65 % at 850 nm whatever its visible tone), glasses for a
 * quarter of subjects (dark plastic or metal frames of usual sizes), a beard for a quarter (coverage 0.4-1, most
 * with a moustache), pupils 1.5-3.5 mm in radius, resting eye aperture from narrow (as a slight squint) to wide.
 *
 * @param id a short name, {@code s01}
 * @param seed the seed this subject was drawn from
 * @param person identity, blink behaviour and expressiveness
 * @param look near-infrared appearance and what they wear
 * @param eyeAperture resting lid aperture: negative narrows (as eyeSquint), positive widens (as eyeWide), -0.3..0.3
 */
public record EgoSubject(String id, long seed, Participant person, FaceLook look, double eyeAperture) {

  /** Draws a subject for a rig with {@code identityModes} identity modes. */
  public static EgoSubject draw(String id, long seed, int identityModes) {
    Participant person = Participant.draw(id, seed, identityModes);
    SplittableRandom r = SeedStreams.stream(seed, "ego-look/" + id);
    GlassesStyle glasses = null;
    if (r.nextDouble() < 0.25) {
      boolean metal = r.nextDouble() < 0.3;
      glasses = new GlassesStyle(r.nextDouble(44, 56), r.nextDouble(28, 42), metal ? r.nextDouble(1.5, 2.5)
          : r.nextDouble(3, 6), r.nextDouble(10, 15), r.nextDouble(0, 5), metal ? r.nextDouble(0.4, 0.6)
          : r.nextDouble(0.05, 0.15));
    }
    double beard = 0;
    double moustache = 0;
    if (r.nextDouble() < 0.25) {
      beard = r.nextDouble(0.4, 1.0);
      moustache = r.nextDouble() < 0.8 ? r.nextDouble(0.5, 1.0) : 0;
    }
    FaceLook look = new FaceLook(r.nextDouble(0.42, 0.65), r.nextDouble(0.3, 0.7), r.nextDouble(0.2, 0.5),
        r.nextDouble(0.8, 0.95), beard, moustache, r.nextDouble(0.12, 0.3), r.nextDouble(0.1, 0.3),
        r.nextDouble(0.65, 0.85), r.nextDouble(1.5, 3.5), glasses);
    return new EgoSubject(id, seed, person, look, r.nextDouble(-0.3, 0.3));
  }
}
