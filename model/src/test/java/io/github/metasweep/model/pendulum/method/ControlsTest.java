package io.github.metasweep.model.pendulum.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.ForcedPendulum;
import io.github.metasweep.model.pendulum.env.InitialStates;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.Runner;
import java.util.Map;
import io.github.metasweep.model.pendulum.PendulumTransfer;
import io.github.metasweep.model.pendulum.Runs;
import org.junit.jupiter.api.Test;

class ControlsTest {

    static RunResult run(String method, long seed) {
        return Runner.run(RunSpec.resolve("pendulum-transfer", method, "full", Map.of(), seed), RunListener.SILENT);
    }

    @Test
    void zeroEarnsExactlyTheZeroActionReturnOfItsInitialStates() {
        RunResult zero = run("zero", 2);
        InitialStates states = new InitialStates(2);
        for (int i = 0; i < 150; i++) {
            ForcedPendulum env = new ForcedPendulum(i < 50 ? 1.0 : 1.8);
            states.resetNext(env);
            double expected = 0;
            for (int t = 0; t < 1000; t++) {
                expected += env.step(0f);
            }
            double actual = i < 50 ? Runs.pretrain(zero)[i] : Runs.transfer(zero)[i - 50];
            assertEquals(expected, actual, 0.0, "episode " + i);
        }
        assertEquals(0, zero.traces().size(), "a control has no gates");
    }

    @Test
    void zeroAndFrozenInitNeverChange() {
        ParamSet p = RunSpec.resolve("pendulum-transfer", "frozen-init", "full", Map.of(), 3).params();
        double[] before = FrozenInit.initialParameters(p, 3);
        PendulumAgent frozen = new FrozenInit().create(p, 3);
        PendulumAgent zero = new ZeroAction().create(p, 3);
        PendulumPolicy firstPolicy = frozen.policyForEpisode();
        float[] probe = {0.1f, -0.3f, 1.2f, 2.5f, -2.0f, 0.7f};
        float[] actionsBefore = act(firstPolicy, probe);
        ForcedPendulum env = new ForcedPendulum(1.8);
        InitialStates states = new InitialStates(3);
        for (int i = 0; i < 5; i++) {
            states.resetNext(env);
            Episode e = Episode.rollout(env, frozen.policyForEpisode(), 200);
            assertTrue(frozen.learn(e, 1.0));
            assertTrue(zero.learn(e, 1.0));
        }
        assertArrayEquals(before, FrozenInit.initialParameters(p, 3), 0.0);
        assertArrayEquals(actionsBefore, act(frozen.policyForEpisode(), probe), 0f, "frozen-init acts as before");
        assertArrayEquals(new float[3], act(zero.policyForEpisode(), probe), 0f);
    }

    private static float[] act(PendulumPolicy policy, float[] pairs) {
        float[] out = new float[pairs.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = policy.act(pairs[2 * i], pairs[2 * i + 1]);
        }
        return out;
    }

    @Test
    void frozenInitIsNbProAtItsInitialisation() {
        assertEquals(Runs.pretrain(run("nb-pro", 4))[0], Runs.pretrain(run("frozen-init", 4))[0], 0.0);
    }

    @Test
    void expertBeatsZeroAtBothAmplitudes() {
        for (long seed = 0; seed < 3; seed++) {
            RunResult expert = run("expert", seed);
            RunResult zero = run("zero", seed);
            double expertEasy = mean(Runs.pretrain(expert));
            double zeroEasy = mean(Runs.pretrain(zero));
            double expertHard = mean(Runs.transfer(expert));
            double zeroHard = mean(Runs.transfer(zero));
            System.out.printf("seed %d: mean return at A=1.0 expert %.1f zero %.1f; at A=1.8 expert %.1f zero %.1f%n",
                    seed, expertEasy, zeroEasy, expertHard, zeroHard);
            assertTrue(expertEasy > zeroEasy, "A = 1.0");
            assertTrue(expertHard > zeroHard, "A = 1.8");
            assertTrue(expert.metric(PendulumTransfer.BEST_RETURN) > zero.metric(PendulumTransfer.BEST_RETURN));
        }
    }

    @Test
    void expertFollowsItsFormulaAndItsClamp() {
        ExpertController e = ExpertController.INSTANCE;
        double u = Math.sin(0.05) + 0.2 * -0.1f - 10 * 0.05f - 5 * -0.1f;
        assertEquals((float) u, e.act(0.05f, -0.1f), 1e-7f);
        assertEquals(-2f, e.act(1.0f, 1.0f), 0f);
        assertEquals(2f, e.act(-1.0f, -1.0f), 0f);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
