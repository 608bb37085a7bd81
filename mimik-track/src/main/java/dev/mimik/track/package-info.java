/**
 * The tracking pipeline (MediaPipe's calculator idea, without its framework): a {@link dev.mimik.track.SignalFrontEnd}
 * turns samples into frames, and {@link dev.mimik.track.Stage}s each do one job on every frame, timed in one place by
 * the {@link dev.mimik.track.TrackingPipeline}. A {@link dev.mimik.track.TrackingRecipe} builds the pipeline that
 * {@code mimik track}, {@code serve}, {@code bench track} and {@code demo} all run.
 */
package dev.mimik.track;
