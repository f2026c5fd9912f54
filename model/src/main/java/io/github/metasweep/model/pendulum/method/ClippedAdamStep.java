package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.optim.Adam;
import io.github.metasweep.model.core.optim.GradientClipping;

/**
 * The outer update shared by the learners (protocol section 3): optional global-norm clipping of
 * the gradient, one Adam step on a copy of the parameters, rounding to the run's precision.
 */
final class ClippedAdamStep {
    private final Adam adam;
    private final LearnerSettings settings;

    ClippedAdamStep(Adam adam, LearnerSettings settings) {
        this.adam = adam;
        this.settings = settings;
    }

    /** The parameters after one step ({@code grad} is clipped in place); null if any turns non-finite. */
    double[] apply(double[] params, double[] grad) {
        if (settings.gradClip()) {
            GradientClipping.clipGlobalNorm(grad, settings.maxGradNorm());
        }
        double[] next = params.clone();
        adam.step(next, grad);
        settings.precision().roundAll(next);
        for (double v : next) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return next;
    }
}
