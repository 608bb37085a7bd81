/**
 * Head pose and camera projection: rig coordinates to the camera frame ({@link dev.mimik.face.camera.HeadPose})
 * and the camera frame to image pixels ({@link dev.mimik.face.camera.Camera}).
 *
 * <p>The camera frame follows OpenGL: camera at the origin looking along -Z, +Y up, +X right; image {@code u}
 * grows to the right and {@code v} grows downward.
 */
package dev.mimik.face.camera;
