package io.github.metasweep.model.core.meta;

import io.github.metasweep.model.core.optim.Adam;

/** The outer step shared by the Adam meta-learners: average a summed gradient, refuse a non-finite one, step. */
final class AveragedAdamStep {
    private AveragedAdamStep() {
    }

    /**
     * Scales {@code gradSum} in place by {@code scale} (1 / tasks) and takes one Adam step on {@code theta};
     * false, changing nothing, when {@code loss} or the gradient is not finite.
     */
    static boolean apply(Adam adam, double[] theta, double[] gradSum, double scale, double loss) {
        for (int i = 0; i < gradSum.length; i++) {
            gradSum[i] *= scale;
        }
        if (!Double.isFinite(loss) || !InnerSgd.finite(gradSum)) {
            return false;
        }
        adam.step(theta, gradSum);
        return true;
    }
}
