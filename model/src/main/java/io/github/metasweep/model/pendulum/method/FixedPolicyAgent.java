package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;

/** An agent that acts with one policy for the whole run and never learns. */
final class FixedPolicyAgent implements PendulumAgent {
    private final PendulumPolicy policy;

    FixedPolicyAgent(PendulumPolicy policy) {
        this.policy = policy;
    }

    @Override
    public PendulumPolicy policyForEpisode() {
        return policy;
    }

    @Override
    public boolean learn(Episode episode, double tau) {
        return true;
    }
}
