package io.github.metasweep.model.core.meta;

/**
 * Learns an initialisation (and possibly inner rates) from meta-batches of tasks. A learner owns its
 * parameter vector and mutates it in place; {@link #theta()} and {@link #innerRates()} are what a family
 * adapts from at test time (with {@link InnerSgd}).
 */
public interface MetaLearner {
    /**
     * One meta-iteration on {@code tasks[0..count)}; returns the mean query loss of the meta-batch after
     * adaptation (computed only when {@code wantLoss} or when the method computes it anyway; NaN otherwise).
     * A non-finite loss or update is reported by {@link #finite()}.
     */
    double step(MetaTask[] tasks, int count, boolean wantLoss);

    /** The current parameters (live view). */
    double[] theta();

    /** The per-scalar inner learning rates to adapt with (live view). */
    double[] innerRates();

    /** False once a loss, gradient or parameter became NaN or infinite. */
    boolean finite();
}
