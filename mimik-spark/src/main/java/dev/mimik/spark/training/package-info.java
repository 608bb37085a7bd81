/** Population training data: BioFace-3D's windows and targets of many sessions, extracted by Spark into Parquet. */
package dev.mimik.spark.training;
