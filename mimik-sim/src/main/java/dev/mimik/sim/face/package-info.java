/**
 * The face a simulation films: another face model than the one mimik fits (the ICT FaceKit rig when its data is
 * present, otherwise a variant of the embedded rig that differs from it in every target and in face shape), so that
 * a fit is never measured on faces its own rig made.
 */
package dev.mimik.sim.face;
