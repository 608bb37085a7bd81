package dev.mimik.core.io.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.io.BadInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gray PNG writer against Java's own PNG reader, and the reader on other PNGs and on bad files. */
class GrayPngTest {

  @TempDir Path dir;

  @Test
  void whatItWritesJavasReaderReadsBackExactly() throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    byte[] gray = new byte[37 * 23];
    for (int i = 0; i < gray.length; i++) {
      gray[i] = (byte) (i % 37 < 20 ? r.nextInt(256) : 200);
    }
    Path file = dir.resolve("a.png");
    GrayPng.write(file, 37, 23, gray);
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    byte[] back = new byte[gray.length];
    img.getRaster().getDataElements(0, 0, 37, 23, back);
    assertThat(back).isEqualTo(gray);
    assertThat(GrayPng.read(file).pixels()).isEqualTo(gray);
  }

  @Test
  void colourImagesAreReadAsLuminance() throws IOException {
    BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(0, 0, 0xffffff);
    rgb.setRGB(1, 0, 0x00ff00);
    Path file = dir.resolve("rgb.png");
    ImageIO.write(rgb, "png", file.toFile());
    GrayImage g = GrayPng.read(file);
    assertThat(g.pixels()[0] & 0xff).isEqualTo(255);
    assertThat(g.pixels()[1] & 0xff).isEqualTo(150);
  }

  @Test
  void aFileThatIsNotAPngIsRejectedWithItsName() throws IOException {
    Path text = dir.resolve("x.png");
    Files.writeString(text, "hello");
    assertThatThrownBy(() -> GrayPng.read(text)).isInstanceOf(BadInputException.class)
        .hasMessage(text + ": not a PNG image (wrong signature)");
    Path cut = dir.resolve("cut.png");
    byte[] ok = GrayPng.encode(8, 8, new byte[64]);
    Files.write(cut, java.util.Arrays.copyOf(ok, 30));
    assertThatThrownBy(() -> GrayPng.read(cut)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(cut + ": not a readable PNG image");
  }
}
