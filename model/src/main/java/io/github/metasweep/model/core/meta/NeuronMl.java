package io.github.metasweep.model.core.meta;

import io.github.metasweep.model.core.optim.Adam;

/**
 * NeuronML (neuromodulated meta-learning, arXiv 2411.06746): MAML on the masked weights
 * {@code w = M (.) theta} with a learnt structure mask {@code M = sigmoid(phi)} of the same shape. Each meta-step
 * first takes an Adam step on theta with M fixed (gradient {@code g (.) M}, g the MAML meta-gradient with respect
 * to w), then, with theta fixed, an Adam step on phi for the query loss plus the {@link StructureConstraint}
 * ({@code (g' (.) theta + dC/dM) (.) M (1 - M)}, g' recomputed at the new theta, or g itself when not
 * {@code sequential}). {@link #theta()} is w: what a task adapts from at test time. With the mask fixed, M is
 * exactly 1 and the method is MAML, bit for bit.
 */
public final class NeuronMl extends LearnedInitialisation {
    private final double[] raw;
    private final double[] phi;
    private final double[] mask;
    private final int steps;
    private final boolean secondOrder;
    private final boolean maskFixed;
    private final boolean sequential;
    private final StructureConstraint constraint;
    private final Adam thetaAdam;
    private final Adam maskAdam;
    private final MetaGradient metaGradient;
    private final double[] grad;
    private final double[] gradMask;
    private final double[] byTheta;
    private double[][] activity = new double[0][];
    private double lastConstraint;
    private int lastCount;

    /**
     * @param theta     initial weights (copied); {@link #theta()} holds the masked weights
     * @param maskInit  initial logit of every mask entry (sigmoid(maskInit) is M's start)
     */
    public NeuronMl(double[] theta, double innerRate, double outerRate, double maskRate, double maskInit, int steps,
                    boolean secondOrder, boolean maskFixed, boolean sequential, StructureConstraint constraint) {
        super(theta, InnerSgd.uniform(theta.length, innerRate));
        int d = theta.length;
        this.raw = maskFixed ? theta : theta.clone(); // a fixed mask is 1: w is theta itself, as in MAML
        this.phi = new double[d];
        this.mask = new double[d];
        java.util.Arrays.fill(phi, maskInit);
        java.util.Arrays.fill(mask, 1.0);
        this.steps = steps;
        this.secondOrder = secondOrder;
        this.maskFixed = maskFixed;
        this.sequential = sequential;
        this.constraint = constraint;
        this.thetaAdam = new Adam(InnerSgd.uniform(d, outerRate));
        this.maskAdam = new Adam(InnerSgd.uniform(d, maskRate));
        this.metaGradient = new MetaGradient(d, steps);
        this.grad = new double[d];
        this.gradMask = new double[d];
        this.byTheta = new double[d];
        if (!maskFixed) {
            refreshMask();
        }
    }

    /** The mask M = sigmoid(phi) (all 1 when fixed). */
    public double[] mask() {
        return mask;
    }

    /** The weights before masking. */
    public double[] rawTheta() {
        return raw;
    }

    /** The structure constraint's value at the last mask step (0 when the mask is fixed). */
    public double lastConstraint() {
        return lastConstraint;
    }

    /**
     * How much the tasks of the last meta-batch use the same weights: the mean over pairs of tasks of the cosine
     * similarity of their activities weighted by the mask ({@code M (.) a_t}); what plasticity pushes down. NaN
     * with a fixed mask or fewer than two tasks.
     */
    public double taskOverlap() {
        if (maskFixed || lastCount < 2) {
            return Double.NaN;
        }
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < lastCount; i++) {
            for (int j = i + 1; j < lastCount; j++) {
                double dot = 0;
                double ni = 0;
                double nj = 0;
                for (int w = 0; w < mask.length; w++) {
                    double ai = mask[w] * activity[i][w];
                    double aj = mask[w] * activity[j][w];
                    dot += ai * aj;
                    ni += ai * ai;
                    nj += aj * aj;
                }
                sum += ni > 0 && nj > 0 ? dot / Math.sqrt(ni * nj) : 0;
                pairs++;
            }
        }
        return sum / pairs;
    }

    @Override
    public double step(MetaTask[] tasks, int count, boolean wantLoss) {
        double loss = metaGradient(tasks, count, false);
        lastCount = count;
        double inv = 1.0 / count;
        if (maskFixed) {
            if (!AveragedAdamStep.apply(thetaAdam, theta, grad, inv, loss)) {
                diverged();
            }
            return loss;
        }
        for (int i = 0; i < grad.length; i++) {
            byTheta[i] = grad[i] * mask[i];
        }
        if (!AveragedAdamStep.apply(thetaAdam, raw, byTheta, inv, loss)) {
            diverged();
            return loss;
        }
        refreshWeights();
        if (sequential) {
            metaGradient(tasks, count, true);
        }
        for (int i = 0; i < grad.length; i++) {
            grad[i] *= inv;
        }
        lastConstraint = constraint.logitGradient(raw, mask, activity, count, grad, gradMask);
        if (!Double.isFinite(lastConstraint) || !InnerSgd.finite(gradMask)) {
            diverged();
            return loss;
        }
        maskAdam.step(phi, gradMask);
        refreshMask();
        return loss;
    }

    /** Sums the meta-gradients of the batch with respect to w into {@code grad}, recording each task's activity. */
    private double metaGradient(MetaTask[] tasks, int count, boolean again) {
        java.util.Arrays.fill(grad, 0.0);
        if (!maskFixed && activity.length < count) {
            activity = new double[count][grad.length];
        }
        double loss = 0;
        for (int t = 0; t < count; t++) {
            loss += metaGradient.accumulate(tasks[t], theta, innerRates, steps, secondOrder, grad, null);
            if (!maskFixed && steps > 0) {
                StructureConstraint.activity(metaGradient.supportGradient(0), activity[t]);
            }
        }
        return loss * (1.0 / count); // as Maml computes it, so a fixed mask reproduces MAML bit for bit
    }

    private void refreshMask() {
        for (int i = 0; i < phi.length; i++) {
            mask[i] = 1 / (1 + Math.exp(-phi[i]));
        }
        refreshWeights();
    }

    private void refreshWeights() {
        for (int i = 0; i < raw.length; i++) {
            theta[i] = mask[i] * raw[i];
        }
    }
}
