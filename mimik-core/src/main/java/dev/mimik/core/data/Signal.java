package dev.mimik.core.data;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A multichannel biosignal recording: channels with their own rates, a start time and annotations.
 *
 * @param channels the channels, in recording order
 * @param startTimeSeconds time of the first sample of every channel on the recording's clock, in seconds
 * @param startDateTime wall-clock start of the recording, if the file says
 * @param annotations timed events, onsets relative to {@code startTimeSeconds}
 */
public record Signal(
    List<Channel> channels,
    double startTimeSeconds,
    Optional<LocalDateTime> startDateTime,
    List<Annotation> annotations) {

  public Signal {
    channels = List.copyOf(channels);
    Objects.requireNonNull(startDateTime, "startDateTime");
    annotations = List.copyOf(annotations);
  }

  /** A signal starting at time 0 with no wall-clock time and no annotations. */
  public static Signal of(List<Channel> channels) {
    return new Signal(channels, 0, Optional.empty(), List.of());
  }

  public int channelCount() {
    return channels.size();
  }

  public Channel channel(int index) {
    return channels.get(index);
  }

  /** The channel with this name, if any. */
  public Optional<Channel> channel(String name) {
    return channels.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> channelNames() {
    return channels.stream().map(Channel::name).toList();
  }

  /** True when every channel has the same sampling rate (and there is at least one channel). */
  public boolean hasUniformRate() {
    return !channels.isEmpty()
        && channels.stream().allMatch(c -> c.samplingRate() == channels.get(0).samplingRate());
  }

  /** The common sampling rate; fails if the channels differ. */
  public double samplingRate() {
    if (!hasUniformRate()) {
      throw new IllegalStateException("channels have different sampling rates");
    }
    return channels.get(0).samplingRate();
  }

  /** The longest channel duration in seconds. */
  public double durationSeconds() {
    return channels.stream().mapToDouble(Channel::durationSeconds).max().orElse(0);
  }

  /** This signal with other channels, keeping times and annotations. */
  public Signal withChannels(List<Channel> newChannels) {
    return new Signal(newChannels, startTimeSeconds, startDateTime, annotations);
  }
}
