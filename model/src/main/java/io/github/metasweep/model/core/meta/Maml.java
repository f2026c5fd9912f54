package io.github.metasweep.model.core.meta;

import io.github.metasweep.model.core.optim.Adam;

/**
 * MAML (Finn et al. 2017): Adam on the mean over the meta-batch of the query loss after {@code steps}
 * inner SGD steps; second order (exact Hessian-vector products through the inner steps) or first order
 * (FOMAML). With inner rates zero outside a context block and that block frozen at 0 for the outer
 * update, the same class is CAVIA (Zintgraf et al. 2019).
 */
public final class Maml extends LearnedInitialisation {
    private final int steps;
    private final boolean secondOrder;
    private final Adam adam;
    private final MetaGradient metaGradient;
    private final double[] grad;

    /**
     * @param theta      initial parameters (kept, mutated in place)
     * @param innerRates per-scalar inner rates (0 = not adapted)
     * @param outerRates per-scalar Adam rates (0 = frozen: CAVIA's context, always reset to its initial value)
     */
    public Maml(double[] theta, double[] innerRates, double[] outerRates, int steps, boolean secondOrder) {
        super(theta, innerRates.clone());
        this.steps = steps;
        this.secondOrder = secondOrder;
        this.adam = new Adam(outerRates);
        this.metaGradient = new MetaGradient(theta.length, steps);
        this.grad = new double[theta.length];
    }

    @Override
    public double step(MetaTask[] tasks, int count, boolean wantLoss) {
        java.util.Arrays.fill(grad, 0.0);
        double loss = 0;
        for (int t = 0; t < count; t++) {
            loss += metaGradient.accumulate(tasks[t], theta, innerRates, steps, secondOrder, grad, null);
        }
        double inv = 1.0 / count;
        loss *= inv;
        if (!AveragedAdamStep.apply(adam, theta, grad, inv, loss)) {
            diverged();
        }
        return loss;
    }
}
