/**
 * Where to put a headset's face cameras (REFA §4): Visibility (eq. 1, the cosine between each facial region's
 * normal and the camera's optical axis) and Range of Motion (eq. 2, the keypoints' displacement in pixels from
 * neutral over key expressions) per camera and region, plus the share of each region actually in view (which the
 * cosine ignores), averaged over a population of identities and donning variations; and a search over camera
 * positions inside a mounting volume.
 */
package dev.mimik.face.placement;
