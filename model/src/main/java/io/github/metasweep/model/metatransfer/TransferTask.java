package io.github.metasweep.model.metatransfer;

/**
 * One meta-transfer task as every method sees it: a support set of points with {@code inputs} features each and a
 * scalar target, and query points of {@code queryInputs} features with their targets (a value to regress, or a
 * class index), plus the true task parameters that only the query-oracle control reads. Arrays are row-major
 * ({@code n * inputs}). Support and query may come from different domains (a single and a double pole).
 */
final class TransferTask {
    final int inputs;
    final int queryInputs;
    final double[] supportX;
    final double[] supportY;
    final double[] queryX;
    final double[] queryY;
    final double[] truth;

    TransferTask(int inputs, double[] supportX, double[] supportY, double[] queryX, double[] queryY, double[] truth) {
        this(inputs, supportX, supportY, inputs, queryX, queryY, truth);
    }

    TransferTask(int inputs, double[] supportX, double[] supportY, int queryInputs, double[] queryX, double[] queryY,
                 double[] truth) {
        if (supportX.length != supportY.length * inputs || queryX.length != queryY.length * queryInputs) {
            throw new IllegalArgumentException("features do not match points");
        }
        this.inputs = inputs;
        this.queryInputs = queryInputs;
        this.supportX = supportX;
        this.supportY = supportY;
        this.queryX = queryX;
        this.queryY = queryY;
        this.truth = truth;
    }

    int supportCount() {
        return supportY.length;
    }

    int queryCount() {
        return queryY.length;
    }
}
