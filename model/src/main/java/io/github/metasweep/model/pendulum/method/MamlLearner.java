package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;
import io.github.metasweep.model.core.optim.Adam;
import io.github.metasweep.model.pendulum.nn.LossTerms;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.pendulum.nn.PolicySnapshot;
import io.github.metasweep.model.pendulum.nn.PolicyValueLoss;
import io.github.metasweep.model.pendulum.nn.TrainingBatch;

/**
 * MAML on the plain networks (protocol section 6). Each episode: K SGD steps (rate alpha) on the
 * support loss from theta, the query loss at the adapted parameters, and an Adam step on theta with
 * the meta-gradient, clipped. Second order, the meta-gradient is
 * {@code (I - alpha H_0) ... (I - alpha H_{K-1}) g_query}, built backwards with exact Hessian-vector
 * products of the support loss at phi_k ({@link PolicyValueLoss#hessianVector}, the R-operator with the
 * activation pattern of phi_k held fixed; issue 19: finite differences of the gradient cross ReLU kinks
 * at float32 step sizes and return spurious curvature); first order, it is {@code g_query}.
 * The acting policy is theta adapted on the previous episode's support rows.
 */
public final class MamlLearner implements PendulumAgent {
    private final NetworkShape shape;
    private final LearnerSettings settings;
    private final int innerSteps;
    private final double innerLr;
    private final SupportQuerySplit split;
    private final boolean secondOrder;
    private final PolicyValueLoss loss;
    private final ClippedAdamStep step;
    private final double[] params;
    private double[] acting;

    public MamlLearner(NetworkShape shape, double[] initial, LearnerSettings settings, int innerSteps, double innerLr,
                       SupportQuerySplit split, boolean secondOrder) {
        this.shape = shape;
        this.settings = settings;
        this.innerSteps = innerSteps;
        this.innerLr = innerLr;
        this.split = split;
        this.secondOrder = secondOrder;
        this.loss = new PolicyValueLoss(shape, settings.precision());
        this.step = new ClippedAdamStep(new Adam(loss.layout().learningRates(settings.lr(), settings.lr())), settings);
        this.params = initial.clone();
        this.acting = initial.clone();
    }

    @Override
    public PendulumPolicy policyForEpisode() {
        return new PolicySnapshot(shape, acting);
    }

    @Override
    public boolean learn(Episode episode, double tau) {
        TrainingBatch batch = BatchBuilder.build(episode, settings);
        TrainingBatch support = batch.select(split.rows(batch.rows(), true));
        TrainingBatch query = batch.select(split.rows(batch.rows(), false));
        double[] grad = metaGradient(params, support, query);
        if (grad == null) {
            return false;
        }
        double[] next = step.apply(params, grad);
        double[] adapted = next == null ? null : adapt(next, support);
        if (adapted == null) {
            return false;
        }
        System.arraycopy(next, 0, params, 0, params.length);
        acting = adapted;
        return true;
    }

    /**
     * theta after {@code innerSteps} SGD steps on the support loss; null if anything turns non-finite.
     * Only the policy's part is adapted: the value network never acts, and the loss keeps the two apart.
     */
    public double[] adapt(double[] theta, TrainingBatch support) {
        InnerPath path = innerPath(theta, support, false);
        return path == null ? null : path.adapted();
    }

    /**
     * The meta-gradient at theta (not clipped), or null if a loss or gradient turns non-finite.
     */
    public double[] metaGradient(double[] theta, TrainingBatch support, TrainingBatch query) {
        InnerPath path = innerPath(theta, support, true);
        if (path == null) {
            return null;
        }
        LossTerms outer = loss.evaluate(path.adapted(), query, 0.0, 0.0);
        if (!outer.finite()) {
            return null;
        }
        double[] v = outer.gradient();
        if (secondOrder) {
            for (int k = innerSteps - 1; k >= 0; k--) {
                double[] hv = loss.hessianVector(path.points[k], v, support, true);
                for (int i = 0; i < v.length; i++) {
                    v[i] -= innerLr * hv[i];
                    if (!Double.isFinite(v[i])) {
                        return null;
                    }
                }
            }
        }
        return v;
    }

    /** The meta-objective: the query loss after adapting theta on the support rows (for checks). */
    public double metaObjective(double[] theta, TrainingBatch support, TrainingBatch query) {
        InnerPath path = innerPath(theta, support, true);
        return path == null ? Double.NaN : loss.evaluate(path.adapted(), query, 0.0, 0.0).total();
    }

    /** phi_0 .. phi_K. */
    private record InnerPath(double[][] points) {
        double[] adapted() {
            return points[points.length - 1];
        }
    }

    /** phi_0 = theta, phi_{k+1} = phi_k - alpha grad L_s(phi_k); null on a non-finite gradient. */
    private InnerPath innerPath(double[] theta, TrainingBatch support, boolean withValue) {
        double[][] path = new double[innerSteps + 1][];
        path[0] = theta.clone();
        for (int k = 0; k < innerSteps; k++) {
            LossTerms t = loss.evaluate(path[k], support, 0.0, 0.0, withValue);
            if (!t.finite()) {
                return null;
            }
            double[] g = t.gradient();
            double[] next = path[k].clone();
            for (int i = 0; i < next.length; i++) {
                next[i] -= innerLr * g[i];
            }
            settings.precision().roundAll(next);
            path[k + 1] = next;
        }
        return new InnerPath(path);
    }

    /** A copy of theta (the meta-parameters). */
    public double[] parameters() {
        return params.clone();
    }
}
