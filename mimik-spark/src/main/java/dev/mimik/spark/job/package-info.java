/**
 * A batch as Spark runs it: the manifest's recordings, one task per recording, completion markers that let a re-run
 * skip finished recordings, and progress on the driver.
 */
package dev.mimik.spark.job;
