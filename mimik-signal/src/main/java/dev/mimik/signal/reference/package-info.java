/** Re-referencing: leads derived from the electrodes a recording holds (bipolar pairs). */
package dev.mimik.signal.reference;
