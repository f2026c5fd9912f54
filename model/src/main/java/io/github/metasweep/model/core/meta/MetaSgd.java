package io.github.metasweep.model.core.meta;

import io.github.metasweep.model.core.optim.Adam;

/**
 * Meta-SGD (Li et al. 2017): MAML (second order) with one learned inner rate per scalar, meta-learned
 * with Adam together with the initialisation (each with its own Adam state, same outer rate).
 */
public final class MetaSgd extends LearnedInitialisation {
    private final int steps;
    private final Adam adamTheta;
    private final Adam adamRates;
    private final MetaGradient metaGradient;
    private final double[] gTheta;
    private final double[] gRates;

    public MetaSgd(double[] theta, double initialRate, double outerLr, int steps) {
        super(theta, InnerSgd.uniform(theta.length, initialRate));
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
            loss += metaGradient.accumulate(tasks[t], theta, innerRates, steps, true, gTheta, gRates);
        }
        double inv = 1.0 / count;
        for (int i = 0; i < gTheta.length; i++) {
            gTheta[i] *= inv;
            gRates[i] *= inv;
        }
        loss *= inv;
        if (!Double.isFinite(loss) || !InnerSgd.finite(gTheta) || !InnerSgd.finite(gRates)) {
            diverged();
            return loss;
        }
        adamTheta.step(theta, gTheta);
        adamRates.step(innerRates, gRates);
        return loss;
    }
}
