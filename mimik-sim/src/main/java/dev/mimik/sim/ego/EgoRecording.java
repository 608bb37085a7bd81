package dev.mimik.sim.ego;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.PromptSegment;
import java.util.List;

/**
 * One simulated headset recording once rendered: its frames' labels and truth (the images went to a
 * {@link FrameSink}).
 *
 * @param id the recording's path in the dataset, {@code s01/r01}
 * @param subject who wore the headset
 * @param domain synthetic or real
 * @param face the name of the rig that made the views
 * @param times frame times, seconds
 * @param labels what a trainer gets: the exact weights (synthetic) or the pseudo ground truth (real)
 * @param truth the exact weights, for evaluation only
 * @param segments the protocol
 * @param donning per frame, the headset's offset {tx, ty, tz, yaw, pitch, roll} (mm, degrees)
 */
public record EgoRecording(String id, EgoSubject subject, Domain domain, String face, double[] times,
    BlendshapeTrack labels, BlendshapeTrack truth, List<PromptSegment> segments, double[][] donning) {

  public EgoRecording {
    segments = List.copyOf(segments);
  }
}
