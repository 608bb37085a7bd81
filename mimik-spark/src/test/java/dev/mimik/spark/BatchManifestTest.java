package dev.mimik.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimik.core.io.BadInputException;
import dev.mimik.spark.fs.HadoopStore;
import dev.mimik.spark.job.BatchManifest;
import dev.mimik.spark.job.Recording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchManifestTest {

  @Test
  void idsAreEachRecordingsFolderAndPathsResolveAgainstTheManifest(@TempDir Path dir) throws Exception {
    Path m = dir.resolve("m.csv");
    Files.writeString(m, "signals,landmarks,participant,offset_s\np01/s01/signals.edf,p01/s01/landmarks.csv,p01,0.5\n"
        + "p01/s02/signals.edf,p01/s02/landmarks.csv,p01,0.25\n");
    List<Recording> r = BatchManifest.read(HadoopStore.defaults(), m.toString(), List.of("signals"), List.of("truth"));
    assertThat(r).extracting(Recording::id).containsExactly("p01/s01", "p01/s02");
    assertThat(r.get(0).participant()).isEqualTo("p01");
    assertThat(HadoopStore.localPath(r.get(1).input("signals"))).isEqualTo(dir.resolve("p01/s02/signals.edf"));
    assertThat(r.get(0).input("truth")).isNull();
  }

  @Test
  void recordingsInOneFolderAreNamedByTheirFilesAndOwnTheirParticipant(@TempDir Path dir) throws Exception {
    Path m = dir.resolve("m.csv");
    Files.writeString(m, "signals\na.edf\nb.bdf\n");
    List<Recording> r = BatchManifest.read(HadoopStore.defaults(), m.toString(), List.of("signals"), List.of());
    assertThat(r).extracting(Recording::id).containsExactly("a", "b");
    assertThat(r).extracting(Recording::participant).containsExactly("a", "b");
  }

  @Test
  void aMissingColumnOrATwiceListedRecordingIsRefusedWithTheManifestsName(@TempDir Path dir) throws Exception {
    Path m = dir.resolve("m.csv");
    Files.writeString(m, "landmarks\nx.csv\n");
    assertThatThrownBy(() -> BatchManifest.read(HadoopStore.defaults(), m.toString(), List.of("signals"), List.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining(m.toString()).hasMessageContaining("signals");
    Files.writeString(m, "signals,id\na.edf,x\nb.edf,x\n");
    assertThatThrownBy(() -> BatchManifest.read(HadoopStore.defaults(), m.toString(), List.of("signals"), List.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("listed twice");
  }
}
