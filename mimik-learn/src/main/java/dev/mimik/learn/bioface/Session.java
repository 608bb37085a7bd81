package dev.mimik.learn.bioface;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.data.Signal;
import dev.mimik.signal.sync.ClockMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One recording session for training: biosignals, the camera's landmarks, and how the two clocks relate.
 *
 * @param name a label for messages and reports (usually the signal file)
 * @param participant who was recorded, for per-participant and leave-one-out evaluation
 * @param signals the raw biosignals
 * @param landmarks 2D landmarks in pixels (68 points in iBUG order, or 70 with the two pupils)
 * @param clock landmark time as a function of biosignal time
 * @param source the signal file, for error messages (may be null)
 */
public record Session(String name, String participant, Signal signals, LandmarkTrack landmarks, ClockMapping clock,
    Path source) {

  public Session {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(landmarks, "landmarks");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * The session's first {@code seconds} of biosignals and the camera frames taken in them (a calibration recording
   * of that length); the whole session when it is shorter.
   */
  public Session firstSeconds(double seconds) {
    List<Channel> channels = new ArrayList<>();
    for (Channel c : signals.channels()) {
      int n = (int) Math.min(c.samples().length, Math.round(seconds * c.samplingRate()));
      channels.add(new Channel(c.name(), c.unit(), c.samplingRate(), Arrays.copyOf(c.samples(), n)));
    }
    double end = clock.toLandmarkTime(seconds);
    double[] times = landmarks.timesSeconds();
    int frames = 0;
    while (frames < times.length && times[frames] <= end) {
      frames++;
    }
    LandmarkTrack first = new LandmarkTrack(Arrays.copyOf(times, frames), landmarks.pointCount(),
        Arrays.copyOf(landmarks.frames(), frames), Arrays.copyOf(landmarks.missing(), frames));
    return new Session(name, participant, signals.withChannels(channels), first, clock, source);
  }
}
