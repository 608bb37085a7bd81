package dev.mimik.sim.ego;

import dev.mimik.core.data.PromptSegment;
import dev.mimik.sim.performance.Performance;
import java.util.List;

/**
 * What a subject's face did during one headset recording: the weight, gaze and blink tracks and the protocol's
 * segments (the prompts, with their instructed eye and lip states).
 *
 * @param performance tracks at the performer's internal rate (head pose is zero: the headset moves with the head)
 * @param segments protocol segments in time order
 */
public record EgoPerformance(Performance performance, List<PromptSegment> segments) {

  public EgoPerformance {
    segments = List.copyOf(segments);
  }
}
