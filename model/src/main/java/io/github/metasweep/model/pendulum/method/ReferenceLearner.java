package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;
import io.github.metasweep.model.core.optim.Adam;
import io.github.metasweep.model.pendulum.nn.Gates;
import io.github.metasweep.model.pendulum.nn.LossTerms;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.pendulum.nn.PolicySnapshot;
import io.github.metasweep.model.pendulum.nn.PolicyValueLoss;
import io.github.metasweep.model.pendulum.nn.TrainingBatch;
import io.github.metasweep.model.pendulum.GateReading;

/**
 * The reference training step (protocol section 3), once per episode: the loss on the whole
 * episode, optional global-norm clipping, then Adam with the two learning-rate groups.
 * With gates this is Neural Battery; without, the fine-tune baseline.
 */
public final class ReferenceLearner implements PendulumAgent {
    private final NetworkShape shape;
    private final LearnerSettings settings;
    private final double kTargetWeight;
    private final PolicyValueLoss loss;
    private final ClippedAdamStep step;
    private final double[] params;

    public ReferenceLearner(NetworkShape shape, double[] initial, LearnerSettings settings, double kLr,
                            double kTargetWeight) {
        this.shape = shape;
        this.settings = settings;
        this.kTargetWeight = kTargetWeight;
        this.loss = new PolicyValueLoss(shape, settings.precision());
        this.step = new ClippedAdamStep(new Adam(loss.layout().learningRates(settings.lr(), kLr)), settings);
        this.params = initial.clone();
    }

    @Override
    public PendulumPolicy policyForEpisode() {
        return new PolicySnapshot(shape, params);
    }

    @Override
    public boolean learn(Episode episode, double tau) {
        TrainingBatch batch = BatchBuilder.build(episode, settings);
        LossTerms terms = loss.evaluate(params, batch, tau, kTargetWeight);
        if (!terms.finite()) {
            return false;
        }
        double[] next = step.apply(params, terms.gradient());
        if (next == null) {
            return false;
        }
        System.arraycopy(next, 0, params, 0, params.length);
        return true;
    }

    @Override
    public GateReading gates(int episode, String phase) {
        if (!shape.gated()) {
            return null;
        }
        Gates g = Gates.of(shape, loss.layout(), params);
        int layers = NetworkShape.GATED_LAYERS;
        double[] layer = new double[layers];
        double[] blockMean = new double[shape.blocks() ? layers : 0];
        double[] target = new double[layers];
        int kTarget = loss.layout().get("k.target").offset();
        for (int i = 0; i < layers; i++) {
            layer[i] = g.layerSigmoid(i);
            if (shape.blocks()) {
                blockMean[i] = g.meanBlockSigmoid(i);
            }
            target[i] = params[kTarget + i];
        }
        return new GateReading(episode, phase, layer, blockMean, target);
    }

    /** A copy of the current parameters. */
    public double[] parameters() {
        return params.clone();
    }
}
