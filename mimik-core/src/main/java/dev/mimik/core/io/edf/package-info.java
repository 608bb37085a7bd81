/**
 * The European Data Format family: EDF, EDF+ (continuous and discontinuous), BDF (24-bit) and BDF+.
 *
 * <p>{@link dev.mimik.core.io.edf.EdfReader} reads any of them into a {@link dev.mimik.core.data.Signal} with
 * physical values, per-signal rates and EDF+ annotations; {@link dev.mimik.core.io.edf.EdfWriter} writes one of
 * the {@link dev.mimik.core.io.edf.EdfVariant}s back, choosing each channel's ranges from its data.
 */
package dev.mimik.core.io.edf;
