package dev.mimik.sim.ego;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.headset.Donning;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.render.FaceSurface;
import dev.mimik.face.render.IrImage;
import dev.mimik.face.render.IrRenderer;
import dev.mimik.face.render.RenderedView;
import dev.mimik.face.render.SurfaceMesh;
import dev.mimik.face.render.VisibilityBuffer;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.sim.SeedStreams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records one headset session: plays the protocol ({@link EgoPerformer}), puts the headset on as the session's
 * {@link DonningTrack} says, renders every embedded camera at each frame (left views mirrored) and labels the
 * frames: exactly in the synthetic domain, through the {@link PseudoLabeller} in the real one, with the detector
 * looking through all the data-collection headset's cameras.
 *
 * <p>The subject's resting eye aperture is in the views, not in the labels (it is their neutral). Everything
 * random derives from the recording's seed.
 */
public final class EgoRecorder {

  private static final double INTERNAL_RATE = 120;
  /** Rigs with fewer vertices than this are subdivided before rendering. */
  private static final int COARSE = 5000;

  private final Headset headset;
  private final List<HeadsetCamera> groundTruthCameras;
  private final int width;
  private final KeypointDetector detector;
  private final FaceRig labelRig;
  private final double sparsity;

  /**
   * @param headset the headset whose embedded cameras make the images
   * @param groundTruthCameras the extra cameras of the data-collection headset (real domain only)
   * @param width image width in pixels (the height keeps each camera's aspect)
   * @param labelRig the rig the pseudo ground truth is solved on
   */
  public EgoRecorder(Headset headset, List<HeadsetCamera> groundTruthCameras, int width, KeypointDetector detector,
      FaceRig labelRig, double sparsity) {
    this.headset = headset;
    this.groundTruthCameras = List.copyOf(groundTruthCameras);
    this.width = width;
    this.detector = detector;
    this.labelRig = labelRig;
    this.sparsity = sparsity;
  }

  /**
   * Records {@code seconds} of a session.
   *
   * @param face the rig that makes the views (its targets in ARKit-52 order)
   */
  public EgoRecording record(String id, EgoSubject who, Domain domain, FaceRig face, double seconds, long seed,
      FrameSink sink) throws IOException {
    if (!face.shapeNames().equals(Blendshapes.ARKIT_52)) {
      throw new IllegalArgumentException("the face rig must have the 52 ARKit targets in order");
    }
    EgoPerformance perf = new EgoPerformer(INTERNAL_RATE).perform(who, seconds,
        SeedStreams.derive(seed, "performance"));
    DonningTrack donning = DonningTrack.draw(SeedStreams.stream(seed, "donning"));
    FaceSurface surface = new FaceSurface(face, who.person().identity(), who.look(), face.vertexCount() < COARSE);
    IrRenderer renderer = new IrRenderer(domain.look());
    List<HeadsetCamera> cams = headset.embeddedCameras();
    int frames = (int) Math.floor(seconds * headset.fps()) + 1;
    double[] times = new double[frames];
    double[][] truth = new double[frames][];
    double[][] offsets = new double[frames][];
    double[] gains = gains(surface, renderer, donning);
    boolean real = domain == Domain.REAL;
    PseudoLabeller labeller = real ? new PseudoLabeller(labelRig, allCameras(), detector, sparsity) : null;
    double[][] landmarks = real ? new double[frames][] : null;
    SplittableRandom detections = SeedStreams.stream(seed, "detector");
    for (int f = 0; f < frames; f++) {
      double t = f / headset.fps();
      times[f] = t;
      truth[f] = perf.performance().weightsAt(t);
      offsets[f] = donning.componentsAt(t);
      SurfaceMesh mesh = surface.pose(withEyeAperture(truth[f], who.eyeAperture()));
      Donning placement = donning.at(t);
      Headset worn = headset.donned(placement);
      VisibilityBuffer[] buffers = new VisibilityBuffer[cams.size()];
      for (int c = 0; c < cams.size(); c++) {
        HeadsetCamera cam = worn.embeddedCameras().get(c);
        RenderedView view = renderer.view(mesh, cam, worn.illuminators(), width, gains[c],
            SeedStreams.derive(seed, "image/" + f + "/" + c));
        buffers[c] = view.buffer();
        IrImage img = cam.side().mirrored() ? view.image().mirrored() : view.image();
        sink.accept(c, f, img);
      }
      if (real) {
        landmarks[f] = labeller.landmarks(detect(surface, mesh, worn, placement, buffers, renderer, detections));
      }
    }
    BlendshapeTrack exact = new BlendshapeTrack(times, Blendshapes.ARKIT_52, truth);
    BlendshapeTrack labels = real ? labeller.solve(times, landmarks, perf.segments()) : exact;
    return new EgoRecording(id, who, domain, face.name(), times, labels, exact, perf.segments(), offsets);
  }

  /** Each camera's exposure, metered once on the neutral face as the session starts (auto-exposure settling). */
  private double[] gains(FaceSurface surface, IrRenderer renderer, DonningTrack donning) {
    SurfaceMesh neutral = surface.pose(new double[Blendshapes.ARKIT_52.size()]);
    Headset worn = headset.donned(donning.at(0));
    IrRenderer meter = new IrRenderer(renderer.look().noiseless());
    double[] g = new double[worn.embeddedCameras().size()];
    for (int c = 0; c < g.length; c++) {
      g[c] = IrRenderer.autoGain(meter.radiance(neutral, worn.embeddedCameras().get(c), worn.illuminators(), width));
    }
    return g;
  }

  private List<HeadsetCamera> allCameras() {
    List<HeadsetCamera> all = new ArrayList<>(headset.embeddedCameras());
    all.addAll(groundTruthCameras);
    return all;
  }

  /** Detections in every camera of the data-collection headset, embedded cameras first. */
  private double[][] detect(FaceSurface surface, SurfaceMesh mesh, Headset worn, Donning donning,
      VisibilityBuffer[] embedded, IrRenderer renderer, SplittableRandom r) {
    double[] points = surface.landmarks(mesh);
    double[][] views = new double[embedded.length + groundTruthCameras.size()][];
    for (int c = 0; c < embedded.length; c++) {
      views[c] = detector.detect(points, worn.embeddedCameras().get(c), embedded[c], surface.look(), r);
    }
    for (int g = 0; g < groundTruthCameras.size(); g++) {
      HeadsetCamera placed = groundTruthCameras.get(g).donned(donning);
      views[embedded.length + g] = detector.detect(points, placed, renderer.rasterize(mesh, placed, width),
          surface.look(), r);
    }
    return views;
  }

  private static double[] withEyeAperture(double[] weights, double aperture) {
    double[] w = weights.clone();
    String wide = aperture > 0 ? "eyeWide" : "eyeSquint";
    for (String side : new String[] {"Left", "Right"}) {
      int k = Blendshapes.indexOf(wide + side);
      w[k] = Math.min(1, w[k] + Math.abs(aperture));
    }
    return w;
  }
}
