package dev.mimik.sim.performance;

/**
 * One scripted event of a performance (an expression trial, a speech bout or a head movement), with its phases.
 *
 * @param label {@code "happy"}, ..., {@code "speech"} or {@code "head_move"}
 * @param onsetS when the movement starts
 * @param apexStartS when the apex is reached
 * @param apexEndS when the apex ends
 * @param endS when the face is back to rest
 * @param intensity peak intensity (0..1)
 */
public record Segment(String label, double onsetS, double apexStartS, double apexEndS, double endS,
    double intensity) {}
