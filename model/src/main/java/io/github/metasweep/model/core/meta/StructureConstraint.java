package io.github.metasweep.model.core.meta;

/**
 * NeuronML's structure constraint on the masked weights {@code w = M (.) theta}, as this project defines the
 * parts the paper leaves open (docs/protocols/neuronml.md), with its gradient with respect to the mask M:
 * <ul>
 *   <li>frugality {@code max(0, ||w||_1 - bound)}: the L1 norm kept within the data-volume bound;</li>
 *   <li>plasticity {@code sum_w p_w M_w sum_{i != j} a_i(w) a_j(w)}: the overlap of the weights tasks i and j
 *   use, {@code a_t(w) = |grad_w L_support,t| / max_w |grad_w L_support,t|}, weighted by the Hebbian importance
 *   {@code p = softmax(beta * mean_t a_t)} (weights many tasks use count most), activity held fixed;</li>
 *   <li>sensitivity {@code sum_w -log(s_w / S + eps) |w_w|} with {@code s_w = |dL_query/dw_w|}, {@code S} their
 *   sum, held fixed: the weights the loss is least sensitive to cost most.</li>
 * </ul>
 * The non-smooth |.| and max(0, .) take their subgradient sign(.) and step (value 0 at 0).
 */
public record StructureConstraint(double frugality, double plasticity, double sensitivity, double bound, double beta) {
    static final double EPS = 1e-12;

    /** The weighted constraint's value; adds its gradient with respect to M to {@code gradMask}. */
    public double valueAndMaskGradient(double[] theta, double[] mask, double[][] activity, int tasks,
                                       double[] queryGrad, double[] gradMask) {
        int d = theta.length;
        double value = 0;
        if (frugality != 0) {
            double l1 = 0;
            for (int i = 0; i < d; i++) {
                l1 += Math.abs(mask[i] * theta[i]);
            }
            if (l1 > bound) {
                value += frugality * (l1 - bound);
                for (int i = 0; i < d; i++) {
                    gradMask[i] += frugality * Math.signum(mask[i] * theta[i]) * theta[i];
                }
            }
        }
        if (plasticity != 0 && tasks > 1) {
            double[] importance = importance(activity, tasks, d);
            for (int i = 0; i < d; i++) {
                double sum = 0;
                double squares = 0;
                for (int t = 0; t < tasks; t++) {
                    sum += activity[t][i];
                    squares += activity[t][i] * activity[t][i];
                }
                double overlap = sum * sum - squares; // sum over ordered pairs i != j
                value += plasticity * importance[i] * mask[i] * overlap;
                gradMask[i] += plasticity * importance[i] * overlap;
            }
        }
        if (sensitivity != 0) {
            double total = 0;
            for (double g : queryGrad) {
                total += Math.abs(g);
            }
            for (int i = 0; i < d; i++) {
                double cost = -Math.log(Math.abs(queryGrad[i]) / Math.max(total, EPS) + EPS);
                value += sensitivity * cost * Math.abs(mask[i] * theta[i]);
                gradMask[i] += sensitivity * cost * Math.signum(mask[i] * theta[i]) * theta[i];
            }
        }
        return value;
    }

    /**
     * The mask step's gradient with respect to the mask logits phi ({@code M = sigmoid(phi)}): the query loss's
     * {@code queryGrad (.) theta} (since {@code w = M (.) theta}) plus the constraint's, times {@code M (1 - M)};
     * overwrites {@code gradLogits} and returns the constraint's value.
     */
    public double logitGradient(double[] theta, double[] mask, double[][] activity, int tasks, double[] queryGrad,
                                double[] gradLogits) {
        java.util.Arrays.fill(gradLogits, 0.0);
        double value = valueAndMaskGradient(theta, mask, activity, tasks, queryGrad, gradLogits);
        for (int i = 0; i < gradLogits.length; i++) {
            gradLogits[i] = (gradLogits[i] + queryGrad[i] * theta[i]) * mask[i] * (1 - mask[i]);
        }
        return value;
    }

    /** {@code softmax(beta * mean_t a_t)} over the weights. */
    double[] importance(double[][] activity, int tasks, int d) {
        double[] p = new double[d];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            double mean = 0;
            for (int t = 0; t < tasks; t++) {
                mean += activity[t][i];
            }
            p[i] = beta * mean / tasks;
            max = Math.max(max, p[i]);
        }
        double z = 0;
        for (int i = 0; i < d; i++) {
            p[i] = Math.exp(p[i] - max);
            z += p[i];
        }
        for (int i = 0; i < d; i++) {
            p[i] /= z;
        }
        return p;
    }

    /** A task's activity: its support gradient's magnitudes over their largest, written into {@code out}. */
    public static void activity(double[] supportGrad, double[] out) {
        double max = 0;
        for (double g : supportGrad) {
            max = Math.max(max, Math.abs(g));
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = max > 0 ? Math.abs(supportGrad[i]) / max : 0;
        }
    }
}
