/** Synthetic participants: identity, skin and electrode properties, physiology, all drawn from a seed. */
package dev.mimik.sim.participant;
