package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.nn.Mlp;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.meta.MetaTask;

/**
 * One regression task y = A sin(x - phi), A ~ U[0.1, 5.0], phi ~ U[0, pi], x ~ U[-5, 5], with its support
 * and query points. Refilled in place from a stream (draw order: A, phi, the support x, the query x), so a
 * meta-batch allocates nothing per iteration. With {@code oracle} the features of a point are (x, A, phi).
 */
public final class SinusoidTask implements MetaTask {
    public static final double A_MIN = 0.1;
    public static final double A_MAX = 5.0;
    public static final double X_MIN = -5.0;
    public static final double X_MAX = 5.0;
    /** E[A^2]/2 = (5^3 - 0.1^3) / (3 * 4.9) / 2: the expected MSE of predicting 0. */
    public static final double ZERO_MSE = (A_MAX * A_MAX * A_MAX - A_MIN * A_MIN * A_MIN) / (3 * (A_MAX - A_MIN)) / 2;

    private final boolean oracle;
    private final int features;
    private final RegressionLoss support;
    private final RegressionLoss query;
    double amplitude;
    double phase;

    public SinusoidTask(Mlp net, boolean oracle, int supportCapacity, int queryCapacity) {
        this.oracle = oracle;
        this.features = oracle ? 3 : 1;
        if (net.inputs() != features) {
            throw new IllegalArgumentException("network takes " + net.inputs() + " inputs, task gives " + features);
        }
        this.support = new RegressionLoss(net, supportCapacity);
        this.query = new RegressionLoss(net, queryCapacity);
    }

    public static double truth(double amplitude, double phase, double x) {
        return amplitude * Math.sin(x - phase);
    }

    /** Draws a new task with {@code k} random support points and {@code kQuery} random query points. */
    public void sample(GaussianStream random, int k, int kQuery) {
        amplitude = random.uniform(A_MIN, A_MAX);
        phase = random.uniform(0.0, Math.PI);
        fillRandom(random, support, k);
        fillRandom(random, query, kQuery);
    }

    /** Draws a new task with {@code k} random support points and the given query x (e.g. the evaluation grid). */
    public void sample(GaussianStream random, int k, double[] queryX) {
        amplitude = random.uniform(A_MIN, A_MAX);
        phase = random.uniform(0.0, Math.PI);
        fillRandom(random, support, k);
        for (int p = 0; p < queryX.length; p++) {
            put(query, p, queryX[p]);
        }
        query.n = queryX.length;
    }

    private void fillRandom(GaussianStream random, RegressionLoss set, int n) {
        for (int p = 0; p < n; p++) {
            put(set, p, random.uniform(X_MIN, X_MAX));
        }
        set.n = n;
    }

    private void put(RegressionLoss set, int p, double x) {
        set.x[p * features] = x;
        if (oracle) {
            set.x[p * features + 1] = amplitude;
            set.x[p * features + 2] = phase;
        }
        set.y[p] = truth(amplitude, phase, x);
    }

    public double amplitude() {
        return amplitude;
    }

    public double phase() {
        return phase;
    }

    /** The x of support point {@code p}. */
    public double supportX(int p) {
        return support.x[p * features];
    }

    public double supportY(int p) {
        return support.y[p];
    }

    @Override
    public RegressionLoss support() {
        return support;
    }

    @Override
    public RegressionLoss query() {
        return query;
    }
}
