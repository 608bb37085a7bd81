package dev.mimik.lab.ego;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.png.GrayImage;
import dev.mimik.core.io.png.GrayPng;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.learn.ego.EgoClip;
import dev.mimik.learn.ego.EgoViews;
import dev.mimik.learn.ego.ViewImages;
import dev.mimik.sim.ego.EgoDataset;
import dev.mimik.sim.ego.EgoLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A headset dataset's recordings as EgoNet takes them: each frame's five views (in {@link EgoViews} order, from the
 * headset's embedded cameras, resized to the network's size) with the recording's labels, and beside them what the
 * studies score with (the protocol's segments) and measure against (the simulation's truth, absent for real data).
 *
 * @param entry the manifest row
 * @param clip the views and labels (null labels when the recording has none)
 * @param segments the protocol, or null
 * @param truth the exact blendshapes (ARKit-52 order), or null
 */
public record EgoRecordings(EgoDataset.Entry entry, EgoClip clip, List<PromptSegment> segments, double[][] truth) {

  /** The camera names of the dataset's headset in view order. */
  public static List<String> cameras(EgoDataset dataset) {
    try {
      return EgoViews.cameras(dataset.headset()).stream().map(HeadsetCamera::name).toList();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(dataset.dir(), e.getMessage());
    }
  }

  /** Reads one recording at {@code size x size} pixels per view. */
  public static EgoRecordings read(EgoDataset dataset, EgoDataset.Entry e, int size) throws IOException {
    List<String> cameras = cameras(dataset);
    Path folder = dataset.folder(e);
    byte[][] frames = new byte[e.frames()][];
    double[] times = new double[e.frames()];
    byte[][] views = new byte[EgoViews.COUNT][];
    for (int f = 0; f < e.frames(); f++) {
      for (int v = 0; v < EgoViews.COUNT; v++) {
        GrayImage img = GrayPng.read(EgoLayout.image(folder, cameras.get(v), f));
        views[v] = ViewImages.resize(img, size);
      }
      frames[f] = ViewImages.frame(views);
      times[f] = f / e.fps();
    }
    double[][] labels = arkit(dataset.labels(e), folder.resolve(EgoLayout.LABELS), e.frames());
    double[][] truth = arkit(dataset.truth(e), EgoLayout.truth(dataset.dir(), e.recording()), e.frames());
    return new EgoRecordings(e, new EgoClip(e.subject(), e.recording(), times, frames, labels),
        dataset.segments(e), truth);
  }

  private static double[][] arkit(BlendshapeTrack track, Path file, int frames) {
    if (track == null) {
      return null;
    }
    if (track.frameCount() != frames) {
      throw new BadInputException(file, track.frameCount() + " rows, the recording has " + frames + " frames");
    }
    return track.reordered(Blendshapes.ARKIT_52).weights();
  }

  /** Blendshapes of this recording's frames as a track (ARKit-52 names, the frames' times). */
  public BlendshapeTrack track(double[][] weights) {
    return new BlendshapeTrack(clip.times(), Blendshapes.ARKIT_52, weights);
  }
}
