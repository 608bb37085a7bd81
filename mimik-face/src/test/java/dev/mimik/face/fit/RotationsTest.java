package dev.mimik.face.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

class RotationsTest {

  @Test
  void expIsTheRotationAboutTheVectorByItsLength() {
    Vector3D v = new Vector3D(0.3, -0.2, 0.5);
    Rotation expected = new Rotation(v, v.getNorm(), RotationConvention.VECTOR_OPERATOR);
    assertThat(Rotations.exp(v.getX(), v.getY(), v.getZ())).containsExactly(Rotations.of(expected), within(1e-15));
  }

  @Test
  void expOfATinyVectorIsTheFirstOrderRotation() {
    assertThat(Rotations.exp(1e-17, -2e-17, 3e-17)).containsExactly(1, -3e-17, -2e-17, 3e-17, 1, -1e-17, 2e-17,
        1e-17, 1);
  }

  @Test
  void multiplyAndApplyComposeAsHipparchusDoes() {
    Rotation a = new Rotation(new Vector3D(1, 2, 3), 0.7, RotationConvention.VECTOR_OPERATOR);
    Rotation b = new Rotation(new Vector3D(-1, 0, 2), 1.1, RotationConvention.VECTOR_OPERATOR);
    double[] ab = Rotations.multiply(Rotations.of(a), Rotations.of(b));
    assertThat(ab).containsExactly(Rotations.of(a.compose(b, RotationConvention.VECTOR_OPERATOR)), within(1e-15));
    double[] out = new double[3];
    Rotations.apply(ab, new double[] {0.5, -1, 2}, out);
    Vector3D expected = a.applyTo(b.applyTo(new Vector3D(0.5, -1, 2)));
    assertThat(out).containsExactly(new double[] {expected.getX(), expected.getY(), expected.getZ()}, within(1e-14));
    assertThat(Rotation.distance(Rotations.toRotation(ab), a.compose(b, RotationConvention.VECTOR_OPERATOR)))
        .isLessThan(1e-15);
  }
}
