package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/**
 * A method of the meta-transfer family: from a task's support set to predictions on its query x, with every
 * parameter in one flat vector trained end to end on the query loss. Not thread-safe (scratch is reused).
 */
interface TaskModel {
    /** Length of the parameter vector. */
    int size();

    /** Fresh parameters from the run's init stream. */
    double[] init(GaussianStream random);

    /** Predictions at the task's query x into {@code out}. */
    void predict(double[] params, CosSinTask task, double[] out);

    /** The query MSE; adds its gradient with respect to the parameters into {@code grad}. */
    double lossAndGradient(double[] params, CosSinTask task, double[] grad);

    /** The query MSE of predictions {@code pred}. */
    static double mse(double[] pred, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = pred[i] - y[i];
            s += r * r;
        }
        return s / y.length;
    }
}
