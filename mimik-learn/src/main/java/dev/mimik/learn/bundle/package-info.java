/**
 * The {@code .mimik} model file: a versioned zip holding a trained BioNet with everything needed to run it; and
 * telling mimik's model files apart by the format their manifest names.
 */
package dev.mimik.learn.bundle;
