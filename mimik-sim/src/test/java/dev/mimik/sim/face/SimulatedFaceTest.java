package dev.mimik.sim.face;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.core.data.Blendshapes;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.sim.camera.RigLandmarks;
import dev.mimik.sim.session.Conditions;
import dev.mimik.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which face a simulation films, and how the variant differs from the rig it is made from. */
class SimulatedFaceTest {

  private static final FaceRig EMBEDDED = EmbeddedRig.load();

  @Test
  void controlledConditionsFilmTheFittedRigItself() {
    List<String> notes = new ArrayList<>();
    assertThat(SimulatedFace.of(Conditions.controlled(), EMBEDDED, Path.of("nowhere"), notes::add))
        .isSameAs(EMBEDDED);
    assertThat(notes).isEmpty();
  }

  @Test
  void realisticConditionsWithoutTheIctFaceKitFilmTheVariantAndSaySo(@TempDir Path empty) {
    List<String> notes = new ArrayList<>();
    FaceRig face = SimulatedFace.of(Conditions.realistic(), EMBEDDED, empty, notes::add);
    assertThat(face.name()).isEqualTo(EMBEDDED.name() + "-variant");
    assertThat(notes).singleElement().asString().contains("no ICT FaceKit at " + empty);
  }

  @Test
  void realisticConditionsWithTheIctFaceKitFilmIt() {
    Path ict = SharedData.file("ict-facekit/" + IctFaceKit.EXPRESSIONS).getParent();
    List<String> notes = new ArrayList<>();
    FaceRig face = SimulatedFace.of(Conditions.realistic(), EMBEDDED, ict, notes::add);
    assertThat(face.name()).isEqualTo("ict-facekit");
    assertThat(face.shapeNames()).containsAll(Blendshapes.ARKIT_52.subList(0, 51));
    assertThat(notes).isEmpty();
  }

  @Test
  void theVariantMovesTheLandmarksOtherwiseThanTheRigItIsMadeFrom() {
    FaceRig variant = VariantRig.of(EMBEDDED);
    assertThat(VariantRig.of(EMBEDDED).shapeDeltas().get(3)).isEqualTo(variant.shapeDeltas().get(3));
    assertThat(variant.identityNames()).hasSize(EMBEDDED.identityNames().size() + 3);
    RigLandmarks base = new RigLandmarks(EMBEDDED, new double[0]);
    RigLandmarks other = new RigLandmarks(variant, new double[0]);
    double[] a = new double[3 * base.pointCount()];
    double[] b = new double[3 * base.pointCount()];
    int smile = Blendshapes.indexOf("mouthSmileLeft");
    int corner = 54; // the subject's left mouth corner (48 is the right one)
    double[] w = new double[Blendshapes.ARKIT_52.size()];
    w[smile] = 1;
    base.positions(w, a);
    other.positions(w, b);
    double[] rest = new double[3 * base.pointCount()];
    base.positions(new double[w.length], rest);
    double baseMove = Math.abs(a[3 * corner + 1] - rest[3 * corner + 1]);
    double variantMove = Math.abs(b[3 * corner + 1] - rest[3 * corner + 1]);
    assertThat(Math.abs(variantMove / baseMove - 1)).as("the smile's gain").isGreaterThan(0.05);
    double baseOther = Math.hypot(a[3 * 48] - rest[3 * 48], a[3 * 48 + 1] - rest[3 * 48 + 1]);
    double variantOther = Math.hypot(b[3 * 48] - rest[3 * 48], b[3 * 48 + 1] - rest[3 * 48 + 1]);
    assertThat(variantOther).as("the other corner").isGreaterThan(baseOther + 0.5);
    // the gaze still turns the eyeballs as the base rig's does
    int look = Blendshapes.indexOf("eyeLookOutLeft");
    assertThat(variant.shapeDeltas().get(look)).isSameAs(EMBEDDED.shapeDeltas().get(look));
  }

  @Test
  void theVariantsWiderFaceIsOneTheBaseRigsIdentityModesDoNotMake() {
    FaceRig variant = VariantRig.of(EMBEDDED);
    double[] wide = new double[variant.identityNames().size()];
    wide[EMBEDDED.identityNames().size()] = 1;
    RigLandmarks base = new RigLandmarks(variant, new double[wide.length]);
    RigLandmarks wider = new RigLandmarks(variant, wide);
    double[] a = new double[3 * base.pointCount()];
    double[] b = new double[3 * base.pointCount()];
    base.positions(new double[Blendshapes.ARKIT_52.size()], a);
    wider.positions(new double[Blendshapes.ARKIT_52.size()], b);
    // outer eye corners 36 and 45: 5 % further apart
    double before = a[3 * 45] - a[3 * 36];
    double after = b[3 * 45] - b[3 * 36];
    assertThat(after / before).isCloseTo(1 + VariantRig.WIDTH, org.assertj.core.data.Offset.offset(1e-3));
  }
}
