package io.github.metasweep.model.metatransfer;

import java.util.List;

/** The {@code zero} control of regression: predicts 0 everywhere, trains nothing (expected cos-sin MSE E[A^2]/2). */
final class ZeroPrediction implements ParameterFreeRegression {
    @Override
    public void predict(double[] params, TransferTask task, double[] out) {
        java.util.Arrays.fill(out, 0, task.queryCount(), 0.0);
    }

    @Override
    public double lossAndGradient(double[] params, List<TransferTask> batch, double[] grad) {
        double loss = 0;
        for (TransferTask task : batch) {
            double s = 0;
            for (double y : task.queryY) {
                s += y * y;
            }
            loss += s / task.queryCount();
        }
        return loss;
    }
}
