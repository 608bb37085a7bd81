/** Blink detection in EOG: onset, peak, offset and amplitude of each blink. */
package dev.mimik.signal.blink;
