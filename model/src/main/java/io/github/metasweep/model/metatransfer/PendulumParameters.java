package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.PublishedClaim;
import java.util.List;

/** From noisy single cart-pole transitions, regress the pole's length and the gravity (the paper's Figure 3). */
public final class PendulumParameters extends CartPoleTransfer {
    public static final String NAME = "pendulum-parameters";

    public PendulumParameters() {
        super(true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "meta-transfer on dynamics: from noisy transitions of a cart-pole, regress its pole length and gravity";
    }

    @Override
    public List<MetricDef> metrics() {
        return List.of(MetricDef.lower("parameter_mse", "squared scaled parameter", "mean over the evaluation tasks of "
                + "the squared error of the predicted length and gravity, each scaled to [-1, 1] over its range "
                + "(predicting the prior mean scores 1/3)", true));
    }

    @Override
    public List<PublishedClaim> claims() {
        return rankingClaims("meta-transfer paper, Figure 3");
    }
}
