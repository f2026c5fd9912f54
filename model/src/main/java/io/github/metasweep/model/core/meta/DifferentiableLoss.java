package io.github.metasweep.model.core.meta;

/**
 * A twice-differentiable loss of a flat float64 parameter vector (e.g. one task's support or query loss
 * of a network): its value, its gradient, and an exact Hessian-vector product. The meta-learners of this
 * package see nothing else of a family, so any family that provides these three can use them.
 * Implementations may keep scratch buffers (one loss object is not thread-safe); they must not keep
 * references to the arrays passed in.
 */
public interface DifferentiableLoss {
    /** Length of the parameter vector. */
    int dim();

    /** The loss at {@code theta}. */
    double value(double[] theta);

    /** The loss at {@code theta}; overwrites {@code grad} with its gradient. */
    double valueAndGradient(double[] theta, double[] grad);

    /**
     * The loss at {@code theta}; overwrites {@code hv} with the exact product of its Hessian at {@code theta}
     * with {@code v} (no finite differences), and {@code grad} with its gradient unless {@code grad} is null
     * (callers that already have the gradient skip its cost).
     */
    double hessianVector(double[] theta, double[] v, double[] grad, double[] hv);
}
