package io.github.metasweep.model.pendulum.env;

/** A deterministic controller of the pendulum: the action for a state, in [-2, 2]. */
@FunctionalInterface
public interface PendulumPolicy {
    float act(float theta, float thetaDot);
}
