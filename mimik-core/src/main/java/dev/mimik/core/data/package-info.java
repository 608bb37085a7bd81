/**
 * The data model every module shares: multichannel biosignals, 2D landmark tracks and blendshape tracks.
 *
 * <p>Types are immutable records. Arrays inside them are not copied for speed; treat them as read-only.
 */
package dev.mimik.core.data;
