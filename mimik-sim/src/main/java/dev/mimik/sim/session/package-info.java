/**
 * Whole simulated datasets: participants x sessions, each written as biosignals, detected landmarks and exact
 * ground truth, with a {@code manifest.csv} for {@code mimik train}.
 */
package dev.mimik.sim.session;
