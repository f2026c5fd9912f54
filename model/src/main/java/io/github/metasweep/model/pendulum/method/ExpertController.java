package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.pendulum.env.ForcedPendulum;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;

/**
 * Protocol section 6's state-feedback expert: {@code clamp(sin(theta) + b*theta_dot - 10*theta - 5*theta_dot, -2, 2)},
 * using privileged knowledge of the damping b but observing only the state.
 */
public final class ExpertController implements PendulumPolicy {
    public static final ExpertController INSTANCE = new ExpertController();

    @Override
    public float act(float theta, float thetaDot) {
        double u = StrictMath.sin(theta) + ForcedPendulum.DAMPING * (double) thetaDot - 10.0 * theta - 5.0 * thetaDot;
        return (float) Math.max(-2.0, Math.min(2.0, u));
    }
}
