/** The tracking pipeline's benchmark ({@code mimik bench track}): each stage's time per frame, live. */
package dev.mimik.track.bench;
