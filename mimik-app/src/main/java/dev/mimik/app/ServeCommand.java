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
import dev.mimik.app.serve.EgoReplaySource;
import dev.mimik.lab.ego.EgoTrack;
import dev.mimik.learn.ego.EgoModel;
import dev.mimik.learn.ego.EgoModelFile;
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
      "--ego-replay DIR with an EgoNet --model tracks a headset recording's five camera views (the folder",
      "'mimik ego track --views' takes) at its frames.csv times (else 30 fps); the page shows the views beside",
      "the face.",
      "",
      "On 127.0.0.1 (the default) only this machine can connect: no token is needed.",
      "Any other --bind needs a token on every request: one is generated and printed in",
      "the address to open, or given with --token or the environment variable",
      "MIMIK_SERVE_TOKEN (which keeps it out of the process list).",
      "",
      "Example:  mimik serve --model me.mimik --replay session2.edf",
      "          mimik serve --replay out/blendshapes.csv --face-model out/face.glb --loop",
      "          mimik serve --model ego-model/ego.model --ego-replay ego/s02/r01 --loop",
      "          then open http://127.0.0.1:8080/",
      "          mimik serve --model me.mimik --ingest --bind 0.0.0.0",
      "          (prints http://HOST:8080/?token=...)"
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin private EngineOptions engine;

  @Option(names = "--model", paramLabel = "MODEL", description = "trained model for live tracking (MODEL.mimik; an"
      + " EgoNet ego.model with --ego-replay)")
  Path model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--replay", paramLabel = "FILE", required = true,
        description = "play a recording at real-time pace: biosignals with --model, else a blendshapes.csv")
    Path replay;

    @Option(names = "--ingest", required = true, description = "take live samples on WebSocket /ws/ingest")
    boolean ingest;

    @Option(names = "--ego-replay", paramLabel = "DIR", required = true,
        description = "play a headset recording's camera views (views/CAMERA/000000.png) through --model, an EgoNet")
    Path egoReplay;
  }

  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
  String bind;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:MIMIK_SERVE_TOKEN}",
      description = "secret every request must carry (at least 16 of A-Z a-z 0-9 . _ ~ -); default: the environment"
          + " variable MIMIK_SERVE_TOKEN, else generated when --bind is not a loopback address, else none")
  String token;

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
    if (input.egoReplay != null && model == null) {
      throw new ParameterException(spec.commandLine(), "--ego-replay needs --model, an EgoNet model (mimik ego train)");
    }
    InetSocketAddress oscTarget = osc == null ? null : parseHostPort(osc);
    ServerSettings settings = settings();
    FaceRig rig = faceModel == null ? EmbeddedRig.load() : new GltfRigReader().read(faceModel);
    Supplier<byte[]> face = faceModel == null && model == null ? null
        : faceModel == null ? glb(rig) : readFace(faceModel);
    LiveTracker live = null;
    FrameSource source;
    if (input.egoReplay != null) {
      engine.apply();
      EgoModel m = EgoModelFile.read(model);
      try {
        source = new EgoReplaySource(m, EgoTrack.Recording.open(input.egoReplay, m.cameras(), 30), speed, loop);
      } catch (RuntimeException | IOException e) {
        m.close();
        throw e;
      }
    } else if (model != null) {
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
    MimikServer server = new MimikServer(source, input.ingest ? live : null, face, settings);
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
    // the one place the token is shown: the log and /health never carry it
    spec.commandLine().getOut().println("mimik serve: open http://" + shownHost() + ":" + server.port() + "/"
        + (settings.token() == null ? "" : "?token=" + settings.token()) + " (Ctrl-C stops)");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  /** Where to listen and the token: given, else generated beyond loopback (never silently open to the network). */
  private ServerSettings settings() {
    String secret = token == null || token.isBlank() ? null : token.strip();
    if (secret == null && !MimikServer.isLoopback(bind)) {
      secret = MimikServer.newToken();
    }
    try {
      return ServerSettings.loopback(port).withHost(bind).withToken(secret);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--token: " + e.getMessage());
    }
  }

  /** The host to put in the printed address: the machine's name when listening on every address. */
  private String shownHost() {
    if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
      return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
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
