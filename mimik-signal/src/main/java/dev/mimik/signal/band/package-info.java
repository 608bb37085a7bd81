/** EMG and EOG bands from raw electrode channels, with mains notches. */
package dev.mimik.signal.band;
