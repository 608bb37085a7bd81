package dev.mimik.sim.ego;

import dev.mimik.core.data.ArtPriors;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.TextTable;
import dev.mimik.core.io.csv.ArtPriorsCsv;
import dev.mimik.core.io.csv.BlendshapeCsv;
import dev.mimik.core.io.csv.PromptSegmentsCsv;
import dev.mimik.core.io.png.GrayImage;
import dev.mimik.core.io.png.GrayPng;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.HeadsetJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;

/**
 * A headset dataset folder in the {@link EgoLayout}, simulated or brought by a user: its manifest and headset, read
 * and checked when opened; recordings' files read on demand. Every problem is one {@link BadInputException} naming
 * the file or folder at fault.
 *
 * @param dir the dataset folder
 * @param headset the cameras the views come from
 * @param recordings the manifest's rows, in order
 */
public record EgoDataset(Path dir, Headset headset, List<Entry> recordings) {

  /**
   * One row of the manifest.
   *
   * @param recording the recording's path in the dataset ({@code s01/r01})
   * @param subject who was recorded
   * @param domain {@code synthetic}, {@code real} or anything a user writes
   * @param face the face that made the views, if known
   * @param frames frames per camera
   * @param fps frames per second
   * @param labels {@code exact}, {@code pseudo} or {@code none}
   */
  public record Entry(String recording, String subject, String domain, String face, int frames, double fps,
      String labels) {}

  public EgoDataset {
    recordings = List.copyOf(recordings);
  }

  /** Opens a dataset: reads its manifest and headset and checks that every recording folder exists. */
  public static EgoDataset open(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir, "not a folder (a headset dataset is a folder with " + EgoLayout.MANIFEST + ")");
    }
    Path manifest = dir.resolve(EgoLayout.MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new BadInputException(dir, "has no " + EgoLayout.MANIFEST + " (see docs/FORMATS.md, headset recordings)");
    }
    Path headsetFile = dir.resolve(EgoLayout.HEADSET);
    if (!Files.isRegularFile(headsetFile)) {
      throw new BadInputException(dir, "has no " + EgoLayout.HEADSET);
    }
    Headset headset = HeadsetJson.read(headsetFile);
    TextTable t = TextTable.read(manifest);
    if (t.lineCount() == 0 || !String.join(",", t.cells(0)).equals(EgoLayout.MANIFEST_HEADER)) {
      throw new BadInputException(manifest, "the header row must be " + EgoLayout.MANIFEST_HEADER);
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int line = 1; line < t.lineCount(); line++) {
      if (t.isBlank(line)) {
        continue;
      }
      String[] c = t.cells(line);
      if (c.length != 7) {
        throw t.problem(line, c.length + " columns, the header row has 7");
      }
      String rec = c[0];
      if (!rec.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") || rec.contains("..")) {
        throw t.problem(line, "recording \"" + rec + "\" is not a relative folder path");
      }
      if (!seen.add(rec)) {
        throw t.problem(line, "recording " + rec + " is listed twice");
      }
      double frames = t.number(line, c[4], "frames");
      if (frames < 1 || frames != Math.rint(frames)) {
        throw t.problem(line, "frames must be a positive whole number, not " + c[4]);
      }
      double fps = t.number(line, c[5], "fps");
      if (!(fps > 0)) {
        throw t.problem(line, "fps must be positive, not " + c[5]);
      }
      if (!Set.of("exact", "pseudo", "none").contains(c[6])) {
        throw t.problem(line, "labels must be exact, pseudo or none, not \"" + c[6] + "\"");
      }
      if (!Files.isDirectory(dir.resolve(rec))) {
        throw t.problem(line, "recording folder " + dir.resolve(rec) + " does not exist");
      }
      entries.add(new Entry(rec, c[1], c[2], c[3], (int) frames, fps, c[6]));
    }
    if (entries.isEmpty()) {
      throw new BadInputException(manifest, "lists no recordings");
    }
    return new EgoDataset(dir, headset, entries);
  }

  /** The folder of a recording. */
  public Path folder(Entry e) {
    return dir.resolve(e.recording());
  }

  /** The dataset's art priors ({@code art_priors.csv}), or mimik's built-in table when it has none. */
  public ArtPriors artPriors() throws IOException {
    Path file = dir.resolve(EgoLayout.ART_PRIORS);
    return Files.isRegularFile(file) ? ArtPriorsCsv.read(file) : ArtPriorsCsv.builtIn();
  }

  /** A recording's protocol segments, or null if it has none. */
  public List<PromptSegment> segments(Entry e) throws IOException {
    Path file = folder(e).resolve(EgoLayout.SEGMENTS);
    return Files.isRegularFile(file) ? PromptSegmentsCsv.read(file) : null;
  }

  /** A recording's labels, or null if it has none. */
  public BlendshapeTrack labels(Entry e) throws IOException {
    Path file = folder(e).resolve(EgoLayout.LABELS);
    return Files.isRegularFile(file) ? BlendshapeCsv.read(file) : null;
  }

  /** A recording's exact truth, or null if the dataset has none (real recordings). */
  public BlendshapeTrack truth(Entry e) throws IOException {
    Path file = EgoLayout.truth(dir, e.recording()).resolve(EgoLayout.TRUTH_BLENDSHAPES);
    return Files.isRegularFile(file) ? BlendshapeCsv.read(file) : null;
  }

  /**
   * Checks a recording's image folders: one folder per headset camera under {@code views/}, holding exactly
   * {@code 000000.png} to the last frame and nothing else, every image a readable PNG of one size per camera.
   *
   * @param decodeEvery decode every n-th image (1 decodes all; names are always checked)
   * @param progress receives the fraction of this recording's images checked
   * @return the image size of each camera, {width, height}, in the headset's camera order
   */
  public int[][] checkViews(Entry e, int decodeEvery, DoubleConsumer progress) throws IOException {
    Path views = folder(e).resolve(EgoLayout.VIEWS);
    if (!Files.isDirectory(views)) {
      throw new BadInputException(folder(e), "has no " + EgoLayout.VIEWS + " folder");
    }
    Set<String> expected = new HashSet<>();
    for (HeadsetCamera c : headset.cameras()) {
      expected.add(c.name());
    }
    try (Stream<Path> s = Files.list(views)) {
      for (Path p : s.toList()) {
        if (!expected.contains(p.getFileName().toString())) {
          throw new BadInputException(p, "is not a camera of the headset (" + String.join(", ",
              headset.cameras().stream().map(HeadsetCamera::name).toList()) + ")");
        }
      }
    }
    List<HeadsetCamera> cams = headset.cameras();
    int[][] sizes = new int[cams.size()][];
    long total = (long) cams.size() * e.frames();
    long done = 0;
    for (int c = 0; c < cams.size(); c++) {
      Path cam = views.resolve(cams.get(c).name());
      if (!Files.isDirectory(cam)) {
        throw new BadInputException(cam, "is missing: the headset has a camera " + cams.get(c).name());
      }
      List<String> names;
      try (Stream<Path> s = Files.list(cam)) {
        names = s.map(p -> p.getFileName().toString()).sorted().toList();
      }
      for (int f = 0; f < names.size(); f++) {
        if (!names.get(f).equals(EgoLayout.imageName(f))) {
          throw new BadInputException(cam.resolve(names.get(f)), f < e.frames()
              ? "is out of sequence: expected " + EgoLayout.imageName(f) + " (images are numbered from 000000)"
              : "is beyond the recording's " + e.frames() + " frames");
        }
      }
      if (names.size() != e.frames()) {
        throw new BadInputException(cam, "holds " + names.size() + " images, the manifest says " + e.frames()
            + " frames");
      }
      for (int f = 0; f < e.frames(); f++) {
        if (f % decodeEvery == 0 || f == e.frames() - 1) {
          Path file = cam.resolve(EgoLayout.imageName(f));
          GrayImage img = GrayPng.read(file);
          if (sizes[c] == null) {
            sizes[c] = new int[] {img.width(), img.height()};
          } else if (sizes[c][0] != img.width() || sizes[c][1] != img.height()) {
            throw new BadInputException(file, "is " + img.width() + "x" + img.height() + ", the camera's first image "
                + sizes[c][0] + "x" + sizes[c][1]);
          }
        }
        progress.accept((double) ++done / total);
      }
    }
    return sizes;
  }
}
