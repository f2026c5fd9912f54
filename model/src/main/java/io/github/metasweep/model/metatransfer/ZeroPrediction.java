package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/** The {@code zero} control: predicts 0 everywhere, trains nothing (expected query MSE {@link CosSinTask#ZERO_MSE}). */
final class ZeroPrediction implements TaskModel {
    @Override
    public int size() {
        return 0;
    }

    @Override
    public double[] init(GaussianStream random) {
        return new double[0];
    }

    @Override
    public void predict(double[] params, CosSinTask task, double[] out) {
        java.util.Arrays.fill(out, 0, task.queryX.length, 0.0);
    }

    @Override
    public double lossAndGradient(double[] params, CosSinTask task, double[] grad) {
        double[] zero = new double[task.queryX.length];
        return TaskModel.mse(zero, task.queryY);
    }
}
