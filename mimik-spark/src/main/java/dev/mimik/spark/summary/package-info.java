/** A batch's summary: metrics aggregated per recording, participant and dataset; failures with file and reason. */
package dev.mimik.spark.summary;
