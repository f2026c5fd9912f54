package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.meta.InnerSgd;
import io.github.metasweep.model.core.meta.StructureConstraint;
import io.github.metasweep.model.core.optim.Adam;
import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;
import io.github.metasweep.model.pendulum.nn.LossTerms;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.pendulum.nn.PolicySnapshot;
import io.github.metasweep.model.pendulum.nn.PolicyValueLoss;
import io.github.metasweep.model.pendulum.nn.TrainingBatch;
import java.util.function.IntFunction;

/**
 * NeuronML on the plain policy and value networks (docs/protocols/neuronml.md): MAML's episode update
 * ({@link MamlLearner}) on the masked weights {@code w = M (.) theta}, {@code M = sigmoid(phi)} one logit per
 * parameter of both networks. Each episode: a clipped Adam step on theta with gradient {@code g (.) M} (g the MAML
 * meta-gradient at w), then a clipped Adam step on phi for the query loss plus the {@link StructureConstraint},
 * with g recomputed at the new weights when {@code sequential}. Plasticity's tasks are the last
 * {@code window} episodes (the pendulum has one task per update); the frugality bound's N is the rows of one
 * update. With the mask fixed it is MAML bit for bit.
 */
public final class NeuronMlLearner implements PendulumAgent {
    private final NetworkShape shape;
    private final LearnerSettings settings;
    private final MamlLearner maml;
    private final PolicyValueLoss loss;
    private final SupportQuerySplit split;
    private final IntFunction<StructureConstraint> constraintForRows;
    private StructureConstraint constraint;
    private final boolean maskFixed;
    private final boolean sequential;
    private final ClippedAdamStep thetaStep;
    private final ClippedAdamStep maskStep;
    private double[] raw;
    private double[] phi;
    private double[] mask;
    private double[] weights;
    private double[] acting;
    private final double[][] activity;
    private int episodes;

    public NeuronMlLearner(NetworkShape shape, double[] initial, LearnerSettings settings, MamlLearner maml,
                           SupportQuerySplit split, IntFunction<StructureConstraint> constraintForRows, double maskRate, double maskInit,
                           boolean maskFixed, boolean sequential, int window) {
        this.shape = shape;
        this.settings = settings;
        this.maml = maml;
        this.loss = new PolicyValueLoss(shape, settings.precision());
        this.split = split;
        this.constraintForRows = constraintForRows;
        this.maskFixed = maskFixed;
        this.sequential = sequential;
        int d = initial.length;
        this.thetaStep = new ClippedAdamStep(new Adam(loss.layout().learningRates(settings.lr(), settings.lr())),
                settings);
        this.maskStep = new ClippedAdamStep(new Adam(InnerSgd.uniform(d, maskRate)), settings);
        this.raw = initial.clone();
        this.phi = new double[d];
        java.util.Arrays.fill(phi, maskInit);
        this.mask = maskFixed ? ones(d) : sigmoid(phi);
        this.weights = maskFixed ? raw : masked(mask, raw);
        this.acting = weights.clone();
        this.activity = new double[window][d];
    }

    private static double[] ones(int d) {
        double[] m = new double[d];
        java.util.Arrays.fill(m, 1.0);
        return m;
    }

    private static double[] sigmoid(double[] phi) {
        double[] m = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            m[i] = 1 / (1 + Math.exp(-phi[i]));
        }
        return m;
    }

    private double[] masked(double[] m, double[] theta) {
        double[] w = new double[theta.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = m[i] * theta[i];
        }
        settings.precision().roundAll(w);
        return w;
    }

    @Override
    public PendulumPolicy policyForEpisode() {
        return new PolicySnapshot(shape, acting);
    }

    /** The mask M (all 1 when fixed). */
    public double[] mask() {
        return mask.clone();
    }

    /** The weights before masking. */
    public double[] rawTheta() {
        return raw.clone();
    }

    /** The masked weights w the policy adapts from. */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean learn(Episode episode, double tau) {
        TrainingBatch batch = BatchBuilder.build(episode, settings);
        TrainingBatch support = batch.select(split.rows(batch.rows(), true));
        TrainingBatch query = batch.select(split.rows(batch.rows(), false));
        double[] g = maml.metaGradient(weights, support, query);
        if (g == null) {
            return false;
        }
        if (maskFixed) { // exactly MamlLearner.learn
            double[] next = thetaStep.apply(raw, g);
            double[] adapted = next == null ? null : maml.adapt(next, support);
            if (adapted == null) {
                return false;
            }
            raw = next;
            weights = next;
            acting = adapted;
            return true;
        }
        LossTerms own = loss.evaluate(weights, support, 0.0, 0.0, true);
        if (!own.finite()) {
            return false;
        }
        double[] byTheta = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            byTheta[i] = g[i] * mask[i];
        }
        double[] nextRaw = thetaStep.apply(raw, byTheta);
        if (nextRaw == null) {
            return false;
        }
        double[] query2 = sequential ? maml.metaGradient(masked(mask, nextRaw), support, query) : g;
        if (query2 == null) {
            return false;
        }
        if (constraint == null) {
            constraint = constraintForRows.apply(batch.rows()); // N of the frugality bound: the rows one update sees
        }
        StructureConstraint.activity(own.gradient(), activity[episodes % activity.length]);
        int tasks = Math.min(episodes + 1, activity.length);
        double[] gradMask = new double[g.length];
        double value = constraint.logitGradient(nextRaw, mask, activity, tasks, query2, gradMask);
        if (!Double.isFinite(value) || !InnerSgd.finite(gradMask)) {
            return false;
        }
        double[] nextPhi = maskStep.apply(phi, gradMask);
        if (nextPhi == null) {
            return false;
        }
        double[] nextMask = sigmoid(nextPhi);
        double[] nextWeights = masked(nextMask, nextRaw);
        double[] adapted = maml.adapt(nextWeights, support);
        if (adapted == null) {
            return false;
        }
        episodes++;
        raw = nextRaw;
        phi = nextPhi;
        mask = nextMask;
        weights = nextWeights;
        acting = adapted;
        return true;
    }
}
