package dev.mimik.face.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.util.List;
import org.junit.jupiter.api.Test;

class RigSummaryTest {

  @Test
  void theEmbeddedRigHasEveryArkitShapeAndItsMeshCounts() {
    FaceRig rig = EmbeddedRig.load();
    RigSummary s = RigSummary.of(rig);
    assertThat(s.vertices()).isEqualTo(rig.vertexCount());
    assertThat(s.triangles()).isEqualTo(rig.triangles().length / 3);
    assertThat(s.targets()).hasSize(52).allSatisfy(t -> assertThat(t.arkit()).isEqualTo(t.name()));
    assertThat(s.missingArkit()).isEmpty();
    assertThat(s.landmarks()).isEqualTo(68);
  }

  @Test
  void sidedAndUnknownNamesMapAsTheMapperSaysAndTheSizeIsInMillimetres() {
    FaceRig rig = new FaceRig("t", new float[] {0, 0, 0, 2, 1, 0.5f}, new int[0], List.of("eyeBlink_L", "smirk"),
        List.of(new float[6], new float[6]), List.of(), List.of(), new int[0], null, null, 10);
    RigSummary s = RigSummary.of(rig);
    assertThat(s.targets()).containsExactly(new RigSummary.Target("eyeBlink_L", "eyeBlinkLeft"),
        new RigSummary.Target("smirk", null));
    assertThat(s.missingArkit()).hasSize(Blendshapes.ARKIT_52.size() - 1).doesNotContain("eyeBlinkLeft");
    assertThat(s.sizeMm()).containsExactly(20, 10, 5);
    assertThat(s.leftEye()).isNull();
  }
}
