package dev.mimik.track.stage;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.learn.ego.EgoViews;
import java.util.List;

/**
 * Which headset views each ARKit blendshape depends on, so that a failed camera costs only the shapes it is placed
 * to see: an eye camera its eye's seven shapes (the eye MLP reads that view alone), the glabella camera the brows,
 * and the two mouth cameras, which each see one half of the mouth and feed the face MLP together, every mouth, jaw,
 * cheek, nose and tongue shape.
 */
final class ViewShapes {

  private ViewShapes() {}

  /** Per ARKit-52 shape, in {@link Blendshapes#ARKIT_52} order, the view slots ({@link EgoViews}) it depends on. */
  static int[][] responsible() {
    List<String> names = Blendshapes.ARKIT_52;
    int[][] views = new int[names.size()][];
    for (int k = 0; k < views.length; k++) {
      views[k] = of(names.get(k));
    }
    return views;
  }

  private static int[] of(String shape) {
    if (shape.startsWith("eye")) {
      return new int[] {(shape.endsWith("Left") ? EgoViews.EYE_LEFT : EgoViews.EYE_RIGHT).ordinal()};
    }
    if (shape.startsWith("brow")) {
      return new int[] {EgoViews.GLABELLA.ordinal()};
    }
    return new int[] {EgoViews.MOUTH_LEFT.ordinal(), EgoViews.MOUTH_RIGHT.ordinal()};
  }
}
