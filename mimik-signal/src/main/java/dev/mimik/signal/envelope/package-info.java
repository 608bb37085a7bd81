/** Amplitude envelopes of EMG: rectified-and-smoothed and sliding RMS. */
package dev.mimik.signal.envelope;
