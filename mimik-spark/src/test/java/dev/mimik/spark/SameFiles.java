package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two folders hold the same files: the same names, and each file byte-identical or, for text, the same text with
 * every number within 1e-9.
 */
final class SameFiles {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final double TOLERANCE = 1e-9;

  private SameFiles() {}

  /** The relative names of the files under {@code dir}, sorted. */
  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  static void assertSame(Path expected, Path actual) throws IOException {
    assertThat(names(actual)).as("files in %s", actual).isEqualTo(names(expected));
    for (String name : names(expected)) {
      byte[] e = Files.readAllBytes(expected.resolve(name));
      byte[] a = Files.readAllBytes(actual.resolve(name));
      if (!Arrays.equals(e, a)) {
        assertThat(name).as("%s differs and is not text", name).matches(".*\\.(csv|json|html)");
        assertSameText(name, new String(e, StandardCharsets.UTF_8), new String(a, StandardCharsets.UTF_8));
      }
    }
  }

  private static void assertSameText(String name, String expected, String actual) {
    Matcher me = NUMBER.matcher(expected);
    Matcher ma = NUMBER.matcher(actual);
    int pe = 0;
    int pa = 0;
    while (me.find()) {
      assertThat(ma.find()).as("%s: fewer numbers", name).isTrue();
      assertThat(actual.substring(pa, ma.start())).as("%s: text", name).isEqualTo(expected.substring(pe, me.start()));
      assertThat(Double.parseDouble(ma.group())).as("%s: number at %d", name, me.start())
          .isCloseTo(Double.parseDouble(me.group()), org.assertj.core.api.Assertions.within(TOLERANCE));
      pe = me.end();
      pa = ma.end();
    }
    assertThat(ma.find()).as("%s: more numbers", name).isFalse();
    assertThat(actual.substring(pa)).as("%s: text", name).isEqualTo(expected.substring(pe));
  }
}
