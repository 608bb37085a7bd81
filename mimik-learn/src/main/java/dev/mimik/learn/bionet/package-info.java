/** BioNet, the multi-input 1D CNN from biosignal windows to landmarks: its configuration, blocks, normalisation and the loaded model that predicts. */
package dev.mimik.learn.bionet;
