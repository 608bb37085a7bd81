/**
 * The headset model's studies (REFA): headset datasets read as EgoNet's recordings, iterative distillation scored by
 * REFA's metrics and measured on held-out subjects against the simulation's truth.
 */
package dev.mimik.lab.ego;
