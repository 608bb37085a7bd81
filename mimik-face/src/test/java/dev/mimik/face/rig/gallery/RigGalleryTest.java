package dev.mimik.face.rig.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimik.face.rig.embedded.EmbeddedRig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RigGalleryTest {

  @Test
  void galleryWritesOnePicturePerExpressionAndAReadme(@TempDir Path dir) throws Exception {
    // -Dmimik.gallery=docs/rig regenerates the committed pictures
    String target = System.getProperty("mimik.gallery");
    Path out = target == null ? dir : Path.of(target);
    new RigGallery(EmbeddedRig.load()).write(out);
    assertThat(Files.readString(out.resolve("README.md"))).contains("jawOpen.png", "eyeBlink.png");
    for (String name : RigGallery.EXPRESSIONS.keySet()) {
      assertThat(out.resolve(name + ".png")).isRegularFile();
    }
  }

  @Test
  void openMouthShowsTheDarkBackgroundBetweenTheLips() {
    RigGallery g = new RigGallery(EmbeddedRig.load());
    BufferedImage closed = g.render(Map.of("mouthClose", 1.0, "jawOpen", 1.0), "");
    BufferedImage open = g.render(Map.of("jawOpen", 1.0), "");
    assertThat(darkPixels(open)).isGreaterThan(darkPixels(closed) + 500);
  }

  private static int darkPixels(BufferedImage img) {
    int n = 0;
    for (int y = 150; y < 400; y++) {
      for (int x = 80; x < 280; x++) {
        int rgb = img.getRGB(x, y);
        if (((rgb >> 16) & 255) < 60 && ((rgb >> 8) & 255) < 60) {
          n++;
        }
      }
    }
    return n;
  }
}
