package dev.mimik.sim.face;

import dev.mimik.face.io.ArkitShapeMapper;
import dev.mimik.face.io.IctFaceKit;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.sim.session.Conditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Which face model a simulation films. Under conditions that ask for another face than the fitted one
 * ({@link Conditions#otherFace}): the ICT FaceKit rig (its targets mapped to ARKit's 52) when its conversion is in
 * the folder given, otherwise a {@link VariantRig} of the fitted rig; under the others, the fitted rig itself.
 */
public final class SimulatedFace {

  /** Where the ICT FaceKit conversion is looked for by default: the shared data next to the repository. */
  public static final Path DEFAULT_ICT = Path.of("../shared/data/ict-facekit");

  private SimulatedFace() {}

  /**
   * The face for {@code conditions}; {@code note} hears one line when the ICT FaceKit was wanted but is missing
   * (and the variant is used instead).
   *
   * @param fitted the rig mimik fits (the embedded one)
   * @param ict the folder of the ICT FaceKit conversion
   */
  public static FaceRig of(Conditions conditions, FaceRig fitted, Path ict, Consumer<String> note) {
    if (!conditions.otherFace()) {
      return fitted;
    }
    if (available(ict)) {
      return ArkitShapeMapper.toArkit(IctFaceKit.load(ict));
    }
    note.accept("note: no ICT FaceKit at " + ict + "; the faces are made by " + fitted.name()
        + "-variant (the fitted rig with other target gains, sides that pull each other and three more identity"
        + " modes), not by the ICT FaceKit");
    return VariantRig.of(fitted);
  }

  /** Whether {@code ict} holds the ICT FaceKit conversion. */
  public static boolean available(Path ict) {
    return ict != null && Files.isRegularFile(ict.resolve(IctFaceKit.EXPRESSIONS))
        && Files.isRegularFile(ict.resolve(IctFaceKit.IDENTITY))
        && Files.isRegularFile(ict.resolve(IctFaceKit.LANDMARKS));
  }
}
