/** Synchronising the biosignal clock with the video/landmark clock: explicit mappings and automatic offsets. */
package dev.mimik.signal.sync;
