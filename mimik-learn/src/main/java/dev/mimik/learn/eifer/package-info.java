/** EIFER's two maps between facial muscle activity (sEMG envelopes) and expression (ARKit blendshapes). */
package dev.mimik.learn.eifer;
