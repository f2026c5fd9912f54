package io.github.metasweep.model.symmetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hereditary transform, the oracle's closed form, and the controls of the agents' benchmark. */
class PointNavigationTest {
    @Test
    void theHereditaryTransformOfTheOracleIsTheOracleOfTheRotatedGoal() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] base = {Math.cos(0.3), Math.sin(0.3)};
        for (int i = 0; i < 500; i++) {
            double t = rng.nextDouble(-Math.PI, Math.PI);
            double[] p = {rng.nextDouble(-2, 2), rng.nextDouble(-2, 2)};
            double[] rotatedGoal = Generator2.apply(Generator2.exp(Generator2.scale(Generator2.ROTATION, t)), base);
            assertArrayEquals(NavPolicy.straightTo(rotatedGoal).action(p),
                    NavPolicy.rotated(NavPolicy.straightTo(base), t).action(p), 1e-12);
        }
    }

    @Test
    void theOraclesReturnIsItsClosedFormUpToNoise() {
        // from the origin to a goal at distance 1 at speed 0.1: rewards -(1 - 0.1 k), k = 1..9, success at the
        // 9th step (distance 0.1 < 0.1 sqrt 2): -4.5 without noise
        PointNavigation.Episode quiet = PointNavigation.episode(NavPolicy.straightTo(new double[] {1, 0}),
                new double[] {1, 0}, GaussianStream.forRun(0, "oracle"), 0.0);
        assertEquals(-4.5, quiet.ret(), 1e-12);
        assertTrue(quiet.success());
        // with noise it needs a step or two more near the goal now and then
        double sum = 0;
        int n = 4000;
        for (int e = 0; e < n; e++) {
            sum += PointNavigation.episode(NavPolicy.straightTo(new double[] {1, 0}), new double[] {1, 0},
                    GaussianStream.forRun(e, "oracle")).ret();
        }
        assertTrue(sum / n < -4.5 && sum / n > -5.2, "noise of 0.05 per step costs a little: " + sum / n);
    }

    static RunResult run(String method) {
        return Benchmarks.get(PointNavigation.NAME).run(RunSpec.resolve(PointNavigation.NAME, method, "full",
                Map.of("episodes", 3), 2), RunListener.SILENT);
    }

    @Test
    void nearestTaskIsTheOracleOnTrainingGoalsAndTheControlsOrder() {
        RunResult oracle = run("oracle");
        RunResult nearest = run("nearest-task");
        RunResult random = run("random-policy");
        assertEquals(0.0, oracle.metric("regret"), 0.0);
        assertEquals(1.0, oracle.metric("success_rate"), 0.0);
        double[] o = oracle.curves().get("return_by_goal").y();
        double[] n = nearest.curves().get("return_by_goal").y();
        for (int g : new int[] {0, 3, 6, 9}) { // 0, 30, 60 and 90 degrees: the training goals
            assertEquals(o[g], n[g], 0.0, "goal " + g);
        }
        assertTrue(nearest.metric("return_far") < oracle.metric("return_far") - 10, "far goals are missed");
        assertTrue(random.metric("regret") > nearest.metric("regret"), "random is worse still");
    }
}
