package dev.mimik.app.serve;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import java.util.Map;

/**
 * Plays a {@link BlendshapeTrack} (a {@code blendshapes.csv} written by {@code mimik track}) as live frames at
 * real-time pace, or {@code speed} times faster, optionally looping. Frames carry no landmarks; eye closure is the
 * eyeBlink weights; {@code latencyMs} is how late the frame left against its schedule.
 */
public final class BlendshapeReplaySource extends PacedReplaySource {

  private static final int BLINK_LEFT = Blendshapes.indexOf("eyeBlinkLeft");
  private static final int BLINK_RIGHT = Blendshapes.indexOf("eyeBlinkRight");

  private final BlendshapeTrack track;
  private final String name;

  /**
   * @param track the frames to play; its shapes are ARKit names in any order, absent ones play as 0
   * @param speed playback rate, 1 = real time; must be positive
   * @param loop start again from the first frame after the last
   * @param name what is played, for logs
   */
  public BlendshapeReplaySource(BlendshapeTrack track, double speed, boolean loop, String name) {
    super(speed, loop, "mimik-replay");
    this.track = inArkitOrder(track);
    this.name = name;
  }

  /**
   * The track with its columns in {@link Blendshapes#ARKIT_52} order; shapes it lacks are 0.
   *
   * @throws IllegalArgumentException naming the first shape that is not an ARKit name
   */
  public static BlendshapeTrack inArkitOrder(BlendshapeTrack track) {
    for (String name : track.names()) {
      if (Blendshapes.indexOf(name) < 0) {
        throw new IllegalArgumentException("'" + name + "' is not an ARKit blendshape name");
      }
    }
    return track.reordered(Blendshapes.ARKIT_52);
  }

  @Override
  protected void play(Listener listener) {
    double[] times = track.timesSeconds();
    boolean ended = ReplayPacing.run(times, speed, loop, (f, elapsed, due) -> {
      double[] w = track.weights()[f];
      double late = (System.nanoTime() - due) / 1e6;
      listener.onFrame(new TrackedFrame(times[f], new double[0][], w.clone(), w[BLINK_LEFT], w[BLINK_RIGHT],
          late, Map.of()));
    });
    if (ended) {
      listener.onEnd("replay of " + name + " ended after " + times.length + " frames");
    }
  }

  @Override
  public void stop() {
    stopPlaying();
  }

  @Override
  public String describe() {
    return "replay of " + name + " (" + track.frameCount() + " frames, speed " + speed + (loop ? ", looping" : "")
        + ")";
  }
}
