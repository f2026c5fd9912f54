package io.github.metasweep.model.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.FiniteDifferences;
import io.github.metasweep.model.core.GaussianStream;
import org.junit.jupiter.api.Test;

/**
 * The soft actor-critic's losses against independent computations: each gradient against central finite
 * differences of its loss, the log-density of a squashed sample against the change-of-variables formula computed
 * here, and a short training on the point-navigation task that must beat the random policy.
 */
class SoftActorCriticTest {
    private static final SoftActorCritic.Settings SMALL = new SoftActorCritic.Settings(8, 3e-4, 0.99, 0.005, 16);

    private static double[][] gaussians(GaussianStream r, int n, int m, double scale) {
        double[][] x = new double[n][m];
        for (double[] row : x) {
            for (int j = 0; j < m; j++) {
                row[j] = scale * r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void actorGradientMatchesFiniteDifferences() {
        SoftActorCritic sac = new SoftActorCritic(2, 2, SMALL, GaussianStream.forRun(1, "init"));
        GaussianStream r = GaussianStream.forRun(1, "data");
        double[][] s = gaussians(r, 6, 2, 1.0);
        double[][] eps = gaussians(r, 6, 2, 1.0);
        double alpha = 0.7;
        double[] grad = new double[sac.actorParams.length];
        sac.actorLossAndGradient(s, eps, alpha, grad);
        double norm = FiniteDifferences.assertGradient(sac.actorParams, grad,
                () -> sac.actorLossAndGradient(s, eps, alpha, new double[grad.length]), 1e-6, 1e-6, "actor");
        assertTrue(norm > 1e-8, "the actor's loss depends on its parameters");
    }

    @Test
    void criticGradientMatchesFiniteDifferences() {
        SoftActorCritic sac = new SoftActorCritic(2, 2, SMALL, GaussianStream.forRun(2, "init"));
        GaussianStream r = GaussianStream.forRun(2, "data");
        double[][] s = gaussians(r, 5, 2, 1.0);
        double[][] a = gaussians(r, 5, 2, 0.5);
        double[] y = gaussians(r, 1, 5, 1.0)[0];
        double[] grad = new double[sac.criticParams.length];
        sac.criticLossAndGradient(s, a, y, grad);
        FiniteDifferences.assertGradient(sac.criticParams, grad,
                () -> sac.criticLossAndGradient(s, a, y, new double[grad.length]), 1e-6, 1e-6, "critic");
    }

    /**
     * With the critics' output weights and biases zeroed (Q = 0 everywhere) and gamma 0.5, a target is
     * {@code r + 0.5 (1 - done)(-alpha log pi(a'|s'))}; log pi computed here from the actor's mean and log sigma
     * by the change of variables of a = tanh(u), u ~ N(mu, sigma^2).
     */
    @Test
    void targetsUseTheSquashedLogDensity() {
        SoftActorCritic.Settings settings = new SoftActorCritic.Settings(8, 3e-4, 0.5, 0.005, 16);
        SoftActorCritic sac = new SoftActorCritic(2, 2, settings, GaussianStream.forRun(3, "init"));
        java.util.Arrays.fill(sac.targetParams, 0.0);
        GaussianStream r = GaussianStream.forRun(3, "data");
        double[][] next = gaussians(r, 3, 2, 1.0);
        double[][] eps = gaussians(r, 3, 2, 1.0);
        double[] reward = {-1.0, -0.5, -2.0};
        double[] done = {0, 1, 0};
        double alpha = 0.3;
        double[] y = sac.targets(next, reward, done, eps, alpha);
        io.github.metasweep.model.core.nn.DenseNet actor = new io.github.metasweep.model.core.nn.DenseNet(2, 8, 8, 4);
        actor.load(sac.actorParams, 0);
        for (int i = 0; i < 3; i++) {
            double[] out = actor.forward(next[i], null, actor.newPass());
            double logPi = 0;
            for (int j = 0; j < 2; j++) {
                double sigma = Math.exp(Math.max(-20, Math.min(2, out[2 + j])));
                double u = out[j] + sigma * eps[i][j];
                double normal = -0.5 * Math.pow((u - out[j]) / sigma, 2) - Math.log(sigma * Math.sqrt(2 * Math.PI));
                logPi += normal - Math.log(1 - Math.pow(Math.tanh(u), 2) + 1e-6);
            }
            assertEquals(reward[i] + 0.5 * (1 - done[i]) * (-alpha * logPi), y[i], 1e-12, "target " + i);
        }
    }

    /** 3,000 steps of training to a goal at distance 1 already move straight-ish to it: far better than random. */
    @Test
    void shortTrainingBeatsTheRandomPolicy() {
        double[] goal = {0.0, 1.0};
        SoftActorCritic.Settings settings = new SoftActorCritic.Settings(32, 1e-3, 0.99, 0.005, 64);
        TaskPolicyTraining.Trained trained = TaskPolicyTraining.train(goal, 4, 0, settings, 3_000, 100);
        GaussianStream random = GaussianStream.forRun(4, "random");
        double learnt = 0;
        double uniform = 0;
        for (int e = 0; e < 20; e++) {
            learnt += PointNavigation.episode(trained.policy(), goal, GaussianStream.forRun(4, "eval-" + e)).ret() / 20;
            uniform += PointNavigation.episode(s -> new double[] {random.uniform(-0.1, 0.1), random.uniform(-0.1, 0.1)},
                    goal, GaussianStream.forRun(4, "eval-" + e)).ret() / 20;
        }
        assertTrue(learnt > uniform / 2, "learnt " + learnt + " vs random " + uniform);
    }
}
