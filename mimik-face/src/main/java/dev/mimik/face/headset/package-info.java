/**
 * Headsets with face cameras (REFA §4): where each camera sits relative to the head, what it looks at, its
 * intrinsics, and the infrared illuminators; read from a JSON description ({@code docs/FORMATS.md}) or built in
 * ({@code refa5} and alternatives, and a data-collection headset with ground-truth cameras).
 *
 * <p>The head frame is millimetres, with the rig's axes (+X the subject's left, +Y up, +Z out of the face) and its
 * origin midway between the two eyeball centres ({@link dev.mimik.face.headset.HeadFrame}).
 */
package dev.mimik.face.headset;
