package dev.mimik.eval.refa;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.PromptSegment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recording to evaluate: its protocol and the blendshape tracks to score, by name ({@code prediction},
 * {@code labels}, ...), with the exact truth when there is one.
 *
 * @param subject who was recorded
 * @param recording the recording's name
 * @param segments its protocol
 * @param sources the tracks to score, in report order
 * @param truth the exact truth, or null
 */
public record RecordingInput(String subject, String recording, List<PromptSegment> segments,
    Map<String, BlendshapeTrack> sources, BlendshapeTrack truth) {

  public RecordingInput {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(recording, "recording");
    segments = List.copyOf(segments);
    sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }
}
