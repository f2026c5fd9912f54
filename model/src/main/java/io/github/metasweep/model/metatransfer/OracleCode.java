package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/**
 * The query-oracle control's "encoder": the task's true parameters ((A, b) for cos-sin, the maze's obstacles),
 * no parameters of its own.
 */
final class OracleCode implements Encoder {
    private final int size;

    OracleCode(int size) {
        this.size = size;
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public int codeSize() {
        return size;
    }

    @Override
    public void init(GaussianStream random, double[] p, int at) {
    }

    @Override
    public double[] encode(double[] p, int at, TransferTask task) {
        return task.truth;
    }

    @Override
    public void backward(double[] p, int at, double[] dz, double[] grad) {
    }
}
