/**
 * Reading and writing every file format mimik accepts, chosen by content ({@link dev.mimik.core.io.SignalFormats},
 * {@link dev.mimik.core.io.LandmarkFormats}), and the one exception family for bad input.
 */
package dev.mimik.core.io;
