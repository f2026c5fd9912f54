package io.github.metasweep.model.core.optim;

/** PyTorch's {@code clip_grad_norm_}: global L2 norm over all parameters. */
public final class GradientClipping {
    private GradientClipping() {
    }

    public static double norm(double[] grad) {
        double sum = 0.0;
        for (double g : grad) {
            sum += g * g;
        }
        return Math.sqrt(sum);
    }

    /** Scales {@code grad} in place by min(1, max/(norm+1e-6)); returns the norm before clipping. */
    public static double clipGlobalNorm(double[] grad, double maxNorm) {
        double norm = norm(grad);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1.0) {
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= coef;
            }
        }
        return norm;
    }
}
