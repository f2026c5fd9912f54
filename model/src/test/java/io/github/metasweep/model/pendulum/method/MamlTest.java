package io.github.metasweep.model.pendulum.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.ForcedPendulum;
import io.github.metasweep.model.pendulum.env.InitialStates;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.pendulum.nn.PolicyValueLoss;
import io.github.metasweep.model.core.optim.Precision;
import io.github.metasweep.model.pendulum.nn.TrainingBatch;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.RunSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MamlTest {

    static ParamSet params(String method, Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return RunSpec.resolve("pendulum-transfer", method, "full", m, 0).params();
    }

    /** An episode of {@code steps} steps of a fixed nonzero policy, from seed {@code seed}'s first state. */
    static Episode episode(int steps, long seed, double amplitude) {
        ForcedPendulum env = new ForcedPendulum(amplitude);
        new InitialStates(seed).resetNext(env);
        return Episode.rollout(env, (th, thd) -> (float) Math.tanh(3 * th - thd), steps);
    }

    static TrainingBatch[] supportAndQuery(Episode e, ParamSet p) {
        TrainingBatch batch = BatchBuilder.build(e, LearnerSettings.of(p));
        SupportQuerySplit split = SupportQuerySplit.ofLabel(p.getString(Maml.SPLIT));
        return new TrainingBatch[] {batch.select(split.rows(batch.rows(), true)), batch.select(split.rows(batch.rows(), false))};
    }

    /** The second-order meta-gradient through 5 inner steps against central differences of the meta-objective. */
    @Test
    void metaGradientThroughFiveInnerStepsMatchesFiniteDifferences() {
        ParamSet p = params("maml", "hidden", 4, "precision", "float64", "inner_lr", 0.05, "target", "expert");
        MamlLearner maml = Maml.learner(p, 3, true);
        TrainingBatch[] sq = supportAndQuery(episode(24, 3, 1.8), p);
        double[] theta = maml.parameters();
        double[] analytic = maml.metaGradient(theta, sq[0], sq[1]);
        double h = 1e-6;
        double worst = 0;
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (maml.metaObjective(plus, sq[0], sq[1]) - maml.metaObjective(minus, sq[0], sq[1])) / (2 * h);
            double err = Math.abs(numeric - analytic[i]) / Math.max(1e-3, Math.abs(numeric));
            worst = Math.max(worst, err);
            assertEquals(numeric, analytic[i], 1e-5 * Math.max(1e-2, Math.abs(numeric)), "parameter " + i);
        }
        // and the second-order terms matter here: first order would not pass the same check
        MamlLearner first = Maml.learner(p, 3, false);
        double[] firstOrder = first.metaGradient(theta, sq[0], sq[1]);
        double gap = 0;
        for (int i = 0; i < theta.length; i++) {
            gap = Math.max(gap, Math.abs(firstOrder[i] - analytic[i]));
        }
        assertTrue(gap > 1e-4, "second-order correction is visible: " + gap + " (worst relative error " + worst + ")");
    }

    @Test
    void firstOrderUpdateIsTheQueryGradientAtTheAdaptedParameters() {
        ParamSet p = params("fomaml", "hidden", 8, "grad_clip", false);
        MamlLearner fomaml = Maml.learner(p, 2, false);
        Episode e = episode(40, 2, 1.0);
        TrainingBatch[] sq = supportAndQuery(e, p);
        double[] theta = fomaml.parameters();
        // the adapted parameters by hand: 5 plain SGD steps on the support loss, both networks
        PolicyValueLoss loss = new PolicyValueLoss(NetworkShape.plain(8), Precision.FLOAT32);
        double[] phi = theta.clone();
        for (int k = 0; k < 5; k++) {
            double[] g = loss.evaluate(phi, sq[0], 0, 0).gradient();
            for (int i = 0; i < phi.length; i++) {
                phi[i] = (float) (phi[i] - 0.01 * g[i]);
            }
        }
        double[] expected = loss.evaluate(phi, sq[1], 0, 0).gradient();
        assertArrayEquals(expected, fomaml.metaGradient(theta, sq[0], sq[1]), 0.0);
    }

    @Test
    void withZeroInnerStepsMamlUpdatesExactlyAsFinetuneOnTheQueryRows() {
        ParamSet mp = params("maml", "inner_steps", 0, "hidden", 16);
        MamlLearner maml = Maml.learner(mp, 5, true);
        PendulumAgent finetune = new Finetune().create(params("finetune", "hidden", 16), 5);
        Episode e = episode(200, 5, 1.0);
        int[] odd = SupportQuerySplit.EVEN_ODD.rows(200, false);
        Episode queryOnly = new Episode(odd.length, pick(e.statesBefore(), odd, 2), pick(e.statesAfter(), odd, 2),
                pick(e.actions(), odd, 1), pick(e.rewards(), odd, 1), e.episodeReturn());
        assertArrayEquals(((ReferenceLearner) finetune).parameters(), maml.parameters(), 0.0, "same initial weights");
        assertTrue(maml.learn(e, 0.0));
        assertTrue(finetune.learn(queryOnly, 0.0));
        assertArrayEquals(((ReferenceLearner) finetune).parameters(), maml.parameters(), 0.0);
    }

    static float[] pick(float[] values, int[] rows, int width) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    @Test
    void splitsPartitionTheRows() {
        assertArrayEquals(new int[] {0, 2, 4}, SupportQuerySplit.EVEN_ODD.rows(5, true));
        assertArrayEquals(new int[] {1, 3}, SupportQuerySplit.EVEN_ODD.rows(5, false));
        assertArrayEquals(new int[] {1, 3}, SupportQuerySplit.ODD_EVEN.rows(5, true));
        assertArrayEquals(new int[] {0, 1}, SupportQuerySplit.HALVES.rows(5, true));
        assertArrayEquals(new int[] {2, 3, 4}, SupportQuerySplit.HALVES.rows(5, false));
    }

    @Test
    void theActingPolicyIsThetaAdaptedOnThePreviousEpisodesSupport() {
        ParamSet p = params("maml", "hidden", 8);
        MamlLearner maml = Maml.learner(p, 1, true);
        Episode e = episode(60, 1, 1.0);
        assertTrue(maml.learn(e, 0.0));
        TrainingBatch support = supportAndQuery(e, p)[0];
        double[] adapted = maml.adapt(maml.parameters(), support);
        float expected = new io.github.metasweep.model.pendulum.nn.PolicySnapshot(NetworkShape.plain(8), adapted).act(0.3f, -0.2f);
        assertEquals(expected, maml.policyForEpisode().act(0.3f, -0.2f), 0f);
    }
}
