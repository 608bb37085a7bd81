package dev.mimik.sim.session;

import dev.mimik.core.data.LandmarkTrack;
import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.LandmarkCsvWriter;
import dev.mimik.sim.camera.CameraModel;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Blink;
import dev.mimik.sim.performance.Segment;
import dev.mimik.sim.sensor.Donning;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a session's exact ground truth into its {@code truth/} folder, all times on the biosensor clock:
 *
 * <ul>
 *   <li>{@code blendshapes.csv}: {@code time_s} then the 52 ARKit names, at each camera frame;
 *   <li>{@code landmarks.csv}: the exact projected landmarks of each camera frame, generic landmark CSV
 *       ({@code time_s,x0,y0,...,x67,y67});
 *   <li>{@code head_pose.csv}: {@code time_s,yaw_deg,pitch_deg,roll_deg,tx_mm,ty_mm,tz_mm} at each frame
 *       (translation relative to the rest position {@code distance_mm} in front of the camera);
 *   <li>{@code blinks.csv}: {@code onset_s,duration_s};
 *   <li>{@code events.csv}: {@code label,onset_s,apex_start_s,apex_end_s,end_s,intensity} for expression
 *       trials, speech bouts and head movements;
 *   <li>{@code clock.csv}: {@code camera_offset_s,camera_drift_ppm}, where camera time =
 *       {@code offset + (1 + drift * 1e-6) * biosensor time};
 *   <li>{@code donning.csv}: how the electrodes sat this session: {@code shift_x_mm,shift_y_mm,shift_z_mm} (the
 *       montage's rigid shift), {@code electrode_sd_mm} (each electrode's own error), {@code impedance_kohm} (this
 *       session's) and {@code lead_gains} (each lead's EMG pick-up factor, space-separated);
 *   <li>{@code camera.csv}: the camera and detector model; {@code participant.csv}: the participant's draws and the
 *       face model that made the faces ({@code face_model}, whose identity coefficients {@code identity} are).
 * </ul>
 */
public final class GroundTruthWriter {

  private final String faceModel;

  /** A writer of sessions whose faces the rig named {@code faceModel} made. */
  public GroundTruthWriter(String faceModel) {
    this.faceModel = faceModel;
  }

  /** Writes all truth files of {@code s} into {@code dir}. */
  public void write(SimulatedSession s, Path dir) throws IOException {
    LandmarkTrack exact = s.capture().exact();
    double[] times = exact.timesSeconds();
    BlendshapeCsv.write(s.performance().blendshapesAt(times), dir.resolve("blendshapes.csv"));
    new LandmarkCsvWriter().write(exact, dir.resolve("landmarks.csv"));
    StringBuilder pose = new StringBuilder("time_s,yaw_deg,pitch_deg,roll_deg,tx_mm,ty_mm,tz_mm\n");
    for (int f = 0; f < times.length; f++) {
      Decimals.append(pose, times[f], 6);
      for (double v : s.capture().headPose()[f]) {
        pose.append(',');
        Decimals.append(pose, v, 4);
      }
      pose.append('\n');
    }
    AtomicFiles.writeString(dir.resolve("head_pose.csv"), pose.toString());
    StringBuilder blinks = new StringBuilder("onset_s,duration_s\n");
    for (Blink b : s.performance().blinks()) {
      Decimals.append(blinks, b.onsetS(), 6);
      blinks.append(',');
      Decimals.append(blinks, b.durationS(), 6);
      blinks.append('\n');
    }
    AtomicFiles.writeString(dir.resolve("blinks.csv"), blinks.toString());
    StringBuilder events = new StringBuilder("label,onset_s,apex_start_s,apex_end_s,end_s,intensity\n");
    for (Segment e : s.performance().segments()) {
      events.append(e.label());
      for (double v : new double[] {e.onsetS(), e.apexStartS(), e.apexEndS(), e.endS()}) {
        events.append(',');
        Decimals.append(events, v, 6);
      }
      events.append(',');
      Decimals.append(events, e.intensity(), 4);
      events.append('\n');
    }
    AtomicFiles.writeString(dir.resolve("events.csv"), events.toString());
    CameraModel c = s.camera();
    AtomicFiles.writeString(dir.resolve("clock.csv"), String.format(Locale.ROOT,
        "camera_offset_s,camera_drift_ppm%n%.9f,%.6f%n", c.clockOffsetS(), c.driftPpm()));
    Donning d = s.donning();
    StringBuilder gains = new StringBuilder();
    for (double g : d.leadGains(s.signals().channelCount())) {
      gains.append(gains.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6f", g));
    }
    double[] shift = d.shiftMm();
    AtomicFiles.writeString(dir.resolve("donning.csv"), String.format(Locale.ROOT,
        "shift_x_mm,shift_y_mm,shift_z_mm,electrode_sd_mm,impedance_kohm,lead_gains%n%.4f,%.4f,%.4f,%.4f,%.4f,%s%n",
        shift[0], shift[1], shift[2], d.electrodeSdMm(), s.participant().impedanceKOhm() * d.impedanceFactor(),
        gains));
    AtomicFiles.writeString(dir.resolve("camera.csv"), String.format(Locale.ROOT,
        "fps,width,height,focal_px,distance_mm,noise_px,drop_probability%n%s,%d,%d,%s,%s,%.6f,%.6f%n",
        c.fps(), c.width(), c.height(), c.focalPx(), c.distanceMm(), c.noisePx(), c.dropProbability()));
    Participant p = s.participant();
    StringBuilder id = new StringBuilder();
    for (double v : p.identity()) {
      id.append(id.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6f", v));
    }
    AtomicFiles.writeString(dir.resolve("participant.csv"), String.format(Locale.ROOT,
        "id,identity,electrode_jitter_mm,impedance_kohm,electrode_noise_uv,emg_gain,eog_gain,"
            + "blink_rate_per_min,blink_duration_s,expressiveness,powerline_hz,face_model%n"
            + "%s,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.0f,%s%n",
        p.id(), id, p.electrodeJitterMm(), p.impedanceKOhm(), p.electrodeNoiseUv(), p.emgGain(), p.eogGain(),
        p.blinkRatePerMinute(), p.blinkDurationS(), p.expressiveness(), p.powerlineHz(), faceModel));
  }
}
