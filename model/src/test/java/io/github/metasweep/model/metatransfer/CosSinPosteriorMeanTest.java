package io.github.metasweep.model.metatransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunStatus;
import org.junit.jupiter.api.Test;

/** The bayes-optimal control against closed forms, an independent integration and the least-squares fit it must beat. */
class CosSinPosteriorMeanTest {

    private static double mse(TaskModel model, TransferTask task) {
        double[] pred = new double[task.queryCount()];
        model.predict(new double[0], task, pred);
        return TransferBenchmark.mse(pred, task.queryY);
    }

    @Test
    void withoutNoiseTheSupportFixesTheTask() {
        GaussianStream s = GaussianStream.forRun(5, "t");
        CosSinPosteriorMean model = new CosSinPosteriorMean(0.0);
        for (int t = 0; t < 50; t++) {
            assertEquals(0.0, mse(model, CosSinTask.sampleOnGrid(s, 10, 0.0, CosSinTask.grid(100))), 1e-20);
        }
    }

    @Test
    void underOverwhelmingNoiseItPredictsThePriorMeanZero() {
        TransferTask task = CosSinTask.sampleOnGrid(GaussianStream.forRun(6, "t"), 10, 1e6, CosSinTask.grid(100));
        double[] ab = new CosSinPosteriorMean(1e6).posteriorMean(task.supportX, task.supportY);
        // the prior of (alpha, beta) is symmetric about 0, and the likelihood tilts it by about 1e-5
        assertEquals(0.0, ab[0], 1e-4);
        assertEquals(0.0, ab[1], 1e-4);
    }

    /** The posterior mean by brute force: each point's squared error summed over the support, on a finer grid. */
    private static double[] bruteForce(double[] x, double[] y, double sigma, int na, int nb) {
        double[] logw = new double[na * nb];
        double most = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < nb; j++) {
            for (int i = 0; i < na; i++) {
                double a = 0.1 + (i + 0.5) * 4.9 / na;
                double b = -Math.PI + (j + 0.5) * 2 * Math.PI / nb;
                double e = 0;
                for (int k = 0; k < x.length; k++) {
                    double r = y[k] - a * Math.cos(x[k] + b);
                    e += r * r;
                }
                logw[j * na + i] = -e / (2 * sigma * sigma);
                most = Math.max(most, logw[j * na + i]);
            }
        }
        double w = 0, alpha = 0, beta = 0;
        for (int j = 0; j < nb; j++) {
            for (int i = 0; i < na; i++) {
                double a = 0.1 + (i + 0.5) * 4.9 / na;
                double b = -Math.PI + (j + 0.5) * 2 * Math.PI / nb;
                double v = Math.exp(logw[j * na + i] - most);
                w += v;
                alpha += v * a * Math.cos(b);
                beta += v * a * Math.sin(b);
            }
        }
        return new double[] {alpha / w, beta / w};
    }

    @Test
    void agreesWithABruteForceIntegrationOnAFinerGrid() {
        for (double sigma : new double[] {0.5, 1.5}) {
            GaussianStream s = GaussianStream.forRun(7, "t");
            for (int t = 0; t < 3; t++) {
                TransferTask task = CosSinTask.sample(s, 10, sigma, 5);
                double[] ours = new CosSinPosteriorMean(sigma).posteriorMean(task.supportX, task.supportY);
                double[] brute = bruteForce(task.supportX, task.supportY, sigma, 1000, 1800);
                assertEquals(brute[0], ours[0], 2e-3, "sigma " + sigma);
                assertEquals(brute[1], ours[1], 2e-3, "sigma " + sigma);
            }
        }
    }

    /** The least-squares fit of (alpha, beta): the maximum-likelihood predictor, which ignores the prior. */
    private static double leastSquaresMse(TransferTask task) {
        return mse(new CosSinPosteriorMean(0.0), task);
    }

    @Test
    void beatsTheMaximumLikelihoodFitOnTasksFromThePrior() {
        GaussianStream s = GaussianStream.forRun(8, "t");
        CosSinPosteriorMean model = new CosSinPosteriorMean(1.5);
        double bayes = 0;
        double ml = 0;
        int n = 300;
        for (int t = 0; t < n; t++) {
            TransferTask task = CosSinTask.sampleOnGrid(s, 10, 1.5, CosSinTask.grid(100));
            bayes += mse(model, task) / n;
            ml += leastSquaresMse(task) / n;
        }
        assertTrue(bayes < ml, "posterior mean " + bayes + " against least squares " + ml);
        assertTrue(bayes < CosSinTask.ZERO_MSE, "the support carries information: " + bayes);
    }

    @Test
    void aRunTrainsNothingAndScoresTheFloor() {
        RunResult r = CosSinProtocolTest.run("bayes-optimal", 3, "noise_sigma", 1.0, "eval_tasks", 50);
        assertEquals(RunStatus.OK, r.status());
        assertTrue(r.curves().isEmpty(), "no training curve");
        RunResult zero = CosSinProtocolTest.run("zero", 3, "noise_sigma", 1.0, "eval_tasks", 50);
        assertTrue(r.metric("query_mse") < 0.2 * zero.metric("query_mse"), "" + r.metric("query_mse"));
    }
}
