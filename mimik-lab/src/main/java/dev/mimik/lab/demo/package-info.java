/** The demo: the whole BioFace-3D loop on simulated earpiece sessions, with its baselines and report. */
package dev.mimik.lab.demo;
