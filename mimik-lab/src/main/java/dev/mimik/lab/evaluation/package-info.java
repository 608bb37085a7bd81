/** {@code mimik eval} as a library call: predicted landmarks (and blendshapes) against the truth, metrics and report. */
package dev.mimik.lab.evaluation;
