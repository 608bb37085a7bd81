/**
 * Sensor forward models: electrode montages, volume conduction from muscles to leads, surface EMG sources, the
 * corneo-retinal dipole (EOG) and the interference and artefacts of real recordings.
 */
package dev.mimik.sim.sensor;
