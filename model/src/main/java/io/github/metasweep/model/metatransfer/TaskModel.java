package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import java.util.List;

/**
 * A method of the meta-transfer family: from a task's support set to outputs at its query points, with every
 * parameter in one flat vector trained end to end on the mean query loss. Not thread-safe (scratch is reused).
 */
interface TaskModel {
    /** Length of the parameter vector. */
    int size();

    /** Outputs per query point (1 for regression, one logit per action for the maze). */
    int outputs();

    /** Fresh parameters from the run's init stream. */
    double[] init(GaussianStream random);

    /** The outputs at every query point of the task into {@code out} ({@code queryCount * outputs}). */
    void predict(double[] params, TransferTask task, double[] out);

    /**
     * The sum over the batch of each task's mean query loss; adds the sum of their gradients with respect to the
     * parameters into {@code grad}. One call per training step, so networks copy the parameters once per step.
     */
    double lossAndGradient(double[] params, List<TransferTask> batch, double[] grad);

    /** The task's mean query loss; adds its gradient into {@code grad} (a batch of one). */
    default double lossAndGradient(double[] params, TransferTask task, double[] grad) {
        return lossAndGradient(params, List.of(task), grad);
    }
}
