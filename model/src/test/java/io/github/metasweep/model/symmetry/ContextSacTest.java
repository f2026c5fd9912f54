package io.github.metasweep.model.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.FiniteDifferences;
import io.github.metasweep.model.core.GaussianStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The context-SAC baseline's parts: the encoder's InfoNCE gradient against finite differences, InfoNCE in closed
 * form where the codes are known, and the encoder learning to tell the training goals apart.
 */
class ContextSacTest {
    private static List<double[]> randomContext(GaussianStream r, int n, double[] goal) {
        List<double[]> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] s = {0.5 * r.nextGaussian(), 0.5 * r.nextGaussian()};
            double[] a = {r.uniform(-1, 1), r.uniform(-1, 1)};
            double[] next = {s[0] + 0.1 * a[0], s[1] + 0.1 * a[1]};
            c.add(TransitionEncoder.features(s, a, PointNav.reward(next, goal), next));
        }
        return c;
    }

    /** The first n transitions of an episode under uniformly random actions: the context the agent has at test. */
    private static List<double[]> episodeStart(GaussianStream r, int n, double[] goal) {
        List<double[]> c = new ArrayList<>();
        double[] s = {PointNav.NOISE * r.nextGaussian(), PointNav.NOISE * r.nextGaussian()};
        for (int i = 0; i < n; i++) {
            double[] a = {r.uniform(-1, 1), r.uniform(-1, 1)};
            double[] next = PointNav.step(s, TaskPolicyTraining.scaled(a), new double[] {r.nextGaussian(),
                    r.nextGaussian()});
            c.add(TransitionEncoder.features(s, a, PointNav.reward(next, goal), next));
            s = next;
        }
        return c;
    }

    @Test
    void infoNceGradientMatchesFiniteDifferences() {
        TransitionEncoder encoder = new TransitionEncoder(6, 2, 1e-3, 0.5, GaussianStream.forRun(1, "encoder"));
        GaussianStream r = GaussianStream.forRun(1, "contexts");
        List<List<double[]>> first = new ArrayList<>();
        List<List<double[]>> second = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double[] goal = {Math.cos(k), Math.sin(k)};
            first.add(randomContext(r, 1 + k, goal));
            second.add(randomContext(r, 3, goal));
        }
        double[] grad = new double[encoder.params.length];
        encoder.infoNceAndGradient(first, second, grad);
        double norm = FiniteDifferences.assertGradient(encoder.params, grad,
                () -> encoder.infoNceAndGradient(first, second, new double[grad.length]), 1e-6, 1e-6, "encoder");
        assertTrue(norm > 1e-10, "the loss depends on the encoder");
    }

    /** Two tasks whose two contexts are the same: the loss is log(1 + e^{(c - 1)/T}), c the codes' cosine. */
    @Test
    void infoNceOfTwoTasksInClosedForm() {
        TransitionEncoder encoder = new TransitionEncoder(6, 2, 1e-3, 0.5, GaussianStream.forRun(2, "encoder"));
        GaussianStream r = GaussianStream.forRun(2, "contexts");
        List<double[]> a = randomContext(r, 4, new double[] {1, 0});
        List<double[]> b = randomContext(r, 4, new double[] {0, 1});
        double c = TransitionEncoder.cosine(encoder.encode(a), encoder.encode(b));
        double loss = encoder.infoNceAndGradient(List.of(a, b), List.of(a, b), new double[encoder.params.length]);
        assertEquals(Math.log(1 + Math.exp((c - 1) / 0.5)), loss, 1e-12);
    }

    /**
     * A short training teaches the encoder to tell the four training goals apart on its own training contexts
     * (whole episode prefixes): InfoNCE over its last 500 steps is clearly below its first 500 and below chance
     * (log 4; with cosine similarity at temperature 1 its floor is about 0.63, four codes at right angles).
     */
    @Test
    void trainingSeparatesTheTrainingGoals() {
        double[][] goals = new double[4][];
        for (int i = 0; i < 4; i++) {
            goals[i] = new double[] {Math.cos(i * Math.PI / 6), Math.sin(i * Math.PI / 6)};
        }
        ContextSacTraining.Trained trained = ContextSacTraining.train(goals, 3,
                new SoftActorCritic.Settings(8, 1e-3, 0.99, 0.005, 16),
                new ContextSacTraining.EncoderSettings(16, 2, 3e-3, 1.0, 100), 2000, 100, 1);
        double[] loss = trained.infoNce();
        double first = java.util.Arrays.stream(loss, 0, 500).average().orElseThrow();
        double last = java.util.Arrays.stream(loss, loss.length - 500, loss.length).average().orElseThrow();
        assertTrue(last < first - 0.1 && last < Math.log(4) - 0.1, "InfoNCE " + first + " -> " + last);
    }

    /** At test time the code conditioning the policy is the encoder's code of exactly the episode's transitions. */
    @Test
    void theControllerEncodesTheEpisodeSoFar() {
        double[][] goals = {{1, 0}, {0, 1}};
        ContextSacTraining.Trained trained = ContextSacTraining.train(goals, 4,
                new SoftActorCritic.Settings(8, 1e-3, 0.99, 0.005, 16),
                new ContextSacTraining.EncoderSettings(8, 2, 3e-3, 1.0, 3), 300, 50, 1);
        ContextController controller = new ContextController(trained, 1, 3, GaussianStream.forRun(4, "probe"));
        double[] goal = {Math.cos(2.0), Math.sin(2.0)};
        GaussianStream noise = GaussianStream.forRun(4, "noise");
        List<double[]> seen = new ArrayList<>();
        double[] p = {0.01, -0.02};
        for (int t = 0; t < 6; t++) {
            double[] a = controller.action(p);
            if (t > 0) { // after the probing step: the policy at the code of the (at most 3) transitions seen
                double[] expected = trained.action(p, trained.encoder().encode(seen));
                assertEquals(expected[0], a[0], 0.0);
                assertEquals(expected[1], a[1], 0.0);
            }
            double[] next = PointNav.step(p, a, new double[] {noise.nextGaussian(), noise.nextGaussian()});
            double r = PointNav.reward(next, goal);
            controller.observe(next, r);
            if (seen.size() < 3) {
                seen.add(TransitionEncoder.features(p, new double[] {a[0] / 0.1, a[1] / 0.1}, r, next));
            }
            p = next;
        }
    }

    /** Probing ends after probe_steps steps even when the context keeps fewer transitions than that. */
    @Test
    void probingEndsWhenTheContextIsShorterThanIt() {
        ContextSacTraining.Trained trained = ContextSacTraining.train(new double[][] {{1, 0}, {0, 1}}, 5,
                new SoftActorCritic.Settings(8, 1e-3, 0.99, 0.005, 16),
                new ContextSacTraining.EncoderSettings(8, 2, 3e-3, 1.0, 1), 200, 50, 1);
        ContextController controller = new ContextController(trained, 3, 1, GaussianStream.forRun(5, "probe"));
        double[] goal = {0.0, 1.0};
        GaussianStream noise = GaussianStream.forRun(5, "noise");
        List<double[]> first = new ArrayList<>();
        double[] p = {0.0, 0.0};
        for (int t = 0; t < 5; t++) {
            double[] a = controller.action(p);
            if (t >= 3) { // the policy at the code of the one transition kept
                double[] expected = trained.action(p, trained.encoder().encode(first));
                assertEquals(expected[0], a[0], 0.0, "step " + t);
                assertEquals(expected[1], a[1], 0.0, "step " + t);
            }
            double[] next = PointNav.step(p, a, new double[] {noise.nextGaussian(), noise.nextGaussian()});
            double r = PointNav.reward(next, goal);
            controller.observe(next, r);
            if (first.isEmpty()) {
                first.add(TransitionEncoder.features(p, new double[] {a[0] / 0.1, a[1] / 0.1}, r, next));
            }
            p = next;
        }
    }
}
