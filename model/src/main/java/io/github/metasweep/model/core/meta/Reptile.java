package io.github.metasweep.model.core.meta;

/**
 * Reptile (Nichol et al. 2018), batched version: for each task of the meta-batch, {@code steps} plain SGD
 * steps on its support loss from theta give W; then {@code theta += epsilon * mean(W - theta)}. The query
 * loss at W is evaluated only when asked (it plays no part in the update).
 */
public final class Reptile extends LearnedInitialisation {
    private final double[] trainRates;
    private final int steps;
    private final double epsilon;
    private final double[] w;
    private final double[] delta;
    private final double[] grad;

    public Reptile(double[] theta, double trainRate, int steps, double epsilon, double testRate) {
        super(theta, InnerSgd.uniform(theta.length, testRate));
        this.trainRates = InnerSgd.uniform(theta.length, trainRate);
        this.steps = steps;
        this.epsilon = epsilon;
        this.w = new double[theta.length];
        this.delta = new double[theta.length];
        this.grad = new double[theta.length];
    }

    @Override
    public double step(MetaTask[] tasks, int count, boolean wantLoss) {
        java.util.Arrays.fill(delta, 0.0);
        double loss = 0;
        for (int t = 0; t < count; t++) {
            System.arraycopy(theta, 0, w, 0, theta.length);
            InnerSgd.adapt(tasks[t].support(), w, trainRates, steps, grad);
            for (int i = 0; i < w.length; i++) {
                delta[i] += w[i] - theta[i];
            }
            if (wantLoss) {
                loss += tasks[t].query().value(w);
            }
        }
        if (!InnerSgd.finite(delta)) {
            diverged();
            return Double.NaN;
        }
        double scale = epsilon / count;
        for (int i = 0; i < theta.length; i++) {
            theta[i] += scale * delta[i];
        }
        return wantLoss ? loss / count : Double.NaN;
    }
}
