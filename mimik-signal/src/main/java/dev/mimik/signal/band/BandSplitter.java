package dev.mimik.signal.band;

import dev.mimik.core.data.Channel;
import dev.mimik.signal.filter.CausalSosFilter;
import dev.mimik.signal.filter.Sos;
import dev.mimik.signal.filter.ZeroPhaseSosFilter;
import java.util.Optional;

/**
 * Splits one raw electrode channel into its EMG band and its EOG band (the earpiece setup of BioFace-3D records
 * both on the same electrodes), with an optional mains notch before the band-passes.
 *
 * <p>{@link #split(Channel)} filters a whole recording zero-phase (offline); {@link #live(double)} gives a
 * streaming causal splitter for one channel.
 */
public final class BandSplitter {

  private final Band emg;
  private final Band eog;
  private final Optional<MainsNotch> notch;

  public BandSplitter(Band emg, Band eog, Optional<MainsNotch> notch) {
    this.emg = emg;
    this.eog = eog;
    this.notch = notch;
  }

  /** The default split: EMG 20-450 Hz, EOG 0.1-10 Hz, with 50 Hz notches. */
  public static BandSplitter standard() {
    return new BandSplitter(Band.emg(), Band.eog(), Optional.of(MainsNotch.europe()));
  }

  /** The two bands of one channel. */
  public record Split(Channel emg, Channel eog) {}

  /** The cascade applied for the EMG band at {@code fs}: notch (if any) then band-pass. */
  public Sos emgFilter(double fs) {
    return withNotch(emg.design(fs), fs);
  }

  /** The cascade applied for the EOG band at {@code fs}: notch (if any) then band-pass. */
  public Sos eogFilter(double fs) {
    return withNotch(eog.design(fs), fs);
  }

  private Sos withNotch(Sos band, double fs) {
    return notch.map(n -> n.design(fs).then(band)).orElse(band);
  }

  /** Zero-phase split of a whole channel; the new channels are named {@code <name>-EMG} and {@code <name>-EOG}. */
  public Split split(Channel raw) {
    double fs = raw.samplingRate();
    double[] e = ZeroPhaseSosFilter.filter(emgFilter(fs), raw.samples());
    double[] o = ZeroPhaseSosFilter.filter(eogFilter(fs), raw.samples());
    return new Split(
        new Channel(raw.name() + "-" + emg.name(), raw.unit(), fs, e),
        new Channel(raw.name() + "-" + eog.name(), raw.unit(), fs, o));
  }

  /**
   * A streaming causal splitter for one channel at rate {@code fs}, for live use. The notch runs once and feeds
   * both band-passes: the same output as each band's full cascade ({@link #emgFilter}, {@link #eogFilter}) from
   * rest, with less work.
   */
  public Live live(double fs) {
    return new Live(notch.map(n -> new CausalSosFilter(n.design(fs))), new CausalSosFilter(emg.design(fs)),
        new CausalSosFilter(eog.design(fs)));
  }

  /** Streaming state of one channel's split; feed it blocks in order. */
  public static final class Live {
    private final Optional<CausalSosFilter> notch;
    private final CausalSosFilter emg;
    private final CausalSosFilter eog;

    Live(Optional<CausalSosFilter> notch, CausalSosFilter emg, CausalSosFilter eog) {
      this.notch = notch;
      this.emg = emg;
      this.eog = eog;
    }

    /** Filters {@code block} into {@code emgOut} and {@code eogOut} (each at least as long as the block). */
    public void process(double[] block, double[] emgOut, double[] eogOut) {
      System.arraycopy(block, 0, emgOut, 0, block.length);
      notch.ifPresent(n -> n.processInPlace(emgOut, 0, block.length));
      System.arraycopy(emgOut, 0, eogOut, 0, block.length);
      emg.processInPlace(emgOut, 0, block.length);
      eog.processInPlace(eogOut, 0, block.length);
    }
  }
}
