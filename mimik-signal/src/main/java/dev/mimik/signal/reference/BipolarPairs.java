package dev.mimik.signal.reference;

import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.core.io.BadInputException;
import dev.mimik.core.io.SignalStream;
import dev.mimik.core.io.TextTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bipolar leads derived from monopolar electrodes: each lead is one electrode minus another, sample by sample. Surface
 * EMG on the Fridlund montage is read between two electrodes 1 cm apart over each muscle; amplifiers that record
 * every electrode against a common reference (BioSemi's BDF, most EEG systems) leave that subtraction to software,
 * and it is the "bipolar pairing" step of EIFER's chain. The derived lead keeps the plus electrode's unit and rate.
 *
 * <p>A pairs file is CSV with the header {@code channel,plus,minus} and one lead per line: the lead's name and the
 * names of its two electrodes in the recording. Blank lines are skipped.
 *
 * @param file where the pairs came from, for error messages
 * @param pairs the leads, in output order
 */
public record BipolarPairs(Path file, List<Pair> pairs) {

  /** The header a pairs file starts with. */
  public static final String HEADER = "channel,plus,minus";

  /** One lead: {@code plus - minus}, named {@code channel}. */
  public record Pair(String channel, String plus, String minus) {}

  public BipolarPairs {
    pairs = List.copyOf(pairs);
  }

  /**
   * The pairs in a pairs file's lines ({@link TextTable#read} reads them).
   *
   * @throws BadInputException naming the file and line for a wrong header, a line without three names, a lead
   *     named twice or one whose two electrodes are the same
   */
  public static BipolarPairs parse(TextTable t) {
    Path file = t.file();
    if (t.lineCount() == 0 || !String.join(",", t.cells(0)).equals(HEADER)) {
      throw new BadInputException(file, "a bipolar pairs file starts with the header " + HEADER);
    }
    List<Pair> pairs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 1; i < t.lineCount(); i++) {
      if (t.line(i).isBlank()) {
        continue;
      }
      String[] c = t.cells(i);
      if (c.length != 3 || c[0].isEmpty() || c[1].isEmpty() || c[2].isEmpty()) {
        throw t.problem(i, "needs three names: the lead, its plus electrode and its minus electrode");
      }
      if (!names.add(c[0])) {
        throw t.problem(i, "lead '" + c[0] + "' is named twice");
      }
      if (c[1].equals(c[2])) {
        throw t.problem(i, "lead '" + c[0] + "' takes electrode '" + c[1] + "' on both sides");
      }
      pairs.add(new Pair(c[0], c[1], c[2]));
    }
    if (pairs.isEmpty()) {
      throw new BadInputException(file, "names no lead");
    }
    return new BipolarPairs(file, pairs);
  }

  /**
   * The leads of {@code recording}, read from {@code source}: one channel per pair, in the pairs' order; the
   * recording's other channels are left out. Start time and annotations are kept.
   *
   * @throws BadInputException naming the recording and the pairs file when an electrode is missing, or when a pair's
   *     electrodes differ in rate, length or in a unit that cannot be converted
   */
  public Signal apply(Path source, Signal recording) {
    List<Channel> leads = new ArrayList<>();
    for (Pair p : pairs) {
      Channel plus = recording.channel(electrode(source, recording.channels(), p.plus()));
      Channel minus = recording.channel(electrode(source, recording.channels(), p.minus()));
      if (plus.samplingRate() != minus.samplingRate() || plus.samples().length != minus.samples().length) {
        throw new BadInputException(source, "lead '" + p.channel() + "' of " + file + ": electrodes " + p.plus()
            + " and " + p.minus() + " differ in rate or length");
      }
      leads.add(new Channel(p.channel(), plus.unit(), plus.samplingRate(),
          lead(plus.samples(), minus.samples(), minusScale(source, p, plus, minus))));
    }
    return recording.withChannels(leads);
  }

  /**
   * {@link #apply(Path, Signal)} block by block: the leads of the recording that {@code stream} reads, as a stream
   * of their own (closing it closes {@code stream}), so that a long recording is paired without being held.
   */
  public SignalStream apply(SignalStream stream) {
    List<Channel> electrodes = stream.channels();
    int[] plus = new int[pairs.size()];
    int[] minus = new int[pairs.size()];
    double[] scale = new double[pairs.size()];
    List<Channel> leads = new ArrayList<>();
    for (int k = 0; k < pairs.size(); k++) {
      Pair p = pairs.get(k);
      plus[k] = electrode(stream.file(), electrodes, p.plus());
      minus[k] = electrode(stream.file(), electrodes, p.minus());
      Channel a = electrodes.get(plus[k]);
      Channel b = electrodes.get(minus[k]);
      if (a.samplingRate() != b.samplingRate()) {
        throw new BadInputException(stream.file(), "lead '" + p.channel() + "' of " + file + ": electrodes "
            + p.plus() + " and " + p.minus() + " differ in rate or length");
      }
      scale[k] = minusScale(stream.file(), p, a, b);
      leads.add(new Channel(p.channel(), a.unit(), a.samplingRate(), new double[0]));
    }
    return SignalStream.mapped(stream, leads, block -> {
      double[][] out = new double[plus.length][];
      for (int k = 0; k < out.length; k++) {
        out[k] = lead(block[plus[k]], block[minus[k]], scale[k]);
      }
      return out;
    });
  }

  /** {@code plus - scale * minus}, sample by sample. */
  private static double[] lead(double[] plus, double[] minus, double scale) {
    double[] d = new double[plus.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = plus[i] - scale * minus[i];
    }
    return d;
  }

  /** The index of electrode {@code name} among {@code channels} (those of {@code source}). */
  private int electrode(Path source, List<Channel> channels, String name) {
    List<String> names = channels.stream().map(Channel::name).toList();
    if (!names.contains(name)) {
      throw new BadInputException(source, "has no electrode '" + name + "' that " + file + " pairs (it has " + names
          + ")");
    }
    return names.indexOf(name);
  }

  /** The factor that brings the minus electrode's samples to the plus electrode's unit. */
  private double minusScale(Path source, Pair p, Channel plus, Channel minus) {
    if (plus.unit().equals(minus.unit())) {
      return 1;
    }
    var a = plus.microvoltsPerUnit();
    var b = minus.microvoltsPerUnit();
    if (a.isEmpty() || b.isEmpty()) {
      throw new BadInputException(source, "lead '" + p.channel() + "' of " + file + ": electrode " + p.plus()
          + " is in '" + plus.unit() + "', " + p.minus() + " in '" + minus.unit() + "'");
    }
    return b.getAsDouble() / a.getAsDouble();
  }
}
