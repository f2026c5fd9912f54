package io.github.metasweep.model.metatransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.metatransfer.dynamics.CartPoleChain;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dynamics tasks: targets are the physics' state changes, and the controls meet their closed forms. */
class CartPoleTasksTest {
    @Test
    void eachPointsTargetIsTheStepOfTheSystemFromItsFeatures() {
        for (boolean independent : new boolean[] {false, true}) {
            targetsAreSteps(independent);
        }
    }

    private static void targetsAreSteps(boolean independent) {
        for (int poles : new int[] {1, 2}) {
            CartPoleChain system = CartPoleTasks.system(poles, 0.8, 9.0);
            int transitions = 20;
            int dims = 2 + 2 * poles;
            int f = CartPoleTasks.pointFeatures(poles);
            double[] x = new double[transitions * dims * f];
            double[] y = new double[transitions * dims];
            CartPoleTasks.rollout(system, GaussianStream.forRun(2, "r"), transitions, 0.0, x, y, independent);
            for (int t = 0; t < transitions; t++) {
                int at = t * dims * f;
                double[] s = new double[dims];
                s[0] = x[at];
                s[1] = x[at + 1];
                for (int j = 0; j < poles; j++) {
                    s[2 + 2 * j] = Math.atan2(x[at + 2 + 3 * j], x[at + 3 + 3 * j]); // the angle mod 2 pi
                    s[3 + 2 * j] = x[at + 4 + 3 * j];
                }
                double force = 3 * x[at + CartPoleTasks.stateFeatures(poles)];
                assertTrue(Math.abs(force) <= 3.0);
                double[] next = s;
                for (int k = 0; k < 5; k++) {
                    next = system.step(next, force, 0.01);
                }
                for (int c = 0; c < dims; c++) {
                    assertEquals(next[c] - s[c], y[t * dims + c], 1e-9, poles + " poles, transition " + t + ", component " + c);
                    assertEquals(1.0, x[(t * dims + c) * f + CartPoleTasks.stateFeatures(poles) + 1 + c], 0.0, "one-hot");
                }
            }
        }
    }

    @Test
    void aRolloutsNextTransitionStartsWhereTheLastEndedAndIndependentOnesDoNot() {
        CartPoleChain system = CartPoleTasks.system(1, 1.2, 11.0);
        int f = CartPoleTasks.pointFeatures(1);
        int n = 30;
        for (boolean independent : new boolean[] {false, true}) {
            double[] x = new double[n * 4 * f];
            double[] y = new double[n * 4];
            CartPoleTasks.rollout(system, GaussianStream.forRun(5, "r"), n, 0.0, x, y, independent);
            int chained = 0;
            for (int t = 0; t + 1 < n; t++) {
                double[] s = CartPoleTasks.stateOf(x, t, 1);
                double[] next = CartPoleTasks.stateOf(x, t + 1, 1);
                double angle = s[2] + y[t * 4 + 2];
                boolean same = Math.abs(s[0] + y[t * 4] - next[0]) < 1e-9
                        && Math.abs(s[1] + y[t * 4 + 1] - next[1]) < 1e-9
                        && Math.abs(Math.sin(angle) - Math.sin(next[2])) < 1e-9
                        && Math.abs(Math.cos(angle) - Math.cos(next[2])) < 1e-9
                        && Math.abs(s[3] + y[t * 4 + 3] - next[3]) < 1e-9;
                chained += same ? 1 : 0;
            }
            // a rollout shows its dynamics in the noise-free inputs; independent starts (x = 0 each) do not
            assertEquals(independent ? 0 : n - 1, chained, independent ? "independent" : "rollout");
        }
    }

    @Test
    void thePriorMeanScoresOneThirdAndNoChangeScoresTheMeanSquaredChange() {
        RunResult prior = Benchmarks.get(PendulumParameters.NAME).run(RunSpec.resolve(PendulumParameters.NAME,
                "prior-mean", "full", Map.of("eval_tasks", 20_000, "support_transitions", 1), 0), RunListener.SILENT);
        // each scaled parameter is U[-1, 1]: E[u^2] = 1/3; per task the mean of two, sd 0.21, standard error 0.0015
        assertEquals(1.0 / 3, prior.metric("parameter_mse"), 0.01);
        RunResult still = Benchmarks.get(DoublePendulumTransfer.NAME).run(RunSpec.resolve(DoublePendulumTransfer.NAME,
                "predict-current-state", "full", Map.of("eval_tasks", 50), 0), RunListener.SILENT);
        double sum = 0;
        GaussianStream eval = GaussianStream.forRun(0, "eval");
        for (int t = 0; t < 50; t++) {
            TransferTask task = CartPoleTasks.sample(eval, 30, 100, 0.0, false, false);
            double s = 0;
            for (double d : task.queryY) {
                s += d * d;
            }
            sum += s / task.queryCount();
        }
        assertEquals(sum / 50, still.metric("query_mse"), 1e-12);
        assertTrue(still.metric("query_mse") > 0.01, "the double pole moves in a step: " + still.metric("query_mse"));
    }

    @Test
    void pointsRebuiltFromAStateAreTheRolloutsAndTheTrajectoryTraceFollowsTheTruth() {
        CartPoleChain system = CartPoleTasks.system(2, 1.1, 7.0);
        int f = CartPoleTasks.pointFeatures(2);
        double[] x = new double[5 * 6 * f];
        double[] y = new double[5 * 6];
        CartPoleTasks.rollout(system, GaussianStream.forRun(4, "r"), 5, 0.0, x, y, false);
        for (int t = 0; t < 5; t++) {
            double force = 3 * x[t * 6 * f + CartPoleTasks.stateFeatures(2)];
            double[] rebuilt = CartPoleTasks.points(CartPoleTasks.stateOf(x, t, 2), force, 2);
            for (int i = 0; i < rebuilt.length; i++) {
                assertEquals(x[t * 6 * f + i], rebuilt[i], 1e-12, "transition " + t + ", feature " + i);
            }
        }
        // the no-change control's open-loop prediction stays at the start; the truth accumulates the changes
        RunResult still = Benchmarks.get(DoublePendulumTransfer.NAME).run(RunSpec.resolve(DoublePendulumTransfer.NAME,
                "predict-current-state", "full", Map.of("eval_tasks", 1, "eval_transitions", 20), 0), RunListener.SILENT);
        var series = still.traces().get("trajectory").series();
        double[] truth = series.get(0).y();
        double[] predicted = series.get(1).y();
        assertEquals(21, truth.length);
        TransferTask task = CartPoleTasks.sample(GaussianStream.forRun(0, "eval"), 30, 20, 0.0, false, false);
        double angle = truth[0];
        for (int t = 0; t < 20; t++) {
            assertEquals(truth[0], predicted[t + 1], 0.0);
            angle += task.queryY[t * 6 + 2];
            assertEquals(angle, truth[t + 1], 1e-12);
        }
    }
}
