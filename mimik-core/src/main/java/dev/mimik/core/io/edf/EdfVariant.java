package dev.mimik.core.io.edf;

import java.nio.charset.StandardCharsets;

/**
 * The four members of the EDF family: 16-bit EDF and 24-bit BDF, each plain or "+" (with an annotation signal
 * and time-stamped data records).
 */
public enum EdfVariant {
  EDF("EDF", false, 2),
  EDF_PLUS("EDF+", true, 2),
  BDF("BDF", false, 3),
  BDF_PLUS("BDF+", true, 3);

  private final String formatName;
  private final boolean plus;
  private final int bytesPerSample;

  EdfVariant(String formatName, boolean plus, int bytesPerSample) {
    this.formatName = formatName;
    this.plus = plus;
    this.bytesPerSample = bytesPerSample;
  }

  /** The variant of a file from its 24-bit-ness and whether it is "+". */
  static EdfVariant of(boolean bdf, boolean plus) {
    return bdf ? (plus ? BDF_PLUS : BDF) : (plus ? EDF_PLUS : EDF);
  }

  public String formatName() {
    return formatName;
  }

  /** Whether the file carries an annotation signal and time-stamped records (EDF+ / BDF+). */
  public boolean isPlus() {
    return plus;
  }

  /** Whether samples are 24-bit (BDF) rather than 16-bit (EDF). */
  public boolean isBdf() {
    return bytesPerSample == 3;
  }

  /** Bytes of one stored sample: 2 for EDF, 3 for BDF. */
  public int bytesPerSample() {
    return bytesPerSample;
  }

  /** The smallest digital value a sample can hold. */
  public int digitalMin() {
    return -(1 << (8 * bytesPerSample - 1));
  }

  /** The largest digital value a sample can hold. */
  public int digitalMax() {
    return (1 << (8 * bytesPerSample - 1)) - 1;
  }

  /** The label of the annotation signal this variant writes. */
  String annotationLabel() {
    return isBdf() ? "BDF Annotations" : "EDF Annotations";
  }

  /** The 8 bytes that open the header: {@code "0       "} for EDF, 0xFF then {@code "BIOSEMI"} for BDF. */
  byte[] versionBytes() {
    if (!isBdf()) {
      return "0       ".getBytes(StandardCharsets.US_ASCII);
    }
    byte[] v = "?BIOSEMI".getBytes(StandardCharsets.US_ASCII);
    v[0] = (byte) 0xFF;
    return v;
  }

  /** The reserved header field of a continuous file of this variant. */
  String reservedField() {
    return switch (this) {
      case EDF -> "";
      case EDF_PLUS -> "EDF+C";
      case BDF -> "24BIT";
      case BDF_PLUS -> "BDF+C";
    };
  }
}
