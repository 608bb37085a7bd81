package dev.mimik.face.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GltfRigReaderTest {

  @Test
  void textThatIsNotGltfIsRejectedWithItsFileName(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("face.glb");
    Files.writeString(file, "time_s,x0,y0\n0,1,2\n");
    assertThatThrownBy(() -> new GltfRigReader().read(file))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(file.toString());
  }

  @Test
  void aMissingFileIsRejected(@TempDir Path tmp) {
    Path file = tmp.resolve("none.glb");
    assertThatThrownBy(() -> new GltfRigReader().read(file))
        .isInstanceOf(BadInputException.class).hasMessage(file + ": no such file");
  }
}
