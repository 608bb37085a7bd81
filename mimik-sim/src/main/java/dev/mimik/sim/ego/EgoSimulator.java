package dev.mimik.sim.ego;

import dev.mimik.core.io.AtomicFiles;
import dev.mimik.core.io.csv.ArtPriorsCsv;
import dev.mimik.face.headset.Headset;
import dev.mimik.face.headset.HeadsetCamera;
import dev.mimik.face.headset.HeadsetJson;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.sim.SeedStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

/**
 * Simulates a headset dataset and writes it in the {@link EgoLayout}: subjects {@code s01, s02, ...} in the
 * settings' domains in turn, each with its recordings {@code r01, ...}, rendered on several threads (one recording
 * per thread at a time). Subject {@code s01} derives from {@code (seed, "s01")}, recording {@code s01/r01} from
 * {@code (seed, "s01/r01")}: the same settings give the same bytes whatever the thread count.
 */
public final class EgoSimulator {

  private final EgoSettings settings;

  public EgoSimulator(EgoSettings settings) {
    this.settings = settings;
  }

  /** Subject {@code index} (0-based). */
  public EgoSubject subject(int index) {
    String id = String.format(Locale.ROOT, "s%02d", index + 1);
    FaceRig face = settings.faceOf(settings.domainOf(index));
    return EgoSubject.draw(id, SeedStreams.derive(settings.seed(), id), face.identityNames().size());
  }

  /**
   * Writes the dataset into {@code outDir} (which must not exist or be empty), all or nothing; {@code progress}
   * receives the fraction of frames done.
   */
  public List<EgoRecording> write(Path outDir, DoubleConsumer progress) throws IOException {
    List<EgoRecording> done = new ArrayList<>();
    AtomicFiles.writeFolder(outDir, tmp -> done.addAll(writeInto(tmp, progress)));
    return done;
  }

  private List<EgoRecording> writeInto(Path dir, DoubleConsumer progress) throws IOException {
    Headset headset = settings.headset();
    Headset embedded = headset.withCameras(headset.name(), headset.embeddedCameras());
    HeadsetJson.write(embedded, dir.resolve(EgoLayout.HEADSET));
    ArtPriorsCsv.write(ArtPriorsCsv.builtIn(), dir.resolve(EgoLayout.ART_PRIORS));
    if (settings.domains().contains(Domain.REAL)) {
      List<HeadsetCamera> all = new ArrayList<>(embedded.cameras());
      all.addAll(settings.groundTruthCameras());
      HeadsetJson.write(headset.withCameras(headset.name() + "-collect", all),
          dir.resolve(EgoLayout.TRUTH).resolve(EgoLayout.LABELLING_HEADSET));
    }
    EgoRecorder recorder = new EgoRecorder(embedded, settings.groundTruthCameras(), settings.width(),
        KeypointDetector.typical(), settings.labelRig(), settings.sparsity());
    int framesPer = (int) Math.floor(settings.minutes() * 60 * headset.fps()) + 1;
    long total = (long) framesPer * settings.subjects() * settings.recordingsPerSubject();
    AtomicLong frames = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
    try {
      List<Future<EgoRecording>> jobs = new ArrayList<>();
      for (int s = 0; s < settings.subjects(); s++) {
        EgoSubject who = subject(s);
        Domain domain = settings.domainOf(s);
        for (int k = 0; k < settings.recordingsPerSubject(); k++) {
          String id = who.id() + String.format(Locale.ROOT, "/r%02d", k + 1);
          jobs.add(pool.submit(() -> {
            Path rec = dir.resolve(id);
            FrameSink images = EgoDatasetWriter.images(rec, embedded.cameras());
            int cameras = embedded.cameras().size();
            EgoRecording r = recorder.record(id, who, domain, settings.faceOf(domain), settings.minutes() * 60,
                SeedStreams.derive(settings.seed(), id), (c, f, img) -> {
                  images.accept(c, f, img);
                  if (c == cameras - 1) {
                    synchronized (progress) {
                      progress.accept((double) frames.incrementAndGet() / total);
                    }
                  }
                });
            EgoDatasetWriter.write(dir, r);
            return r;
          }));
        }
      }
      List<EgoRecording> out = new ArrayList<>();
      for (Future<EgoRecording> j : jobs) {
        out.add(j.get());
      }
      writeManifest(dir, out, headset.fps());
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new UncheckedIOException(new IOException(e.getCause()));
    } finally {
      pool.shutdownNow();
    }
  }

  private static void writeManifest(Path dir, List<EgoRecording> recordings, double fps) throws IOException {
    StringBuilder sb = new StringBuilder(EgoLayout.MANIFEST_HEADER).append('\n');
    for (EgoRecording r : recordings) {
      sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%s,%s%n", r.id(), r.subject().id(), r.domain().label(),
          r.face(), r.times().length, fps, r.domain().labels()));
    }
    AtomicFiles.writeString(dir.resolve(EgoLayout.MANIFEST), sb.toString());
  }
}
