package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.nn.Mlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.meta.NeuronMl;
import io.github.metasweep.model.core.meta.StructureConstraint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NeuronML: its constraint's gradient, the separation of its two outer steps, its ablations, and MAML as its limit. */
class NeuronMlTest {
    private static final Map<String, Object> SHORT = Map.of("meta_iterations", 40, "eval_tasks", 20, "hidden", 8,
            "meta_batch", 5);

    private static RunResult run(String method, String variant, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(SHORT);
        p.putAll(extra);
        return Benchmarks.get("sinusoid").run(RunSpec.resolve("sinusoid", method, variant, p, 3), RunListener.SILENT);
    }

    @Test
    void withTheMaskFixedItIsMamlBitForBit() {
        RunResult maml = run("maml", "full", Map.of());
        RunResult fixed = run("neuronml", "no-mask", Map.of());
        assertEquals(maml.metrics(), fixed.metrics());
        assertArrayEquals(maml.curves().get("meta_train_loss").y(), fixed.curves().get("meta_train_loss").y());
        RunResult learnt = run("neuronml", "full", Map.of());
        assertFalse(maml.metrics().equals(learnt.metrics()), "a learnt mask changes the result");
        assertTrue(learnt.curves().containsKey("mask_on_share"));
        // the structure report: per-layer shares (the whole-mask share is their size-weighted mean) and the overlap
        var layers = learnt.traces().get("mask_by_layer").series();
        assertEquals(List.of("hidden layer 1", "hidden layer 2", "output layer"),
                layers.stream().map(s -> s.name()).toList());
        double[] whole = learnt.curves().get("mask_on_share").y();
        int[] sizes = {1 * 8 + 8, 8 * 8 + 8, 8 + 1}; // hidden 8, input 1
        for (int i = 0; i < whole.length; i++) {
            double weighted = 0;
            for (int l = 0; l < 3; l++) {
                weighted += layers.get(l).y()[i] * sizes[l];
            }
            assertEquals(whole[i], weighted / (16 + 72 + 9), 1e-12);
        }
        for (double o : learnt.traces().get("task_overlap").series().get(0).y()) {
            assertTrue(o > 0 && o <= 1 + 1e-12, "a cosine of non-negative activities: " + o);
        }
    }

    @Test
    void eachAblationSetsItsWeightToZeroAndOnlyIt() {
        for (String[] v : new String[][] {{"no-frugality", "l_fr"}, {"no-plasticity", "l_pl"}, {"no-sensitivity", "l_se"}}) {
            RunSpec spec = RunSpec.resolve("sinusoid", "neuronml", v[0], SHORT, 0);
            for (String w : new String[] {"l_fr", "l_pl", "l_se"}) {
                double expected = w.equals(v[1]) ? 0.0 : 1e-4;
                assertEquals(expected, spec.params().getDouble(w), v[0] + " " + w);
            }
        }
        assertFalse(RunSpec.resolve("sinusoid", "neuronml", "no-mask", SHORT, 0).params().getBool("mask_learnt"));
    }

    @Test
    void theConstraintsMaskGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(4);
        int d = 30;
        int tasks = 3;
        double[] theta = new double[d];
        double[] mask = new double[d];
        double[] query = new double[d];
        double[][] activity = new double[tasks][d];
        for (int i = 0; i < d; i++) {
            theta[i] = (rng.nextBoolean() ? 1 : -1) * rng.nextDouble(0.2, 1.5); // away from the kink at 0
            mask[i] = rng.nextDouble(0.1, 0.9);
            query[i] = rng.nextDouble(-1, 1);
            for (int t = 0; t < tasks; t++) {
                activity[t][i] = rng.nextDouble();
            }
        }
        // each term alone, then all: bound 1 keeps frugality active (the L1 norm is about 10)
        double[][] weights = {{0.7, 0, 0}, {0, 0.3, 0}, {0, 0, 0.2}, {0.7, 0.3, 0.2}};
        for (double[] w : weights) {
            StructureConstraint c = new StructureConstraint(w[0], w[1], w[2], 1.0, 2.0);
            double[] grad = new double[d];
            c.valueAndMaskGradient(theta, mask, activity, tasks, query, grad);
            double h = 1e-6;
            for (int i = 0; i < d; i++) {
                double[] up = mask.clone();
                double[] down = mask.clone();
                up[i] += h;
                down[i] -= h;
                double fd = (c.valueAndMaskGradient(theta, up, activity, tasks, query, new double[d])
                        - c.valueAndMaskGradient(theta, down, activity, tasks, query, new double[d])) / (2 * h);
                assertEquals(fd, grad[i], 1e-6 * (1 + Math.abs(fd)), "weights " + java.util.Arrays.toString(w) + ", entry " + i);
            }
        }
    }

    @Test
    void theThetaStepLeavesTheMaskAndTheMaskStepLeavesTheta() {
        Mlp net = new Mlp(1, 0, 6, 10);
        SinusoidTask[] tasks = new SinusoidTask[4];
        GaussianStream train = GaussianStream.forRun(1, "train");
        for (int t = 0; t < tasks.length; t++) {
            tasks[t] = new SinusoidTask(net, false, 10, 10);
            tasks[t].sample(train, 10, 10);
        }
        StructureConstraint c = new StructureConstraint(1e-3, 1e-3, 1e-3, 0, 1);
        // no mask rate: only theta moves
        NeuronMl thetaOnly = new NeuronMl(net.init(GaussianStream.forRun(1, "init")), 0.01, 1e-2, 0.0, 3.0, 1, true,
                false, true, c);
        double[] mask0 = thetaOnly.mask().clone();
        double[] raw0 = thetaOnly.rawTheta().clone();
        thetaOnly.step(tasks, tasks.length, true);
        assertArrayEquals(mask0, thetaOnly.mask());
        assertFalse(java.util.Arrays.equals(raw0, thetaOnly.rawTheta()));
        // no theta rate: only the mask moves
        NeuronMl maskOnly = new NeuronMl(net.init(GaussianStream.forRun(1, "init")), 0.01, 0.0, 1e-2, 3.0, 1, true,
                false, true, c);
        mask0 = maskOnly.mask().clone();
        raw0 = maskOnly.rawTheta().clone();
        maskOnly.step(tasks, tasks.length, true);
        assertArrayEquals(raw0, maskOnly.rawTheta());
        assertFalse(java.util.Arrays.equals(mask0, maskOnly.mask()));
        for (int i = 0; i < raw0.length; i++) {
            assertEquals(maskOnly.mask()[i] * maskOnly.rawTheta()[i], maskOnly.theta()[i], 0.0, "w = M theta");
        }
    }
}
