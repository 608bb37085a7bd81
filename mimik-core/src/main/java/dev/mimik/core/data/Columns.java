package dev.mimik.core.data;

/**
 * Columns of doubles of one length each, read by ranges: the frame-rate series of a recording (one column per
 * channel), held in memory or on disk ({@link dev.mimik.core.io.TempColumns}) so that a pass over a long recording
 * can take them chunk by chunk.
 */
public interface Columns {

  /** Number of columns. */
  int count();

  /** Values in each column. */
  int length();

  /** Values {@code [from, to)} of column {@code c} (a new array). */
  double[] read(int c, int from, int to);

  /** All of column {@code c} (a new array). */
  default double[] column(int c) {
    return read(c, 0, length());
  }

  /** Rows {@code [value][column]} of values {@code [from, to)}. */
  default double[][] rows(int from, int to) {
    double[][] out = new double[to - from][count()];
    for (int c = 0; c < count(); c++) {
      double[] v = read(c, from, to);
      for (int i = 0; i < v.length; i++) {
        out[i][c] = v[i];
      }
    }
    return out;
  }

  /** These columns' {@code which} (indices), in that order. */
  default Columns picked(int[] which) {
    Columns all = this;
    int[] w = which.clone();
    return new Columns() {
      @Override
      public int count() {
        return w.length;
      }

      @Override
      public int length() {
        return all.length();
      }

      @Override
      public double[] read(int c, int from, int to) {
        return all.read(w[c], from, to);
      }
    };
  }

  /** Columns over rows {@code [value][column]} held in memory (not copied). */
  static Columns ofRows(double[][] rows) {
    return new Columns() {
      @Override
      public int count() {
        return rows[0].length;
      }

      @Override
      public int length() {
        return rows.length;
      }

      @Override
      public double[] read(int c, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
          out[i - from] = rows[i][c];
        }
        return out;
      }
    };
  }

  /** Columns {@code [column][value]} held in memory (not copied), each of the same length. */
  static Columns of(double[][] columns) {
    for (double[] c : columns) {
      if (c.length != columns[0].length) {
        throw new IllegalArgumentException("columns of different lengths");
      }
    }
    return new Columns() {
      @Override
      public int count() {
        return columns.length;
      }

      @Override
      public int length() {
        return columns[0].length;
      }

      @Override
      public double[] read(int c, int from, int to) {
        return java.util.Arrays.copyOfRange(columns[c], from, to);
      }
    };
  }
}
