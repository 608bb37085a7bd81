/** 8-bit grayscale PNG images: a fast writer for image sequences and a reader that accepts any PNG. */
package dev.mimik.core.io.png;
