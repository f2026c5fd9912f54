package io.github.metasweep.model.core.meta;

/**
 * The inner loop every learner here shares: plain SGD with one learning rate per scalar,
 * {@code theta <- theta - lr (.) grad L(theta)}. A zero rate freezes a scalar (CAVIA adapts only its
 * context this way); per-scalar rates are Meta-SGD's learned ones, or all equal for MAML.
 */
public final class InnerSgd {
    private InnerSgd() {
    }

    /** {@code steps} SGD steps on {@code loss}, in place on {@code theta}; {@code grad} is scratch. */
    public static void adapt(DifferentiableLoss loss, double[] theta, double[] lr, int steps, double[] grad) {
        for (int s = 0; s < steps; s++) {
            loss.valueAndGradient(theta, grad);
            step(theta, lr, grad);
        }
    }

    public static void step(double[] theta, double[] lr, double[] grad) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= lr[i] * grad[i];
        }
    }

    /** A vector of {@code n} equal rates. */
    public static double[] uniform(int n, double lr) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, lr);
        return r;
    }

    /** True when every entry is finite. */
    public static boolean finite(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * 0.0;
        }
        return s == 0.0;
    }
}
