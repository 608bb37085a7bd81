/**
 * {@code mimik batch}: its entry point and commands (parse, then run a task over the manifest's recordings as one
 * Spark job and write the summary).
 */
package dev.mimik.spark;
