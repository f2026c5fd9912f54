package io.github.metasweep.model.core.meta;

import io.github.metasweep.model.core.optim.Adam;

/**
 * The non-meta control: one Adam step per meta-iteration on the mean over the meta-batch of
 * (support loss + query loss)/2, i.e. the pooled loss of all the batch's points when support and query
 * have equal sizes. Adapts at test time with the given rates like MAML.
 */
public final class JointTraining extends LearnedInitialisation {
    private final Adam adam;
    private final double[] grad;
    private final double[] g;

    public JointTraining(double[] theta, double outerLr, double[] testRates) {
        super(theta, testRates.clone());
        this.adam = new Adam(InnerSgd.uniform(theta.length, outerLr));
        this.grad = new double[theta.length];
        this.g = new double[theta.length];
    }

    @Override
    public double step(MetaTask[] tasks, int count, boolean wantLoss) {
        java.util.Arrays.fill(grad, 0.0);
        double loss = 0;
        for (int t = 0; t < count; t++) {
            loss += tasks[t].support().valueAndGradient(theta, g);
            for (int i = 0; i < g.length; i++) {
                grad[i] += g[i];
            }
            loss += tasks[t].query().valueAndGradient(theta, g);
            for (int i = 0; i < g.length; i++) {
                grad[i] += g[i];
            }
        }
        double inv = 0.5 / count;
        loss *= inv;
        if (!AveragedAdamStep.apply(adam, theta, grad, inv, loss)) {
            diverged();
        }
        return loss;
    }
}
