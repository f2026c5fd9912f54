package io.github.metasweep.model.pendulum.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.model.pendulum.Runs;
import io.github.metasweep.model.pendulum.env.Episode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** NeuronML on the pendulum: MAML as its limit, its two outer steps kept apart, and its ablations. */
class NeuronMlLearnerTest {

    @Test
    void withTheMaskFixedARunIsMamlBitForBit() {
        RunResult maml = Runs.run("maml", "full", 4, Runs.shortened("inner_lr", 0.001));
        RunResult fixed = Runs.run("neuronml", "no-mask", 4, Runs.shortened("inner_lr", 0.001));
        assertEquals(RunStatus.OK, maml.status());
        assertEquals(maml.metrics(), fixed.metrics());
        assertArrayEquals(Runs.transfer(maml), Runs.transfer(fixed), 0.0);
        RunResult learnt = Runs.run("neuronml", "full", 4, Runs.shortened("inner_lr", 0.001, "mask_lr", 0.05));
        assertEquals(RunStatus.OK, learnt.status());
        assertFalse(Arrays.equals(Runs.transfer(maml), Runs.transfer(learnt)), "a learnt mask changes the run");
    }

    private static NeuronMlLearner learner(Object... settings) {
        ParamSet p = MamlTest.params("neuronml", settings);
        return (NeuronMlLearner) new NeuronMlMethod().create(p, 2);
    }

    @Test
    void theThetaStepLeavesTheMaskAndTheMaskStepLeavesTheta() {
        Episode e = MamlTest.episode(60, 2, 1.0);
        NeuronMlLearner thetaOnly = learner("hidden", 8, "mask_lr", 0.0, "inner_lr", 0.001);
        double[] mask0 = thetaOnly.mask();
        double[] raw0 = thetaOnly.rawTheta();
        assertTrue(thetaOnly.learn(e, 0));
        assertArrayEquals(mask0, thetaOnly.mask(), 0.0);
        assertFalse(Arrays.equals(raw0, thetaOnly.rawTheta()));

        NeuronMlLearner maskOnly = learner("hidden", 8, "lr", 1e-300, "mask_lr", 0.01, "inner_lr", 0.001);
        mask0 = maskOnly.mask();
        raw0 = maskOnly.rawTheta();
        assertTrue(maskOnly.learn(e, 0));
        assertArrayEquals(raw0, maskOnly.rawTheta(), 0.0, "a rate of 1e-300 moves no float32 weight");
        assertFalse(Arrays.equals(mask0, maskOnly.mask()));
        double[] m = maskOnly.mask();
        double[] raw = maskOnly.rawTheta();
        double[] w = maskOnly.weights();
        for (int i = 0; i < w.length; i++) {
            assertEquals((float) (m[i] * raw[i]), w[i], 0.0, "w = M theta, rounded to float32");
        }
    }

    @Test
    void eachAblationSetsItsWeightToZero() {
        for (String[] v : new String[][] {{"no-frugality", "l_fr"}, {"no-plasticity", "l_pl"}, {"no-sensitivity", "l_se"}}) {
            ParamSet p = Runs.spec("neuronml", v[0], 0, Runs.shortened()).params();
            for (String weight : new String[] {"l_fr", "l_pl", "l_se"}) {
                assertEquals(weight.equals(v[1]) ? 0.0 : 1e-4, p.getDouble(weight), v[0] + " " + weight);
            }
        }
        assertFalse(Runs.spec("neuronml", "no-mask", 0, Runs.shortened()).params().getBool("mask_learnt"));
    }
}
