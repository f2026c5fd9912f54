package io.github.metasweep.model.metatransfer;

/** What a query point's network outputs mean: a regressed value (MSE) or action logits (cross-entropy). */
enum QueryHead {
    /** One output, squared error against the point's target. */
    REGRESSION(1),
    /** One logit per action, cross-entropy against the point's class index. */
    ACTIONS(MazeTask.ACTIONS);

    private final int outputs;

    QueryHead(int outputs) {
        this.outputs = outputs;
    }

    int outputs() {
        return outputs;
    }

    /** The loss of one query point's outputs {@code out} against {@code target}; its gradient into {@code dOut}. */
    double loss(double[] out, double target, double[] dOut) {
        if (this == REGRESSION) {
            double r = out[0] - target;
            dOut[0] = 2 * r;
            return r * r;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double o : out) {
            max = Math.max(max, o);
        }
        double z = 0;
        for (int a = 0; a < outputs; a++) {
            dOut[a] = Math.exp(out[a] - max);
            z += dOut[a];
        }
        int c = (int) target;
        for (int a = 0; a < outputs; a++) {
            dOut[a] /= z;
        }
        double loss = -Math.log(dOut[c]);
        dOut[c] -= 1;
        return loss;
    }
}
