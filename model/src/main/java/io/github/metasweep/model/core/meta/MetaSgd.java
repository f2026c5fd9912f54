package io.github.metasweep.model.core.meta;

import io.github.metasweep.model.core.optim.Adam;

/**
 * Meta-SGD (Li et al. 2017): MAML (second order) with one learned inner rate per scalar, meta-learned
 * with Adam together with the initialisation (each with its own Adam state, same outer rate).
 */
public final class MetaSgd implements MetaLearner {
    private final double[] theta;
    private final double[] rates;
    private final int steps;
    private final Adam adamTheta;
    private final Adam adamRates;
    private final MetaGradient metaGradient;
    private final double[] gTheta;
    private final double[] gRates;
    private boolean finite = true;

    public MetaSgd(double[] theta, double initialRate, double outerLr, int steps) {
        this.theta = theta;
        this.rates = InnerSgd.uniform(theta.length, initialRate);
        this.steps = steps;
        this.adamTheta = new Adam(InnerSgd.uniform(theta.length, outerLr));
        this.adamRates = new Adam(InnerSgd.uniform(theta.length, outerLr));
        this.metaGradient = new MetaGradient(theta.length, steps);
        this.gTheta = new double[theta.length];
        this.gRates = new double[theta.length];
    }

    @Override
    public double step(MetaTask[] tasks, int count, boolean wantLoss) {
        java.util.Arrays.fill(gTheta, 0.0);
        java.util.Arrays.fill(gRates, 0.0);
        double loss = 0;
        for (int t = 0; t < count; t++) {
            loss += metaGradient.accumulate(tasks[t], theta, rates, steps, true, gTheta, gRates);
        }
        double inv = 1.0 / count;
        for (int i = 0; i < gTheta.length; i++) {
            gTheta[i] *= inv;
            gRates[i] *= inv;
        }
        loss *= inv;
        if (!Double.isFinite(loss) || !InnerSgd.finite(gTheta) || !InnerSgd.finite(gRates)) {
            finite = false;
            return loss;
        }
        adamTheta.step(theta, gTheta);
        adamRates.step(rates, gRates);
        return loss;
    }

    @Override
    public double[] theta() {
        return theta;
    }

    @Override
    public double[] innerRates() {
        return rates;
    }

    @Override
    public boolean finite() {
        return finite && InnerSgd.finite(theta) && InnerSgd.finite(rates);
    }
}
