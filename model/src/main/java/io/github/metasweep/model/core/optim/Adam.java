package io.github.metasweep.model.core.optim;

/**
 * Adam exactly as PyTorch's {@code torch.optim.Adam} (no weight decay, no amsgrad), with one
 * learning rate per scalar (from its parameter group). State is float64.
 */
public final class Adam {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private final double[] learningRates;
    private final double[] firstMoment;
    private final double[] secondMoment;
    private int steps;

    public Adam(double[] learningRates) {
        this.learningRates = learningRates.clone();
        this.firstMoment = new double[learningRates.length];
        this.secondMoment = new double[learningRates.length];
    }


    /** One step: mutates {@code params} in place from {@code grad} (which is not changed). */
    public void step(double[] params, double[] grad) {
        steps++;
        double bias1 = 1.0 - Math.pow(BETA1, steps);
        double sqrtBias2 = Math.sqrt(1.0 - Math.pow(BETA2, steps));
        for (int i = 0; i < params.length; i++) {
            double g = grad[i];
            double m = BETA1 * firstMoment[i] + (1.0 - BETA1) * g;
            double v = BETA2 * secondMoment[i] + (1.0 - BETA2) * g * g;
            firstMoment[i] = m;
            secondMoment[i] = v;
            double denom = Math.sqrt(v) / sqrtBias2 + EPS;
            params[i] -= (learningRates[i] / bias1) * m / denom;
        }
    }

    public int steps() {
        return steps;
    }
}
