package dev.mimik.track.stage;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.io.BadInputException;
import dev.mimik.face.fit.FitOptions;
import dev.mimik.face.fit.FitResult;
import dev.mimik.face.fit.LocalDistances;
import dev.mimik.face.fit.RestShape;
import dev.mimik.face.fit.RigFitter;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.learn.bioface.LandmarkFrame;
import dev.mimik.learn.bioface.PersonIdentity;
import dev.mimik.track.Frame;
import dev.mimik.track.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The 3D face: each frame's landmarks (after the eyelid adjustment) fitted to the rig, warm-started from the frame
 * before, with the local distance terms on eyelids and lips (LDL); out come the rig's weights and the 52 ARKit
 * blendshapes.
 *
 * <p>The person's face shape (identity and landmark offsets, the {@link RestShape}) comes first, so that the shape is
 * not mistaken for an expression: the one the model carries (fitted at training on the camera's landmarks), or else
 * one fitted on the first {@code identityFrames} tracked frames, which the stage holds until it has them
 * ({@link PersonIdentity#fit}). A
 * frame without landmarks keeps the weights of the frame before (none at the start).
 */
public final class FaceFitStage implements Stage {

  private final FaceRig rig;
  private final LandmarkFrame landmarkFrame;
  private final FitOptions options;
  private final int identityFrames;
  private final int[] arkitColumn;
  private final List<Frame> held = new ArrayList<>();
  private RigFitter fitter;
  private FitResult previous;
  private double[] previousShapes;

  /**
   * @param rig the face, with the 52 ARKit blendshapes among its targets
   * @param landmarkFrame the frame of the landmarks (their set, and the camera they are seen through)
   * @param localDistances the weights of the local dynamic loss
   * @param rest the person's rest shape on this rig (identity and landmark offsets) when known, else null to fit it
   *     here
   * @param identityFrames how many tracked frames the rest shape is fitted on
   */
  public FaceFitStage(FaceRig rig, LandmarkFrame landmarkFrame, LocalDistances localDistances, RestShape rest,
      int identityFrames) {
    if (!rig.shapeNames().containsAll(Blendshapes.ARKIT_52)) {
      throw new BadInputException("the face model's targets are not the 52 ARKit blendshapes (it has "
          + rig.shapeNames().size() + " targets named like " + rig.shapeNames().subList(0,
              Math.min(3, rig.shapeNames().size())) + ")");
    }
    this.rig = rig;
    this.landmarkFrame = landmarkFrame;
    this.options = FitOptions.defaults().withLocalDistances(localDistances);
    this.identityFrames = Math.max(1, identityFrames);
    this.arkitColumn = Blendshapes.ARKIT_52.stream().mapToInt(rig::shapeIndex).toArray();
    if (rest != null) {
      this.fitter = fitter(rest);
    }
  }

  @Override
  public String name() {
    return "fit";
  }

  /** The rest shape the face is fitted with; null while its frames are still being gathered. */
  public RestShape rest() {
    return fitter == null ? null : fitter.rest();
  }

  @Override
  public void process(Frame frame, Consumer<Frame> out) {
    if (fitter != null) {
      fit(frame);
      out.accept(frame);
      return;
    }
    held.add(frame);
    if (held.stream().filter(Frame::tracked).count() >= identityFrames) {
      release(out);
    }
  }

  @Override
  public void finish(Consumer<Frame> out) {
    if (fitter == null) {
      release(out);
    }
  }

  /** Fits the rest shape on the held frames, then fits and passes them on. */
  private void release(Consumer<Frame> out) {
    double[][] frames = held.stream().filter(Frame::tracked).map(Frame::landmarks).toArray(double[][]::new);
    fitter = fitter(frames.length == 0 ? null : PersonIdentity.fit(rig, landmarkFrame, frames).rest());
    for (Frame f : held) {
      fit(f);
      out.accept(f);
    }
    held.clear();
  }

  private RigFitter fitter(RestShape rest) {
    RigFitter f = new RigFitter(rig, landmarkFrame.set(), landmarkFrame.assumedCamera(), options);
    return rest == null ? f : f.withRest(rest);
  }

  private void fit(Frame frame) {
    if (frame.tracked()) {
      previous = fitter.fit(frame.fitLandmarks() != null ? frame.fitLandmarks() : frame.landmarks(), previous);
      frame.setFit(previous);
      double[] shapes = new double[arkitColumn.length];
      for (int k = 0; k < shapes.length; k++) {
        shapes[k] = Math.min(1, Math.max(0, previous.weights()[arkitColumn[k]]));
      }
      previousShapes = shapes;
    }
    frame.setBlendshapes(previousShapes != null ? previousShapes.clone() : new double[arkitColumn.length]);
  }
}
