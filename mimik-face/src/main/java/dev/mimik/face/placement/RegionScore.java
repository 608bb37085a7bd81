package dev.mimik.face.placement;

/**
 * How well one camera sees one facial region, averaged over the population.
 *
 * @param region the region
 * @param visibility REFA's Visibility: the cosine between the region's mean normal and the reversed optical axis
 *     (0 when the region faces away)
 * @param rangeOfMotionPx REFA's Range of Motion: the mean over key expressions of the Frobenius norm of the region's
 *     keypoint displacements from neutral, pixels at the described resolution
 * @param inView the share of the region's surface the camera actually sees (in the image, nothing in front), over
 *     neutral and the key expressions
 */
public record RegionScore(FaceRegion region, double visibility, double rangeOfMotionPx, double inView) {}
