package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/** The query-oracle control's "encoder": the true task parameters (A, b), no parameters of its own. */
final class OracleCode implements Encoder {
    private final double[] z = new double[2];

    @Override
    public int size() {
        return 0;
    }

    @Override
    public int codeSize() {
        return 2;
    }

    @Override
    public void init(GaussianStream random, double[] p, int at) {
    }

    @Override
    public double[] encode(double[] p, int at, CosSinTask task) {
        z[0] = task.amplitude;
        z[1] = task.phase;
        return z;
    }

    @Override
    public void backward(double[] p, int at, double[] dz, double[] grad) {
    }
}
