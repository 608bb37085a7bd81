package dev.mimik.lab.face;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which shapes the landmarks can tell apart from the others and a head motion. */
class IdentifiabilityTest {

  private static final int PUCKER = Blendshapes.indexOf("mouthPucker");
  private static final int SMILE_LEFT = Blendshapes.indexOf("mouthSmileLeft");
  private static final int JAW_OPEN = Blendshapes.indexOf("jawOpen");

  @Test
  void aShapeThatIsAMixOfOthersOrAHeadMotionHasNothingOutsideTheirSpan() {
    FaceRig rig = EmbeddedRig.load();
    float[] smile = rig.shapeDeltas().get(rig.shapeIndex("mouthSmileLeft"));
    float[] jaw = rig.shapeDeltas().get(rig.shapeIndex("jawOpen"));
    float[] mix = new float[smile.length];
    float[] shift = new float[smile.length];
    for (int i = 0; i < mix.length; i++) {
      mix[i] = smile[i] + 0.5f * jaw[i];
      shift[i] = i % 3 == 0 ? 0.2f : 0; // the whole face moved sideways: a head motion
    }
    Identifiability.Shape[] before = Identifiability.of(rig, LandmarkSet.IBUG_68);
    Identifiability.Shape[] after = Identifiability.of(replaced(replaced(rig, "mouthPucker", mix), "cheekPuff", shift),
        LandmarkSet.IBUG_68);

    assertThat(before[PUCKER].largestMm()).isGreaterThan(1);
    assertThat(after[PUCKER].largestMm()).isGreaterThan(5);
    assertThat(after[PUCKER].outsideLargestMm()).isLessThan(1e-3);
    assertThat(after[PUCKER].separable()).isFalse();
    assertThat(after[Blendshapes.indexOf("cheekPuff")].outsideLargestMm()).isLessThan(1e-3);
    // each of the three is now a mix of the other two: the smile and the jaw lose their own motion too
    assertThat(before[JAW_OPEN].separable()).isTrue();
    assertThat(after[JAW_OPEN].outsideLargestMm()).isLessThan(1e-3);
    assertThat(after[SMILE_LEFT].outsideLargestMm()).isLessThan(1e-3);
  }

  @Test
  void aShapeAloneIsToldFromAHeadMotionAndItsBoundedAndFreePartsAgree() {
    FaceRig rig = EmbeddedRig.load();
    // with every other shape zeroed, only the head's motions compete, and those are free in both parts
    List<float[]> only = new ArrayList<>();
    for (int k = 0; k < rig.shapeCount(); k++) {
      only.add(rig.shapeNames().get(k).equals("jawOpen") ? rig.shapeDeltas().get(k)
          : new float[rig.neutral().length]);
    }
    Identifiability.Shape alone = Identifiability.of(withDeltas(rig, only), LandmarkSet.IBUG_68)[JAW_OPEN];
    assertThat(alone.separable()).isTrue();
    assertThat(alone.outsideBoundedMm()).isEqualTo(alone.outsideLargestMm(), org.assertj.core.data.Offset.offset(0.05));
  }

  private static FaceRig replaced(FaceRig rig, String name, float[] delta) {
    List<float[]> deltas = new ArrayList<>(rig.shapeDeltas());
    deltas.set(rig.shapeIndex(name), delta);
    return withDeltas(rig, deltas);
  }

  private static FaceRig withDeltas(FaceRig rig, List<float[]> deltas) {
    return new FaceRig(rig.name(), rig.neutral(), rig.triangles(), rig.shapeNames(), deltas, rig.identityNames(),
        rig.identityDeltas(), rig.landmarkVertices(), rig.leftEye(), rig.rightEye(), rig.millimetresPerUnit());
  }
}
