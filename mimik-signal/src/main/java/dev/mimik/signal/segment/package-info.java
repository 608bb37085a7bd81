/** Segmentation of biosignals into one window per video frame. */
package dev.mimik.signal.segment;
