/**
 * Metrics of "Eye Motion Matters for 3D Face Reconstruction": eye-state accuracy and F1 on the reconstructed face,
 * mouth-closure accuracy, the NoW-style mesh error, and the ELAM/LDL ablation on generated landmarks.
 */
package dev.mimik.eval.eyes;
