/**
 * The CSV formats of mimik: biosignals ({@code time_s} + microvolt channels), generic 2D landmarks
 * ({@code time_s,x0,y0,...}) and blendshape weights ({@code time_s} + ARKit names).
 */
package dev.mimik.core.io.csv;
