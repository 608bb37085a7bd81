/** The ridge-regression baseline on per-frame window features, to compare BioNet against. */
package dev.mimik.learn.baseline;
