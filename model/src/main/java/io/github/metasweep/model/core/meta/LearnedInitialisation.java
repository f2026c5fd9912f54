package io.github.metasweep.model.core.meta;

/**
 * What every meta-learner here owns: the initialisation it learns (mutated in place), the per-scalar inner
 * rates a family adapts with at test time, and whether everything stayed finite.
 */
abstract class LearnedInitialisation implements MetaLearner {
    protected final double[] theta;
    protected final double[] innerRates;
    private boolean finite = true;

    LearnedInitialisation(double[] theta, double[] innerRates) {
        this.theta = theta;
        this.innerRates = innerRates;
    }

    /** Records that a loss, gradient or update was NaN or infinite. */
    protected final void diverged() {
        finite = false;
    }

    @Override
    public final double[] theta() {
        return theta;
    }

    @Override
    public final double[] innerRates() {
        return innerRates;
    }

    @Override
    public final boolean finite() {
        return finite && InnerSgd.finite(theta) && InnerSgd.finite(innerRates);
    }
}
