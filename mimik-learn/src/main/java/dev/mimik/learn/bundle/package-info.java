/** The {@code .mimik} model file: a versioned zip holding a trained BioNet with everything needed to run it. */
package dev.mimik.learn.bundle;
