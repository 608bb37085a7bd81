package dev.mimik.track;

import dev.mimik.face.eyes.EyeState;
import dev.mimik.face.fit.FitResult;

/**
 * One video frame on its way through a {@link TrackingPipeline}: each stage reads what the stages before it set and
 * sets its own part (MediaPipe's packets of one timestamp, in one object). A frame belongs to one stage at a time.
 */
public final class Frame {

  private final double timeSeconds;
  private final long arrivedNanos;
  private final long[] stageNanos;
  private float[][] window;
  private double[] landmarks;
  private EyeState[] eyes;
  private double eogClosure = Double.NaN;
  private double[] fitLandmarks;
  private FitResult fit;
  private double[] blendshapes;
  private byte[] views;
  private String viewProblem;
  private boolean[] failedViews;

  /**
   * @param timeSeconds the frame's time on the biosignal clock
   * @param arrivedNanos {@link System#nanoTime()} when the samples that completed it arrived
   * @param stages number of stages of the pipeline, for their timings
   */
  Frame(double timeSeconds, long arrivedNanos, int stages) {
    this.timeSeconds = timeSeconds;
    this.arrivedNanos = arrivedNanos;
    this.stageNanos = new long[stages];
  }

  /** The frame's time on the biosignal clock, seconds. */
  public double timeSeconds() {
    return timeSeconds;
  }

  /** {@link System#nanoTime()} when the samples that completed this frame arrived. */
  public long arrivedNanos() {
    return arrivedNanos;
  }

  /** Nanoseconds stage {@code index} of the pipeline spent on this frame. */
  public long stageNanos(int index) {
    return stageNanos[index];
  }

  void addStageNanos(int index, long nanos) {
    stageNanos[index] += nanos;
  }

  /** The network's input window {@code [input][sample]}, or null when the stream has no full window yet. */
  public float[][] window() {
    return window;
  }

  public void setWindow(float[][] window) {
    this.window = window;
  }

  /** Tracked landmarks in the model's set order, training-camera pixels; null when there are none. */
  public double[] landmarks() {
    return landmarks;
  }

  public void setLandmarks(double[] landmarks) {
    this.landmarks = landmarks;
  }

  /** Whether the frame has tracked landmarks (every stage after the network skips frames without). */
  public boolean tracked() {
    return landmarks != null;
  }

  /** The state of each eye in {@link dev.mimik.face.eyes.Eye} order, or null before the eye stage. */
  public EyeState[] eyes() {
    return eyes;
  }

  public void setEyes(EyeState[] eyes) {
    this.eyes = eyes;
  }

  /** The blink detector's closure probability, NaN without one. */
  public double eogClosure() {
    return eogClosure;
  }

  public void setEogClosure(double eogClosure) {
    this.eogClosure = eogClosure;
  }

  /** The landmarks the face is fitted to (after the eyelid adjustment), or null before the eye stage. */
  public double[] fitLandmarks() {
    return fitLandmarks;
  }

  public void setFitLandmarks(double[] fitLandmarks) {
    this.fitLandmarks = fitLandmarks;
  }

  /** The rig fit (pose and weights in the rig's order), or null without a face. */
  public FitResult fit() {
    return fit;
  }

  public void setFit(FitResult fit) {
    this.fit = fit;
  }

  /** The 52 ARKit blendshapes in {@link dev.mimik.core.data.Blendshapes#ARKIT_52} order, or null without a face. */
  public double[] blendshapes() {
    return blendshapes;
  }

  public void setBlendshapes(double[] blendshapes) {
    this.blendshapes = blendshapes;
  }

  /** The headset path's five camera views ({@code dev.mimik.learn.ego.ViewImages#frame}), or null on the biosignal path. */
  public byte[] views() {
    return views;
  }

  public void setViews(byte[] views) {
    this.views = views;
  }

  /** What the headset path's failure check found wrong with the views ({@code "left eye dark"}), or null if nothing. */
  public String viewProblem() {
    return viewProblem;
  }

  public void setViewProblem(String viewProblem) {
    this.viewProblem = viewProblem;
  }

  /**
   * Per view slot ({@code dev.mimik.learn.ego.EgoViews} order) whether the failure check found that view wrong, or
   * null when the views were not checked or none failed.
   */
  public boolean[] failedViews() {
    return failedViews;
  }

  public void setFailedViews(boolean[] failedViews) {
    this.failedViews = failedViews;
  }
}
