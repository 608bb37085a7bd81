/**
 * Digital filters for biosignals, each equal to its {@code scipy.signal} counterpart: Butterworth designs (via
 * iirj) and power-line notches as second-order sections, a streaming causal filter for live use, zero-phase
 * forward-backward filters (IIR and FIR) for offline work, and windowed FIR design.
 */
package dev.mimik.signal.filter;
