/**
 * The live side of mimik: {@code mimik serve} broadcasts tracked frames to web viewers over WebSocket (and to
 * avatar tools over OSC/VMC), accepts live samples from device bridges on an ingest WebSocket, and serves the
 * three.js viewer. Frames come from a {@link dev.mimik.app.serve.FrameSource}; live samples go to a
 * {@link dev.mimik.app.serve.SampleSink}; the tracking itself lives elsewhere.
 */
package dev.mimik.app.serve;
