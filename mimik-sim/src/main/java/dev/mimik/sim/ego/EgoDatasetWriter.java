package dev.mimik.sim.ego;

import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.PromptSegmentsCsv;
import dev.mimik.core.io.png.GrayPng;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.render.FaceLook;
import dev.mimik.face.render.GlassesStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a simulated recording's files into a dataset folder in the {@link EgoLayout}. */
public final class EgoDatasetWriter {

  private EgoDatasetWriter() {}

  /** A sink writing each image as a PNG under {@code recording/views/CAMERA/}. */
  public static FrameSink images(Path recording, List<HeadsetCamera> cameras) throws IOException {
    Path[] dirs = new Path[cameras.size()];
    for (int c = 0; c < dirs.length; c++) {
      dirs[c] = Files.createDirectories(recording.resolve(EgoLayout.VIEWS).resolve(cameras.get(c).name()));
    }
    return (camera, frame, image) -> GrayPng.write(dirs[camera].resolve(EgoLayout.imageName(frame)),
        image.width(), image.height(), image.pixels());
  }

  /** The recording's frames, labels, segments and (apart, under {@code truth/}) its exact truth. */
  public static void write(Path dataset, EgoRecording r) throws IOException {
    Path dir = dataset.resolve(r.id());
    StringBuilder frames = new StringBuilder(EgoLayout.FRAMES_HEADER).append('\n');
    for (int f = 0; f < r.times().length; f++) {
      frames.append(f).append(',').append(String.format(Locale.ROOT, "%.6f", r.times()[f])).append('\n');
    }
    AtomicFiles.writeString(dir.resolve(EgoLayout.FRAMES), frames.toString());
    BlendshapeCsv.write(r.labels(), dir.resolve(EgoLayout.LABELS));
    PromptSegmentsCsv.write(r.segments(), dir.resolve(EgoLayout.SEGMENTS));
    Path truth = EgoLayout.truth(dataset, r.id());
    BlendshapeCsv.write(r.truth(), truth.resolve(EgoLayout.TRUTH_BLENDSHAPES));
    StringBuilder donning = new StringBuilder("time_s,tx_mm,ty_mm,tz_mm,yaw_deg,pitch_deg,roll_deg\n");
    for (int f = 0; f < r.times().length; f++) {
      double[] d = r.donning()[f];
      donning.append(String.format(Locale.ROOT, "%.6f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f%n", r.times()[f], d[0], d[1],
          d[2], d[3], d[4], d[5]));
    }
    AtomicFiles.writeString(truth.resolve(EgoLayout.TRUTH_DONNING), donning.toString());
    AtomicFiles.writeString(truth.resolve(EgoLayout.TRUTH_SUBJECT), subject(r));
  }

  private static String subject(EgoRecording r) {
    EgoSubject s = r.subject();
    FaceLook l = s.look();
    GlassesStyle g = l.glasses();
    StringBuilder sb = new StringBuilder("key,value\n");
    row(sb, "id", s.id());
    row(sb, "domain", r.domain().label());
    row(sb, "face", r.face());
    row(sb, "identity", String.join(" ", java.util.Arrays.stream(s.person().identity())
        .mapToObj(v -> String.format(Locale.ROOT, "%.4f", v)).toList()));
    row(sb, "expressiveness", s.person().expressiveness());
    row(sb, "blink_rate_per_min", s.person().blinkRatePerMinute());
    row(sb, "eye_aperture", s.eyeAperture());
    row(sb, "skin_albedo", l.skinAlbedo());
    row(sb, "beard", l.beard());
    row(sb, "moustache", l.moustache());
    row(sb, "pupil_radius_mm", l.pupilRadiusMm());
    row(sb, "glasses", g == null ? "none" : String.format(Locale.ROOT, "%.1fx%.1f mm rims, %.1f mm bars, albedo %.2f",
        g.rimWidthMm(), g.rimHeightMm(), g.barMm(), g.albedo()));
    return sb.toString();
  }

  private static void row(StringBuilder sb, String key, Object value) {
    String v = value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
    sb.append(key).append(',').append(v).append('\n');
  }
}
