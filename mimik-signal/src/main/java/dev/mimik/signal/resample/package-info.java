/** Sampling-rate conversion: a polyphase resampler equal to {@code scipy.signal.resample_poly}. */
package dev.mimik.signal.resample;
