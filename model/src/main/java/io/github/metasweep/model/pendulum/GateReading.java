package io.github.metasweep.model.pendulum;

/**
 * The gates after one episode's update: sigmoid(k_i) per gated layer, the mean block gate
 * (mean sigmoid of the block parameters) per layer (empty without blocks), and the raw k-targets.
 */
public record GateReading(int episode, String phase, double[] layer, double[] blockMean, double[] target) {
}
