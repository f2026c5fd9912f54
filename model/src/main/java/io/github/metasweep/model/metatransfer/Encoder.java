package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/**
 * Turns a task's support set into a task code z of size k. Its parameters are a slice of the model's vector
 * starting at {@code at}; {@link #backward} must follow the {@link #encode} of the same task and parameters, and
 * a training step ends with {@link #flushGradient}.
 */
interface Encoder {
    int size();

    int codeSize();

    void init(GaussianStream random, double[] p, int at);

    /** Takes the encoder's parameters at {@code p[at..]} for the encodes that follow, until they change. */
    default void load(double[] p, int at) {
    }

    /** The task code (owned by the encoder, valid until the next call); {@link #load} came first. */
    double[] encode(double[] p, int at, TransferTask task);

    /**
     * Adds the gradient of {@code dz . z} with respect to the encoder's parameters into {@code grad} at {@code at};
     * the part its networks gather may wait for {@link #flushGradient}.
     */
    void backward(double[] p, int at, double[] dz, double[] grad);

    /** Adds the gradient the encoder's networks gathered since the last flush into {@code grad} at {@code at}. */
    default void flushGradient(double[] grad, int at) {
    }
}
