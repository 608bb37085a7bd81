/**
 * Signal processing for wearable biosignals (EMG, EOG): filters, bands, envelopes, resampling, frame windows,
 * clock synchronisation and blink detection. Pure computation on arrays and {@code mimik-core} signals; no I/O.
 */
package dev.mimik.signal;
