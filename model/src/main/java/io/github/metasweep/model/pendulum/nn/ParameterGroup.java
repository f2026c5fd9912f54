package io.github.metasweep.model.pendulum.nn;

/** The two Adam learning-rate groups of protocol section 3. */
public enum ParameterGroup {
    /** Weights and biases of both networks (lr 1e-3 in the reference). */
    WEIGHT,
    /** Every k parameter: layer, block and target (lr 5e-3 in the reference). */
    GATE
}
