package dev.mimik.sim.ego;

import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.rig.FaceRig;
import java.util.List;
import java.util.Objects;

/**
 * What {@link EgoSimulator} makes.
 *
 * @param subjects number of subjects
 * @param recordingsPerSubject recordings (sessions, each with its own donning) per subject
 * @param minutes length of each recording
 * @param seed seed of everything
 * @param headset the headset whose embedded cameras make the images
 * @param groundTruthCameras the data-collection cameras added for the real domain's labels
 * @param domains the domains subjects are assigned to in turn ({@code s01} the first, {@code s02} the next, ...)
 * @param width image width in pixels
 * @param threads recordings rendered at once
 * @param syntheticFace the rig of the synthetic domain (ARKit-52 targets)
 * @param realFace the rig of the real domain (ARKit-52 targets)
 * @param labelRig the rig the pseudo ground truth is solved on
 * @param sparsity strength of the pseudo ground truth's L1 prior
 */
public record EgoSettings(int subjects, int recordingsPerSubject, double minutes, long seed, Headset headset,
    List<HeadsetCamera> groundTruthCameras, List<Domain> domains, int width, int threads, FaceRig syntheticFace,
    FaceRig realFace, FaceRig labelRig, double sparsity) {

  public EgoSettings {
    groundTruthCameras = List.copyOf(groundTruthCameras);
    domains = List.copyOf(domains);
    Objects.requireNonNull(headset, "headset");
    if (subjects < 1 || recordingsPerSubject < 1 || !(minutes > 0) || width < 8 || threads < 1 || domains.isEmpty()) {
      throw new IllegalArgumentException("counts, duration and width must be positive and a domain given");
    }
  }

  /** The domain of subject {@code index} (0-based). */
  public Domain domainOf(int index) {
    return domains.get(index % domains.size());
  }

  /** The rig that makes a domain's views. */
  public FaceRig faceOf(Domain d) {
    return d == Domain.SYNTHETIC ? syntheticFace : realFace;
  }
}
