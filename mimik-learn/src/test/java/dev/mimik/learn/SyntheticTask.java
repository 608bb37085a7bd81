package dev.mimik.learn;

import dev.mimik.core.data.LandmarkSet;
import java.util.Random;

/**
 * A seeded synthetic regression task standing in for biosignals and landmarks: each input is Gaussian noise whose
 * amplitude drifts slowly over time (like an EMG envelope), and each landmark moves by a known nonlinear function
 * (tanh and square) of the window energies around a face template whose outer eye corners are one unit apart.
 */
public record SyntheticTask(float[][][] windows, float[][] targets, double[][] amplitudes) {

  /** {@code frames} windows of {@code inputs} x {@code samples}, targets for {@code set}. */
  public static SyntheticTask generate(int frames, int inputs, int samples, LandmarkSet set, long seed) {
    Random random = new Random(seed);
    int points = set.size();
    float[] template = new float[2 * points];
    float[][] gainTanh = new float[inputs][2 * points];
    float[][] gainSquare = new float[inputs][2 * points];
    for (int c = 0; c < 2 * points; c++) {
      template[c] = (float) random.nextGaussian() * 0.4f;
      for (int i = 0; i < inputs; i++) {
        gainTanh[i][c] = (float) random.nextGaussian() * 0.06f;
        gainSquare[i][c] = (float) random.nextGaussian() * 0.04f;
      }
    }
    int a = set.positionOf(LandmarkSet.OUTER_EYE_CORNER_A);
    int b = set.positionOf(LandmarkSet.OUTER_EYE_CORNER_B);
    template[2 * a] = -0.5f;
    template[2 * a + 1] = 0f;
    template[2 * b] = 0.5f;
    template[2 * b + 1] = 0f;
    double[] phase = new double[inputs];
    double[] rate = new double[inputs];
    for (int i = 0; i < inputs; i++) {
      phase[i] = random.nextDouble() * 2 * Math.PI;
      rate[i] = 0.02 + 0.05 * random.nextDouble();
    }
    float[][][] windows = new float[frames][inputs][samples];
    float[][] targets = new float[frames][2 * points];
    double[][] amplitudes = new double[frames][inputs];
    for (int f = 0; f < frames; f++) {
      float[] t = targets[f];
      System.arraycopy(template, 0, t, 0, t.length);
      for (int i = 0; i < inputs; i++) {
        double amp = 0.2 + Math.abs(Math.sin(phase[i] + rate[i] * f) + 0.3 * Math.sin(2.7 * rate[i] * f));
        amplitudes[f][i] = amp;
        double energy = 0;
        for (int s = 0; s < samples; s++) {
          float v = (float) (amp * random.nextGaussian());
          windows[f][i][s] = v;
          energy += v * v;
        }
        double rms = Math.sqrt(energy / samples);
        for (int c = 0; c < t.length; c++) {
          t[c] += (float) (gainTanh[i][c] * Math.tanh(2 * (rms - 0.7)) + gainSquare[i][c] * rms * rms);
        }
      }
    }
    return new SyntheticTask(windows, targets, amplitudes);
  }

  /** The frames at these indices. */
  public float[][][] windowsAt(int[] frames) {
    float[][][] out = new float[frames.length][][];
    for (int i = 0; i < frames.length; i++) {
      out[i] = windows[frames[i]];
    }
    return out;
  }

  /** The targets at these indices. */
  public float[][] targetsAt(int[] frames) {
    float[][] out = new float[frames.length][];
    for (int i = 0; i < frames.length; i++) {
      out[i] = targets[frames[i]];
    }
    return out;
  }
}
