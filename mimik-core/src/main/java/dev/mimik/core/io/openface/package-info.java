/** Reading and writing the 2D landmark CSV of OpenFace 2.0, the camera tracker mimik trains from. */
package dev.mimik.core.io.openface;
