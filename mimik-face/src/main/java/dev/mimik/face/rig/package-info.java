/** The face rig: neutral mesh, named blendshape targets, identity modes, landmark vertices and eyeballs. */
package dev.mimik.face.rig;
