/**
 * Reading and writing every file format mimik accepts, chosen by content ({@link dev.mimik.core.io.SignalFormats},
 * {@link dev.mimik.core.io.LandmarkFormats}), and the one exception family for bad input.
 *
 * <p>One subpackage per format family: {@code edf} (EDF, EDF+, BDF, BDF+), {@code openbci} (OpenBCI GUI raw
 * text), {@code xdf} (Lab Streaming Layer), {@code csv} (signals, generic landmarks, blendshapes), {@code openface}
 * (OpenFace 2.0 landmarks).
 * {@link dev.mimik.core.io.TextTable} gives the text readers one way of reporting a bad line.
 */
package dev.mimik.core.io;
