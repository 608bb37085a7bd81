package dev.mimik.sim.session;

import dev.mimik.core.data.Signal;
import dev.mimik.sim.camera.CameraModel;
import dev.mimik.sim.camera.Capture;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.sensor.Donning;

/**
 * One simulated session in memory: who, what they did, what the sensors and the camera saw.
 *
 * @param id folder-style identifier, e.g. {@code p01/s02}
 * @param participant the participant
 * @param donning how the electrodes were put on this session
 * @param performance what the face did (ground truth)
 * @param signals the biosignals (microvolts)
 * @param camera the camera and its clock
 * @param capture the detected and exact landmarks
 */
public record SimulatedSession(String id, Participant participant, Donning donning, Performance performance,
    Signal signals, CameraModel camera, Capture capture) {}
