/**
 * Headset recordings (REFA §6): synthetic subjects wearing a headset perform a protocol of peak expressions from
 * neutral and back, speech, free expression, winks and gaze; their face-camera views are rendered in two domains
 * ("synthetic": clean renders with exact labels; "real": another appearance model and, where the shared ICT FaceKit
 * rig is present, another face, labelled by a pseudo ground-truth pipeline that fits the rig to detected keypoints);
 * datasets are written in the layout of {@code docs/FORMATS.md} and read back from it.
 */
package dev.mimik.sim.ego;
