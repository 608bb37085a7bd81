/** Reading the eyes from EOG: gaze from the saccades' steps through baseline wander. */
package dev.mimik.signal.eog;
