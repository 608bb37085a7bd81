/**
 * mimik's default rig, "mimik-mediapipe": MediaPipe's canonical face mesh with ARKit-52 expression targets,
 * eyeballs and identity modes authored procedurally by the project. Entry point: {@link
 * dev.mimik.face.rig.embedded.EmbeddedRig#load()}.
 */
package dev.mimik.face.rig.embedded;
