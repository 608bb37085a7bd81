/**
 * Artefact detection on raw biosignal channels: segments (electrode pops) that carry no physiological signal and
 * are left out of training and scoring, as facial-EMG analyses mark and reject them.
 */
package dev.mimik.signal.artefact;
