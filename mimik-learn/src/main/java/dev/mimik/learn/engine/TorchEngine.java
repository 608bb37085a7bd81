package dev.mimik.learn.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PyTorch engine as mimik runs it: every network in mimik is created through here, so the engine is started
 * once with the same settings everywhere.
 *
 * <p>NNPACK is switched off, as {@code torch.backends.nnpack.set_flags(False)} does in Python. PyTorch 2.7 asks
 * whether NNPACK is usable on every CPU convolution that oneDNN's heuristics leave to the native kernels (a batch of
 * one, a small input: all of live tracking), and where NNPACK cannot start (many cloud CPUs) it logs
 * "Could not initialize NNPACK! Reason: Unsupported hardware." each time, tens of thousands of lines a run. Later
 * PyTorch releases log it once. DJL exposes no switch for it, so the engine's own
 * {@code at::Context::setUserEnabledNNPACK(false)} is called through JNA. NNPACK is only ever chosen for batches of
 * 16 or more that oneDNN declines, so results do not change.
 */
public final class TorchEngine {

  /** The DJL engine name. */
  public static final String NAME = "PyTorch";
  /**
   * Intra-op threads unless told otherwise: mimik's networks are small, and one thread trained and ran them faster
   * than two on a 2-core machine ({@code mimik bench train}, {@code mimik bench track}; figures in the README).
   */
  public static final int DEFAULT_THREADS = 1;

  private static final Object LOCK = new Object();
  private static Engine engine;

  private TorchEngine() {}

  /** The engine, started with mimik's settings on first use. */
  public static Engine get() {
    synchronized (LOCK) {
      if (engine == null) {
        // read by DJL when the engine starts; a value given on the command line (-D) wins
        System.setProperty("ai.djl.pytorch.num_threads",
            System.getProperty("ai.djl.pytorch.num_threads", Integer.toString(DEFAULT_THREADS)));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
            System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        Engine started = Engine.getEngine(NAME);
        disableNnpack();
        engine = started;
      }
      return engine;
    }
  }

  /** A new model on the CPU. */
  public static Model newModel(String name) {
    get();
    return Model.newInstance(name, Device.cpu(), NAME);
  }

  /** A new array manager on the CPU. */
  public static NDManager newManager() {
    get();
    return NDManager.newBaseManager(Device.cpu(), NAME);
  }

  /** Seeds the engine's random numbers (parameter initialisation, dropout). */
  public static void seed(long seed) {
    get().setRandomSeed((int) (seed ^ (seed >>> 32)));
  }

  /** Intra-op threads of the engine's CPU kernels from now on. */
  public static void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    get();
    JniUtils.setNumThreads(threads);
  }

  /** Intra-op threads the engine's CPU kernels use now. */
  public static int threads() {
    get();
    return JniUtils.getNumThreads();
  }

  /**
   * Switches oneDNN (MKL-DNN) convolutions on or off from now on, for every network in this process, as
   * {@code torch.backends.mkldnn.enabled} does; returns whether they were on. Off, PyTorch falls back to its own
   * CPU kernels. EgoNet trains with them off: the backward pass of oneDNN's 2D convolution now and then returned NaN
   * gradients for the convolution's input on its small images (a few calls in a hundred, never with oneDNN off),
   * which poisons a network for good. BioNet trains with them on (faster; its rare NaN steps are not oneDNN's and
   * {@code BioNetTrainer} reruns such an epoch).
   */
  public static boolean setOneDnn(boolean enabled) {
    get();
    try {
      NativeLibrary torch = torchCpu();
      Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
      boolean was = torch.getFunction("_ZNK2at7Context17userEnabledMkldnnEv").invokeInt(new Object[] {context}) != 0;
      torch.getFunction("_ZN2at7Context20setUserEnabledMkldnnEb").invokeVoid(new Object[] {context, enabled});
      return was;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      throw new IllegalStateException("this PyTorch build does not let oneDNN be switched: " + e.getMessage(), e);
    }
  }

  /**
   * The memory allocator this process runs with: {@code jemalloc} or {@code tcmalloc} where one is loaded, otherwise
   * {@code system malloc}; {@code unknown} where the process's memory map cannot be read (not Linux). libtorch
   * allocates and frees tensors on nearly every operation, and PyTorch's CPU performance guide recommends either
   * allocator over glibc's; the {@code mimik} launcher preloads one when {@code MIMIK_MALLOC} names it.
   */
  public static String allocator() {
    try {
      return allocatorIn(Files.readString(Path.of("/proc/self/maps")));
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The allocator named by a Linux memory map ({@code /proc/PID/maps}). */
  static String allocatorIn(String maps) {
    for (String allocator : new String[] {"jemalloc", "tcmalloc"}) {
      if (maps.contains("/lib" + allocator)) {
        return allocator;
      }
    }
    return "system malloc";
  }

  private static NativeLibrary torchCpu() {
    Path library = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("torch_cpu"));
    return NativeLibrary.getInstance(library.toString());
  }

  private static void disableNnpack() {
    try {
      NativeLibrary torch = torchCpu();
      Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
      Function setNnpack = torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb");
      setNnpack.invokeVoid(new Object[] {context, Boolean.FALSE});
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      // another PyTorch build without these symbols: it runs as it is, at worst with the warning
    }
  }
}
