package dev.mimik.core.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.data.ArtPriors;
import dev.mimik.core.data.PromptSegment;
import dev.mimik.core.data.PromptSegment.Eyes;
import dev.mimik.core.data.PromptSegment.Kind;
import dev.mimik.core.data.PromptSegment.Lips;
import dev.mimik.core.io.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Protocol segments and art priors: round trips, the built-in table, and bad files. */
class PromptSegmentsCsvTest {

  @TempDir Path dir;

  @Test
  void segmentsRoundTrip() throws IOException {
    List<PromptSegment> s = List.of(
        new PromptSegment("neutral", Kind.NEUTRAL, 0, 0, 2, 2, Eyes.ANY, Lips.CLOSED),
        new PromptSegment("wink_left", Kind.PEAK, 2, 2.5, 4, 4.6, Eyes.LEFT_CLOSED, Lips.ANY));
    Path file = dir.resolve("segments.csv");
    PromptSegmentsCsv.write(s, file);
    assertThat(PromptSegmentsCsv.read(file)).isEqualTo(s);
  }

  @Test
  void badSegmentsAreRejectedWithTheLine() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, PromptSegmentsCsv.HEADER + "\nsmile,peak,1,0.5,2,3,open,open\n");
    assertThatThrownBy(() -> PromptSegmentsCsv.read(file)).isInstanceOf(BadInputException.class)
        .hasMessage(file + ": line 2: times must satisfy start_s <= apex_start_s <= apex_end_s <= end_s");
    Files.writeString(file, PromptSegmentsCsv.HEADER + "\nsmile,grin,0,0.5,2,3,open,open\n");
    assertThatThrownBy(() -> PromptSegmentsCsv.read(file)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 2: column kind holds \"grin\", not one of peak, neutral");
  }

  @Test
  void theBuiltInArtPriorsAreSparseAndValid() throws IOException {
    ArtPriors p = ArtPriorsCsv.builtIn();
    assertThat(p.prompts()).contains("jaw_drop", "wink_left", "eyes_closed", "smile_left");
    assertThat(p.expected("jaw_drop")).containsOnlyKeys("jawOpen");
    assertThat(p.byPrompt().values()).allSatisfy(keys -> assertThat(keys.size()).isBetween(1, 4));
    Path file = dir.resolve("priors.csv");
    ArtPriorsCsv.write(p, file);
    assertThat(ArtPriorsCsv.read(file)).isEqualTo(p);
    Files.writeString(file, ArtPriorsCsv.HEADER + "\nsmile,mouthGrin,0.5\n");
    assertThatThrownBy(() -> ArtPriorsCsv.read(file)).isInstanceOf(BadInputException.class)
        .hasMessage(file + ": line 2: \"mouthGrin\" is not an ARKit blendshape name");
  }
}
