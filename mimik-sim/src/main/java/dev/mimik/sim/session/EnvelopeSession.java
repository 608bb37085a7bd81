package dev.mimik.sim.session;

import dev.mimik.core.data.BlendshapeTrack;
import dev.mimik.core.data.Channel;
import dev.mimik.core.data.Signal;
import dev.mimik.sim.SeedStreams;
import dev.mimik.sim.participant.Participant;
import dev.mimik.sim.performance.Performance;
import dev.mimik.sim.performance.Performer;
import dev.mimik.sim.performance.Protocol;
import dev.mimik.sim.sensor.Biosensor;
import dev.mimik.sim.sensor.Components;
import dev.mimik.sim.sensor.ElectrodePop;
import dev.mimik.sim.sensor.Montage;
import dev.mimik.sim.sensor.MuscleCalibration;
import dev.mimik.signal.artefact.Artefact;
import dev.mimik.signal.artefact.PopDetector;
import dev.mimik.signal.preset.EiferChain;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated session as EIFER sees it: the montage's raw sEMG put through {@link EiferChain} (one envelope row
 * per video frame) next to the exact blendshapes at those frames. Used to train and test the muscle/expression
 * maps without a camera model.
 *
 * @param id session identifier, e.g. {@code p03/s01}
 * @param participant who performed it
 * @param envelopes the chain's output, one channel per lead, at the chain's output rate
 * @param truth the exact blendshapes at the envelope frames (frame {@code f} at {@code f / rate})
 * @param muscleEnvelopes the same chain's output on the muscles' signal alone (no EOG, mains, wander, electrode
 *     noise or artefacts): the exact muscle activity a perfect expression-to-EMG map could predict
 * @param artefacts per lead, the electrode pops {@link PopDetector#standard()} finds on the raw recording (from the
 *     signal alone)
 * @param pops the exact electrode pops the simulator added (ground truth, never shown to the detector)
 * @param eog the chain's {@link EiferChain#eogBand EOG band} of the raw recording, one channel per lead, on the
 *     envelopes' frames
 * @param saccades the chain's {@link EiferChain#saccadeIntegral saccade integral} of the raw recording (gaze read
 *     from the EOG band through baseline wander), one channel per lead, on the envelopes' frames
 */
public record EnvelopeSession(String id, Participant participant, Signal envelopes, BlendshapeTrack truth,
    Signal muscleEnvelopes, List<List<Artefact>> artefacts, List<ElectrodePop> pops, Signal eog, Signal saccades) {

  /**
   * Simulates session {@code id} of {@code who}: BioFace-3D's protocol for {@code seconds}, recorded at
   * {@code rate} Hz on {@code montage} with the muscles of {@code calibration} (amplitudes and co-activations, see
   * {@link Biosensor}), every noise component included, then processed by {@code chain}.
   */
  public static EnvelopeSession simulate(String id, Participant who, double seconds, long seed, Montage montage,
      double rate, MuscleCalibration calibration, EiferChain chain) {
    Performance perf = new Performer(120).perform(who, Protocol.bioFace3d(), seconds,
        SeedStreams.derive(seed, "performance"));
    Biosensor sensor = new Biosensor(montage, rate, calibration);
    long sensorSeed = SeedStreams.derive(seed, "biosensor");
    Signal raw = sensor.record(who, perf, sensorSeed, Components.all());
    List<List<Artefact>> artefacts = new ArrayList<>();
    for (Channel c : raw.channels()) {
      artefacts.add(PopDetector.standard().detect(c.samples(), c.samplingRate()));
    }
    Signal env = chain.apply(raw);
    Signal muscles = chain.apply(sensor.record(who, perf, sensorSeed, Components.emgOnly()));
    int frames = env.channel(0).samples().length;
    double[] times = new double[frames];
    for (int f = 0; f < frames; f++) {
      times[f] = f / chain.outputRate();
    }
    return new EnvelopeSession(id, who, env, perf.blendshapesAt(times), muscles, artefacts,
        sensor.pops(who, sensorSeed, raw.channel(0).samples().length), chain.eogBand(raw),
        chain.saccadeIntegral(raw));
  }
}
