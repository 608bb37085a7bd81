/**
 * Readers of face rigs from files users have: glTF 2.0 with morph targets, a neutral OBJ plus one OBJ per shape,
 * the ICT FaceKit conversion; and the mapping of a rig's shape names onto ARKit's 52.
 */
package dev.mimik.face.io;
