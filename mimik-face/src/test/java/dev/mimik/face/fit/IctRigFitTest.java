package dev.mimik.face.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mimik.core.data.LandmarkSet;
import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.FaceRig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fitter on the realistic ICT FaceKit rig (shared data), held to the same targets as on the embedded rig. */
class IctRigFitTest {

  private static FaceRig rig;

  @BeforeAll
  static void loadRig() {
    String shared = System.getProperty("mimik.shared");
    Path dir = shared == null ? null : Path.of(shared, "data", "ict-facekit");
    assumeTrue(dir != null && Files.isRegularFile(dir.resolve(IctFaceKit.EXPRESSIONS)),
        "ICT FaceKit conversion not found under mimik.shared (../shared/data/ict-facekit)");
    rig = ArkitShapeMapper.toArkit(IctFaceKit.load(dir));
  }

  @Test
  void recoversObservableWeightsAndPoseOnTheIctRig() {
    FitBenchmark bench = new FitBenchmark(rig, 40, 13, 1.0, FitOptions.defaults());
    FitBenchmark.Figures cold = bench.measure(FitBenchmark.pinhole(), LandmarkSet.IBUG_68, false);
    FitBenchmark.Figures sequence = bench.measure(bench.weakPerspective(), LandmarkSet.IBUG_53, true);
    for (FitBenchmark.Figures f : new FitBenchmark.Figures[] {cold, sequence}) {
      assertThat(f.weightMae()).as(f.toString()).isLessThanOrEqualTo(0.05);
      assertThat(f.poseErrorDegrees()).as(f.toString()).isLessThanOrEqualTo(2.0);
    }
  }
}
