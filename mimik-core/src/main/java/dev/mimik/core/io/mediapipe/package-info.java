/**
 * Landmarks of MediaPipe's face mesh: its numbering against the iBUG 68 points and the irises, and a CSV of its
 * 478 refined landmarks read as 70 iBUG points.
 */
package dev.mimik.core.io.mediapipe;
