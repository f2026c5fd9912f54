package io.github.metasweep.model.metatransfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.metasweep.model.core.GaussianStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The task-blind control predicts a double-pole query the same whatever the support and the true parameters. */
class TaskBlindTest {
    private static double[] predict(String method, TransferTask task) {
        DoublePendulumTransfer benchmark = new DoublePendulumTransfer();
        TaskModel model = benchmark.model(method, TransferGradientTest.small(DoublePendulumTransfer.NAME, method));
        double[] params = model.init(GaussianStream.forRun(3, "init"));
        double[] out = new double[task.queryCount() * model.outputs()];
        model.predict(params, task, out);
        return out;
    }

    @Test
    void blindPredictionsIgnoreTheSupportAndTheTruthWhichTheOracleReads() {
        TransferTask a = CartPoleTasks.sample(GaussianStream.forRun(1, "task"), 2, 1, 0.4, false, false);
        TransferTask b = CartPoleTasks.sample(GaussianStream.forRun(2, "task"), 2, 1, 0.4, false, false);
        // b's support and parameters with a's query
        TransferTask mixed = new TransferTask(a.inputs, b.supportX, b.supportY, a.queryInputs, a.queryX, a.queryY,
                b.truth);
        assertFalse(Arrays.equals(a.truth, b.truth));
        assertArrayEquals(predict(TransferModels.TASK_BLIND, a), predict(TransferModels.TASK_BLIND, mixed));
        assertFalse(Arrays.equals(predict("query-oracle", a), predict("query-oracle", mixed)));
    }
}
