/** Inputs and outputs on any file system Hadoop knows, staged locally and published by rename. */
package dev.mimik.spark.fs;
