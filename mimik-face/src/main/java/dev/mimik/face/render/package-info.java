/**
 * A deterministic CPU renderer of posed faces into grayscale near-infrared images, as a headset's face cameras see
 * them: a z-buffer rasterizer ({@link dev.mimik.face.render.Rasterizer}) writes a visibility buffer (nearest
 * triangle and its barycentric coordinates per pixel), which {@link dev.mimik.face.render.IrRenderer} shades with
 * the headset's LEDs (inverse-square fall-off, Lambertian skin, eyes with pupil, iris, sclera and corneal glints,
 * a dark mouth interior) and passes through a sensor (exposure, vignetting, blur, noise). Vertices are projected by
 * the camera models of {@code face.camera}, the projection the fitter and the placement metrics use too.
 */
package dev.mimik.face.render;
