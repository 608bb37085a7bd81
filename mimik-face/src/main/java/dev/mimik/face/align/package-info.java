/**
 * Landmark alignment: similarity transforms of 2D points and similarity Procrustes onto a reference shape, which
 * removes head scale, in-plane rotation and translation before learning (as BioFace-3D does) and maps results back
 * to image pixels.
 */
package dev.mimik.face.align;
