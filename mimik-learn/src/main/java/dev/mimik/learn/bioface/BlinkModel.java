package dev.mimik.learn.bioface;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.face.eyes.EyeState;
import dev.mimik.face.eyes.EyeStates;
import dev.mimik.signal.blink.BlinkCalibration;
import dev.mimik.signal.blink.BlinkDetector;
import dev.mimik.signal.blink.EogClosure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The blink detector a tracking model carries (issue 7's biosignal eye state): calibrated on the training sessions,
 * where the camera saw the eyelids, by {@link BlinkCalibration}, so tracking from biosignals alone knows which
 * channel shows this person's blinks, with which sign and how large.
 *
 * @param channel the name of the channel it reads
 * @param detector the calibrated detector
 * @param precision fraction of its detections on the training sessions that were camera blinks
 * @param recall fraction of the camera blinks it detected there
 * @param references number of camera blinks it was calibrated on
 */
public record BlinkModel(String channel, BlinkDetector detector, double precision, double recall, int references) {

  /** A camera frame is a closed eye when the mean closure probability of both eyes is at least this. */
  static final double CLOSED = 0.5;
  /** A camera blink starts (and ends) where the mean closure probability crosses this: the lids are moving. */
  static final double MOVING = 0.2;
  /** Fewest frames a camera blink spans, from the lids starting to move to their stopping. */
  static final int SHORTEST_FRAMES = 3;
  /** A calibration whose F1 against the camera's blinks is lower than this is not kept: it would blink at random. */
  static final double MIN_F1 = 0.5;

  /**
   * Calibrates on training sessions: reference blinks from each session's eyelid landmarks, the EOG band of the
   * front end's channels. Empty (with a warning) when the camera saw too few blinks or no channel shows them
   * reliably (F1 below {@link #MIN_F1}).
   */
  public static Optional<BlinkModel> calibrate(List<Session> sessions, FrontEnd frontEnd, Consumer<String> warnings) {
    List<BlinkCalibration.Recording> recordings = new ArrayList<>();
    for (Session s : sessions) {
      // the channels the training data selected, and warned about (a resampled rate), already
      double[][] eog = SessionSignals.eogBand(s.signals(), frontEnd, s.source(), w -> { });
      recordings.add(new BlinkCalibration.Recording(eog, frontEnd.samplingRateHz(), referenceBlinks(s)));
    }
    Optional<BlinkCalibration.Result> fit = BlinkCalibration.fit(recordings, BlinkDetector.standard());
    if (fit.isEmpty()) {
      int count = recordings.stream().mapToInt(r -> r.references().length).sum();
      warnings.accept("no blink detector calibrated: the training camera saw " + count + " blinks"
          + (count < BlinkCalibration.MIN_REFERENCES ? "" : " and no channel's EOG shows them")
          + "; the avatar's eyes will follow the tracked landmarks only");
      return Optional.empty();
    }
    BlinkCalibration.Result r = fit.get();
    if (r.f1() < MIN_F1) {
      warnings.accept(String.format(java.util.Locale.ROOT, "no blink detector kept: the best channel (%s) agrees with"
          + " the camera's %d blinks at F1 %.2f only; the avatar's eyes will follow the tracked landmarks only",
          frontEnd.channels().get(r.channel()), r.references(), r.f1()));
      return Optional.empty();
    }
    return Optional.of(new BlinkModel(frontEnd.channels().get(r.channel()), r.detector(), r.precision(), r.recall(),
        r.references()));
  }

  /**
   * The blinks the camera saw in a session, {@code [blink]{onset, offset}} in seconds from the first biosignal
   * sample: runs of frames whose eyes are closed ({@link #CLOSED}), widened to where the lids started and stopped
   * moving ({@link #MOVING}), at least {@link #SHORTEST_FRAMES} frames and at most
   * {@link BlinkDetector#maxDurationSeconds()} of the standard detector long. The shortest length drops single
   * frames where a squint (a smile's raised cheeks) or landmark noise dips under the closure threshold: real
   * blinks last 0.1-0.4 s, several frames.
   */
  static double[][] referenceBlinks(Session s) {
    LandmarkTrack track = s.landmarks();
    LandmarkSet set = track.pointCount() >= 68 ? LandmarkSet.IBUG_68 : LandmarkSet.ofSize(track.pointCount());
    EyeState[][] states = EyeStates.estimate(track.frames(), set);
    double[] closure = new double[states.length];
    for (int f = 0; f < closure.length; f++) {
      boolean seen = !track.missing()[f] && Double.isFinite(states[f][0].aperture())
          && Double.isFinite(states[f][1].aperture());
      closure[f] = seen ? (states[f][0].closure() + states[f][1].closure()) / 2 : 0;
    }
    double[] times = track.timesSeconds();
    double longest = BlinkDetector.standard().maxDurationSeconds();
    double start = s.signals().startTimeSeconds();
    List<double[]> out = new ArrayList<>();
    int f = 0;
    while (f < closure.length) {
      if (closure[f] < CLOSED) {
        f++;
        continue;
      }
      int on = f;
      int off = f;
      while (off + 1 < closure.length && closure[off + 1] >= CLOSED) {
        off++;
      }
      f = off + 1;
      while (on > 0 && closure[on - 1] >= MOVING) {
        on--;
      }
      while (off + 1 < closure.length && closure[off + 1] >= MOVING) {
        off++;
      }
      if (off - on + 1 >= SHORTEST_FRAMES && times[off] - times[on] <= longest && (out.isEmpty() || s.clock().toBiosignalTime(times[on]) - start
          > out.get(out.size() - 1)[1])) {
        out.add(new double[] {s.clock().toBiosignalTime(times[on]) - start,
            s.clock().toBiosignalTime(times[off]) - start});
      }
    }
    return out.toArray(double[][]::new);
  }

  /** One line for reports: channel, polarity, threshold and how it did on the training camera's blinks. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%s, %s deflection above %.3g over a %.1f s running median;"
        + " on the %d training blinks precision %.2f, recall %.2f", channel, detector.positive() ? "upward" : "downward",
        detector.calibratedThreshold(), 2 * detector.baselineSeconds(), references, precision, recall);
  }

  /**
   * Closure probability per frame from a recording's EOG band ({@code [channel][sample]} in the front end's
   * channel order), at frame times in seconds from the first sample.
   */
  public double[] closure(double[][] eogBand, FrontEnd frontEnd, double[] frameTimes) {
    int c = frontEnd.channels().indexOf(channel);
    if (c < 0) {
      throw new IllegalArgumentException("the blink channel '" + channel + "' is not among " + frontEnd.channels());
    }
    return new EogClosure(detector).closure(eogBand[c], frontEnd.samplingRateHz(), frameTimes);
  }
}
