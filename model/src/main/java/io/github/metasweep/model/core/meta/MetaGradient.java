package io.github.metasweep.model.core.meta;

/**
 * The meta-gradient of one task's query loss after {@code k} inner SGD steps,
 * {@code L_q(theta_k)} with {@code theta_{j+1} = theta_j - lr (.) grad L_s(theta_j)}, with respect to the
 * initial parameters {@code theta_0} and (for Meta-SGD) the per-scalar rates {@code lr}.
 *
 * <p>Backward through the steps: with {@code g = dL/dtheta_{j+1}},
 * {@code dL/dtheta_j = g - H_s(theta_j) (lr (.) g)} (second order, exact Hessian-vector products; the Hessian
 * is symmetric) or {@code g} (first order, FOMAML), and {@code dL/dlr += -g (.) grad L_s(theta_j)}.
 * All buffers are preallocated for at most {@code maxSteps} steps: no allocation per call.
 */
public final class MetaGradient {
    private final int dim;
    private final double[][] thetas;
    private final double[][] supportGrads;
    private final double[] g;
    private final double[] v;
    private final double[] hv;

    public MetaGradient(int dim, int maxSteps) {
        this.dim = dim;
        this.thetas = new double[maxSteps + 1][dim];
        this.supportGrads = new double[maxSteps][dim];
        this.g = new double[dim];
        this.v = new double[dim];
        this.hv = new double[dim];
    }

    public int dim() {
        return dim;
    }

    /**
     * Adds the meta-gradient of {@code task} to {@code gTheta} (and to {@code gLr} when not null);
     * returns the query loss after the inner steps.
     */
    public double accumulate(MetaTask task, double[] theta0, double[] lr, int steps, boolean secondOrder,
                             double[] gTheta, double[] gLr) {
        if (steps > supportGrads.length) {
            throw new IllegalArgumentException(steps + " inner steps, buffers for " + supportGrads.length);
        }
        DifferentiableLoss support = task.support();
        System.arraycopy(theta0, 0, thetas[0], 0, dim);
        for (int j = 0; j < steps; j++) {
            double[] t = thetas[j];
            double[] s = supportGrads[j];
            double[] next = thetas[j + 1];
            support.valueAndGradient(t, s);
            for (int i = 0; i < dim; i++) {
                next[i] = t[i] - lr[i] * s[i];
            }
        }
        double q = task.query().valueAndGradient(thetas[steps], g);
        for (int j = steps - 1; j >= 0; j--) {
            if (gLr != null) {
                double[] s = supportGrads[j];
                for (int i = 0; i < dim; i++) {
                    gLr[i] -= g[i] * s[i];
                }
            }
            if (secondOrder) {
                for (int i = 0; i < dim; i++) {
                    v[i] = lr[i] * g[i];
                }
                support.hessianVector(thetas[j], v, null, hv);
                for (int i = 0; i < dim; i++) {
                    g[i] -= hv[i];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            gTheta[i] += g[i];
        }
        return q;
    }

    /** The support gradient at inner step {@code j} of the last {@link #accumulate} call (a view, not a copy). */
    public double[] supportGradient(int j) {
        return supportGrads[j];
    }

    /** The parameters after the inner steps of the last {@link #accumulate} call (a view, not a copy). */
    public double[] adapted(int steps) {
        return thetas[steps];
    }
}
