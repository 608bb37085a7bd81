/** The commands a batch runs on one recording, each calling the library code its single command calls. */
package dev.mimik.spark.tasks;
