package dev.mimik.sim.ego;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where things are in a headset dataset folder ({@code docs/FORMATS.md}, "Headset recordings"): the layout
 * {@code mimik ego simulate} writes and every {@code ego} command reads, also for real recordings.
 *
 * <pre>
 * D/manifest.csv                         recording,subject,domain,face,frames,fps,labels
 * D/headset.json                         the cameras the views come from
 * D/art_priors.csv                       prompt,blendshape,activation (optional)
 * D/REC/frames.csv                       frame,time_s
 * D/REC/views/CAMERA/000000.png          8-bit gray, one per frame; left cameras mirrored
 * D/REC/labels.csv                       blendshape labels (optional)
 * D/REC/segments.csv                     the protocol (optional)
 * D/truth/REC/...                        exact truth, for evaluation only (simulated data)
 * </pre>
 * {@code REC} is the recording's path, {@code SUBJECT/RECORDING} ({@code s01/r01}).
 */
public final class EgoLayout {

  public static final String MANIFEST = "manifest.csv";
  public static final String MANIFEST_HEADER = "recording,subject,domain,face,frames,fps,labels";
  public static final String HEADSET = "headset.json";
  public static final String ART_PRIORS = "art_priors.csv";
  public static final String FRAMES = "frames.csv";
  public static final String FRAMES_HEADER = "frame,time_s";
  public static final String VIEWS = "views";
  public static final String LABELS = "labels.csv";
  public static final String SEGMENTS = "segments.csv";
  public static final String TRUTH = "truth";
  public static final String TRUTH_BLENDSHAPES = "blendshapes.csv";
  public static final String TRUTH_DONNING = "donning.csv";
  public static final String TRUTH_SUBJECT = "subject.csv";
  public static final String LABELLING_HEADSET = "labelling-headset.json";

  private EgoLayout() {}

  /** The image of a camera at a frame. */
  public static Path image(Path recording, String camera, int frame) {
    return recording.resolve(VIEWS).resolve(camera).resolve(imageName(frame));
  }

  /** The file name of a frame's image, {@code 000042.png}. */
  public static String imageName(int frame) {
    return String.format(Locale.ROOT, "%06d.png", frame);
  }

  /** The truth folder of a recording. */
  public static Path truth(Path dataset, String recording) {
    return dataset.resolve(TRUTH).resolve(recording);
  }
}
