package dev.mimik.face.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.Blendshapes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArkitShapeMapperTest {

  @Test
  void sidedAndSplitNamesMapOntoArkit() {
    assertThat(ArkitShapeMapper.arkitName("eyeBlink_L")).isEqualTo("eyeBlinkLeft");
    assertThat(ArkitShapeMapper.arkitName("mouthSmile_R")).isEqualTo("mouthSmileRight");
    assertThat(ArkitShapeMapper.arkitName("cheekPuff_R")).isEqualTo("cheekPuff");
    assertThat(ArkitShapeMapper.arkitName("jawOpen")).isEqualTo("jawOpen");
    assertThat(ArkitShapeMapper.arkitName("PupilDilate_L")).isNull();
    assertThat(ArkitShapeMapper.arkitName("identity000")).isNull();
  }

  @Test
  void arkitWeightsDriveBothHalvesOfASplitShape() {
    ArkitShapeMapper m = ArkitShapeMapper.forNames(List.of("browInnerUp_L", "jawOpen", "browInnerUp_R", "extra_L"));
    double[] arkit = new double[52];
    arkit[Blendshapes.indexOf("browInnerUp")] = 0.7;
    arkit[Blendshapes.indexOf("jawOpen")] = 0.2;
    assertThat(m.rigWeights(arkit)).containsExactly(0.7, 0.2, 0.7, 0);
    assertThat(m.unused()).containsExactly("extra_L");
    assertThat(m.missing()).hasSize(50).doesNotContain("jawOpen", "browInnerUp");
    assertThatThrownBy(() -> m.sourcesOf("smile")).isInstanceOf(IllegalArgumentException.class);
  }
}
