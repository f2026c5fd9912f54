package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/**
 * The task-blind control's "encoder": the same code (zeros) for every task, so the decoder learns the one query
 * network that fits all tasks best; the gap to the query oracle is what knowing the task is worth.
 */
final class BlindCode implements Encoder {
    private final double[] zeros;

    BlindCode(int size) {
        this.zeros = new double[size];
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public int codeSize() {
        return zeros.length;
    }

    @Override
    public void init(GaussianStream random, double[] p, int at) {
    }

    @Override
    public double[] encode(double[] p, int at, TransferTask task) {
        return zeros;
    }

    @Override
    public void backward(double[] p, int at, double[] dz, double[] grad) {
    }
}
