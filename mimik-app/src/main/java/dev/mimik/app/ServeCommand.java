package dev.mimik.app;

import dev.mimik.app.serve.LiveTracker;
import dev.mimik.app.serve.SignalReplaySource;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.SignalFormats;
import dev.mimik.face.gltf.GltfAnimationWriter;
import dev.mimik.face.io.GltfRigReader;
import dev.mimik.face.rig.FaceRig;
import dev.mimik.face.rig.embedded.EmbeddedRig;
import dev.mimik.learn.bioface.SessionSignals;
import dev.mimik.learn.bioface.TrackingModel;
import dev.mimik.track.RecordingTracker;
import dev.mimik.app.serve.BlendshapeReplaySource;
import dev.mimik.app.serve.FrameSource;
import dev.mimik.app.serve.MimikServer;
import dev.mimik.app.serve.ServerSettings;
import dev.mimik.app.serve.VmcBlendSender;
import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.csv.BlendshapeCsv;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mimik serve}: live tracking broadcast to the web viewer (and OSC), until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the web viewer and streams tracked frames over WebSocket (/ws/frames), optionally as VMC/OSC.",
      "With --model it tracks live: a replayed recording (--replay SIGNALS) or samples pushed to /ws/ingest.",
      "Without --model, --replay plays a blendshapes.csv written by 'mimik track'.",
      "",
      "Example:  mimik serve --model me.mimik --replay session2.edf",
      "          mimik serve --replay out/blendshapes.csv --face-model out/face.glb --loop",
      "          then open http://127.0.0.1:8080/"
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin private EngineOptions engine;

  @Option(names = "--model", paramLabel = "MODEL.mimik", description = "trained model for live tracking")
  Path model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--replay", paramLabel = "FILE", required = true,
        description = "play a recording at real-time pace: biosignals with --model, else a blendshapes.csv")
    Path replay;

    @Option(names = "--ingest", required = true, description = "take live samples on WebSocket /ws/ingest")
    boolean ingest;
  }

  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
  String bind;

  @Option(names = "--speed", defaultValue = "1", description = "replay speed, 1 = real time (default ${DEFAULT-VALUE})")
  double speed;

  @Option(names = "--loop", description = "start the replay again when it ends")
  boolean loop;

  @Option(names = "--face-model", paramLabel = "FILE.glb",
      description = "face shown by the viewer (glTF binary with ARKit-named morph targets)")
  Path faceModel;

  @Option(names = "--osc", paramLabel = "HOST:PORT",
      description = "also send blendshapes as VMC OSC over UDP (e.g. 127.0.0.1:39539)")
  String osc;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port " + port + " is outside 0..65535");
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new ParameterException(spec.commandLine(), "--speed must be a positive number, not " + speed);
    }
    if (input.ingest && model == null) {
      throw new ParameterException(spec.commandLine(), "--ingest needs --model to track the live samples");
    }
    InetSocketAddress oscTarget = osc == null ? null : parseHostPort(osc);
    FaceRig rig = faceModel == null ? EmbeddedRig.load() : new GltfRigReader().read(faceModel);
    Supplier<byte[]> face = faceModel == null && model == null ? null
        : faceModel == null ? glb(rig) : readFace(faceModel);
    LiveTracker live = null;
    FrameSource source;
    if (model != null) {
      engine.apply();
      TrackingModel m = TrackingModel.load(model);
      if (input.ingest) {
        live = new LiveTracker(m, rig, 0, model.getFileName().toString());
        source = live;
      } else {
        Signal signal = SignalFormats.standard().read(input.replay);
        live = new LiveTracker(m, rig, signal.startTimeSeconds(), model.getFileName().toString());
        source = signalReplay(m, live, signal, input.replay);
      }
    } else {
      source = replay(input.replay);
    }
    VmcBlendSender vmc = oscTarget == null ? null : new VmcBlendSender(oscTarget);
    MimikServer server = new MimikServer(source, input.ingest ? live : null, face,
        new ServerSettings(bind, port, 8, 0.5));
    if (vmc != null) {
      server.addListener(vmc);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      closeQuietly(vmc);
      stopped.countDown();
    }, "mimik-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    server.start();
    spec.commandLine().getOut().println("mimik serve: open http://" + bind + ":" + server.port()
        + "/ (Ctrl-C stops)");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  private FrameSource signalReplay(TrackingModel m, LiveTracker live, Signal signal, Path file) {
    double[][] samples = SessionSignals.select(signal, m.frontEnd(), file, w -> {
      spec.commandLine().getErr().println("warning: " + w);
      spec.commandLine().getErr().flush();
    });
    return new SignalReplaySource(live, samples, m.frontEnd().samplingRateHz(),
        RecordingTracker.blockSamples(m.frontEnd()), speed, loop, file.getFileName().toString());
  }

  private static Supplier<byte[]> glb(FaceRig rig) throws IOException {
    byte[] bytes = new GltfAnimationWriter().toGlb(rig, LiveTracker.neutral());
    return () -> bytes;
  }

  private FrameSource replay(Path file) throws IOException {
    BlendshapeTrack track = BlendshapeCsv.read(file);
    try {
      return new BlendshapeReplaySource(track, speed, loop, file.getFileName().toString());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, e.getMessage());
    }
  }

  private InetSocketAddress parseHostPort(String value) {
    int colon = value.lastIndexOf(':');
    try {
      int p = Integer.parseInt(value.substring(colon + 1));
      if (colon <= 0 || p < 1 || p > 65_535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(value.substring(0, colon), p);
    } catch (NumberFormatException e) {
      throw new ParameterException(spec.commandLine(), "--osc wants HOST:PORT, not '" + value + "'");
    }
  }

  private static Supplier<byte[]> readFace(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length < 12 || bytes[0] != 'g' || bytes[1] != 'l' || bytes[2] != 'T' || bytes[3] != 'F') {
        throw new BadInputException(file, "not a glTF binary (.glb): it does not start with 'glTF'");
      }
      return () -> bytes;
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // shutting down: nothing left to tell
      }
    }
  }
}
