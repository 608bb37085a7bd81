package dev.mimik.track.stage;

import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoOutputs;
import dev.mimik.learn.ego.FailureDetector;
import dev.mimik.track.Frame;
import dev.mimik.track.Stage;
import java.util.function.Consumer;

/**
 * The headset path's network (REFA): EgoNet on each frame's five views gives its ARKit-52 blendshapes; with the
 * model's statistics, the failure detector checks the views (a covered or saturated camera, a headset taken off,
 * views unlike any seen in training) and names what it found on the frame ({@link Frame#viewProblem}) and which
 * views failed ({@link Frame#failedViews}).
 */
public final class EgoNetStage implements Stage {

  private final EgoModel model;
  private final FailureDetector detector;

  /** @param model a model (owned by the caller); without statistics the views are not checked */
  public EgoNetStage(EgoModel model) {
    this.model = model;
    this.detector = model.statistics() == null ? null : new FailureDetector(model.statistics());
  }

  @Override
  public String name() {
    return "egonet";
  }

  @Override
  public void process(Frame frame, Consumer<Frame> out) {
    EgoModel.Batch b = model.run(new byte[][] {frame.views()});
    frame.setBlendshapes(EgoOutputs.blendshapes(b.outputs()[0], 0));
    if (detector != null) {
      FailureDetector.Check check = detector.check(frame.views(), model.imageSize(), b.features()[0]);
      frame.setViewProblem(check.ok() ? null : check.describe());
      if (!check.ok()) {
        FailureDetector.Problem[] problems = check.problems();
        boolean[] failed = new boolean[problems.length];
        for (int v = 0; v < failed.length; v++) {
          failed[v] = problems[v] != null;
        }
        frame.setFailedViews(failed);
      }
    }
    out.accept(frame);
  }
}
