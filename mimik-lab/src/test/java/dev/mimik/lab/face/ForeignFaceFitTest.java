package dev.mimik.lab.face;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fit on faces the ICT FaceKit made (shared data; skipped without it). */
class ForeignFaceFitTest {

  private static FaceRig ict() {
    return ArkitShapeMapper.toArkit(IctFaceKit.load(SharedData.file("ict-facekit/" + IctFaceKit.EXPRESSIONS)
        .getParent()));
  }

  @Test
  void theLandmarksSeeEveryIctShapeButTheGazeWithoutPupilsAndTheTongue() {
    FaceRig rig = ict();
    List<String> hidden68 = hidden(ForeignFaceFit.visible(rig, LandmarkSet.IBUG_68));
    assertThat(hidden68).containsExactlyInAnyOrder("eyeLookDownLeft", "eyeLookInLeft", "eyeLookOutLeft",
        "eyeLookUpLeft", "eyeLookDownRight", "eyeLookInRight", "eyeLookOutRight", "eyeLookUpRight", "tongueOut");
    assertThat(hidden(ForeignFaceFit.visible(rig, LandmarkSet.IBUG_53))).containsExactly("tongueOut");
  }

  private static List<String> hidden(boolean[] visible) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < visible.length; k++) {
      if (!visible[k]) {
        out.add(Blendshapes.ARKIT_52.get(k));
      }
    }
    return out;
  }
}
