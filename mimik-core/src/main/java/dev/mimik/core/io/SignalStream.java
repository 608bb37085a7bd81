package dev.mimik.core.io;

import dev.mimik.core.data.Annotation;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A biosignal recording read block by block, so that what a command holds does not grow with the recording's length:
 * the channels and start are known when it opens, then blocks of samples follow in time order. Not thread-safe.
 */
public interface SignalStream extends Closeable {

  /** The file read, for messages. */
  Path file();

  /** The channels in the recording's order: name, unit and rate; their {@code samples} are empty. */
  List<Channel> channels();

  /** Time of the first sample of every channel on the recording's clock, in seconds. */
  double startTimeSeconds();

  /** Wall-clock start of the recording, if the file says. */
  Optional<LocalDateTime> startDateTime();

  /**
   * The next block, {@code [channel][sample]} in {@link #channels()} order, each channel's count in proportion to its
   * rate; null once the recording has ended.
   *
   * @throws BadInputException if the file turns out invalid part way
   */
  double[][] next() throws IOException;

  /**
   * The recording's length as its header says, seconds (a discontinuous file's gaps may add to it); NaN when the
   * format does not say. For progress.
   */
  default double durationSeconds() {
    return Double.NaN;
  }

  /** The recording's annotations, complete once {@link #next()} has returned null. */
  List<Annotation> annotations();

  /** The names of the channels, in order. */
  default List<String> channelNames() {
    return channels().stream().map(Channel::name).toList();
  }

  /** The rest of the recording, read into memory as one signal. */
  default Signal readAll() throws IOException {
    List<Channel> channels = channels();
    double[][] samples = new double[channels.size()][1024];
    int[] filled = new int[channels.size()];
    for (double[][] block = next(); block != null; block = next()) {
      for (int c = 0; c < block.length; c++) {
        if (filled[c] + block[c].length > samples[c].length) {
          samples[c] = Arrays.copyOf(samples[c], Math.max(2 * samples[c].length, filled[c] + block[c].length));
        }
        System.arraycopy(block[c], 0, samples[c], filled[c], block[c].length);
        filled[c] += block[c].length;
      }
    }
    List<Channel> out = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      out.add(channels.get(c).withSamples(Arrays.copyOf(samples[c], filled[c])));
    }
    return new Signal(out, startTimeSeconds(), startDateTime(), annotations());
  }

  /**
   * {@code source} with each block passed through {@code map} as it is read, delivering {@code channels} (the
   * source's, or what {@code map} makes of them); everything else, closing included, is the source's.
   */
  static SignalStream mapped(SignalStream source, List<Channel> channels, BlockMap map) {
    return new SignalStream() {
      @Override
      public Path file() {
        return source.file();
      }

      @Override
      public List<Channel> channels() {
        return channels;
      }

      @Override
      public double startTimeSeconds() {
        return source.startTimeSeconds();
      }

      @Override
      public Optional<LocalDateTime> startDateTime() {
        return source.startDateTime();
      }

      @Override
      public double[][] next() throws IOException {
        double[][] block = source.next();
        return block == null ? null : map.apply(block);
      }

      @Override
      public double durationSeconds() {
        return source.durationSeconds();
      }

      @Override
      public List<Annotation> annotations() {
        return source.annotations();
      }

      @Override
      public void close() throws IOException {
        source.close();
      }
    };
  }

  /** What {@link #mapped} does to each block: one array per channel in, one per delivered channel out. */
  @FunctionalInterface
  interface BlockMap {
    double[][] apply(double[][] block) throws IOException;
  }

  /** A recording already in memory, handed over as one block. */
  static SignalStream of(Path file, Signal whole) {
    return of(file, whole, () -> Integer.MAX_VALUE);
  }

  /**
   * A recording already in memory, handed over in blocks of as many samples as {@code blockSamples} says each time
   * (at least one; a channel at another rate ends where its samples do), as a file reader delivers it. A block that
   * holds a whole channel hands over its samples without copying them.
   */
  static SignalStream of(Path file, Signal whole, java.util.function.IntSupplier blockSamples) {
    int longest = whole.channels().stream().mapToInt(c -> c.samples().length).max().orElse(0);
    return new SignalStream() {
      private int at;
      private boolean given;

      @Override
      public Path file() {
        return file;
      }

      @Override
      public List<Channel> channels() {
        return whole.channels().stream().map(c -> c.withSamples(new double[0])).toList();
      }

      @Override
      public double startTimeSeconds() {
        return whole.startTimeSeconds();
      }

      @Override
      public Optional<LocalDateTime> startDateTime() {
        return whole.startDateTime();
      }

      @Override
      public double[][] next() {
        if (given && at >= longest) {
          return null;
        }
        given = true;
        int from = at;
        int to = (int) Math.min(longest, (long) from + Math.max(1, blockSamples.getAsInt()));
        at = to;
        return whole.channels().stream().map(Channel::samples).map(x -> from == 0 && to >= x.length ? x
            : Arrays.copyOfRange(x, Math.min(from, x.length), Math.min(to, x.length))).toArray(double[][]::new);
      }

      @Override
      public double durationSeconds() {
        return whole.durationSeconds();
      }

      @Override
      public List<Annotation> annotations() {
        return whole.annotations();
      }

      @Override
      public void close() {}
    };
  }
}
