/** What a tracking run reports: charts of the tracked recording and, with ground truth, its errors. */
package dev.mimik.lab.tracking;
