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
                new double[] {1, 0}, GaussianStream.forRun(0, "oracle"), 0.0, null);
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
        return run(method, Map.of("episodes", 3, "base_policy", "straight-line"));
    }

    static RunResult run(String method, Map<String, Object> params) {
        return Benchmarks.get(PointNavigation.NAME).run(RunSpec.resolve(PointNavigation.NAME, method, "full",
                params, 2), RunListener.SILENT);
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

    /** From exact transitions the reward-matching search finds the rotation, wherever it lies on the circle. */
    @Test
    void theRotationIsInferredFromAFewTransitions() {
        GaussianStream r = GaussianStream.forRun(9, "transitions");
        double[] base = {Math.cos(0.4), Math.sin(0.4)};
        for (double w : new double[] {0.0, 0.001, 1.0, Math.PI, 4.5, 2 * Math.PI - 0.002}) {
            double[] g = Generator2.apply(Generator2.exp(Generator2.scale(Generator2.ROTATION, w)), base);
            double[][] next = new double[3][];
            double[] reward = new double[3];
            for (int i = 0; i < 3; i++) {
                next[i] = new double[] {0.2 * r.nextGaussian(), 0.2 * r.nextGaussian()};
                reward[i] = PointNav.reward(next[i], g);
            }
            double found = HereditaryController.inferAngle(next, reward, base);
            assertEquals(0.0, Math.IEEEremainder(found - w, 2 * Math.PI), 1e-7, "rotation " + w);
        }
    }

    /**
     * With perfect training policies the hereditary agent, after its probing steps, is the oracle of every goal:
     * far goals cost it only the probing, while the untransformed nearest policy misses them.
     */
    @Test
    void hereditaryTransfersAPerfectBasePolicyAroundTheCircle() {
        RunResult oracle = run("oracle");
        RunResult hereditary = run("hereditary");
        RunResult nearest = run("nearest-task");
        assertEquals(1.0, hereditary.metric("success_rate"), 0.0);
        // one random step at distance about 1 from the goal, and perhaps a second on the wrong mirror image,
        // cost about one or two units of return (each step's reward is minus the distance)
        assertTrue(hereditary.metric("regret") > 0.5 && hereditary.metric("regret") < 2.5,
                "the probing costs one or two steps: " + hereditary.metric("regret"));
        assertTrue(hereditary.metric("return_far") > nearest.metric("return_far") + 10);
        assertTrue(hereditary.metric("return_far") > oracle.metric("return_far") - 2.5);
        // training goals 0-90 degrees: 18 of the 36 test goals lie within 45 degrees of one, 18 farther
        assertEquals((hereditary.metric("return_near") + hereditary.metric("return_far")) / 2,
                hereditary.metric("return_all"), 1e-9);
        assertEquals(hereditary.metric("return_near"), hereditary.metric("return_far"), 1.0, "flat around the circle");
        assertEquals(2, hereditary.traces().size(), "paths to the goals at 180 and 270 degrees");
    }

    /** With SAC policies (a short training) the transformed base policy still beats the nearest one far away. */
    @Test
    void hereditaryWithALearntBasePolicyBeatsNearestTaskFarAway() {
        Map<String, Object> small = Map.of("episodes", 2, "sac_steps", 3000, "sac_hidden", 16, "sac_batch", 32,
                "sac_lr", 1e-3);
        RunResult hereditary = run("hereditary", small);
        RunResult nearest = run("nearest-task", small);
        assertTrue(hereditary.metric("return_far") > nearest.metric("return_far") + 10,
                hereditary.metric("return_far") + " vs " + nearest.metric("return_far"));
    }
}
