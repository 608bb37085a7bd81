/**
 * Pictures of a rig: a small flat-shading software renderer and the gallery of key expressions written to
 * {@code docs/rig/}.
 */
package dev.mimik.face.rig.gallery;
