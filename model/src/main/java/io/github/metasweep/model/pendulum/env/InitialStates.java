package io.github.metasweep.model.pendulum.env;

import io.github.metasweep.model.core.GaussianStream;

/**
 * The reset distribution of protocol section 1: each component N(0, 0.1^2) in float32, drawn from
 * the run's reset stream only, so every method with the same seed sees the same initial states.
 */
public final class InitialStates {
    private static final float SCALE = 0.1f;
    private final GaussianStream stream;

    public InitialStates(long runSeed) {
        this.stream = GaussianStream.forRun(runSeed, "env-reset");
    }

    /** Draws the next initial state into {@code env}. */
    public void resetNext(ForcedPendulum env) {
        float theta = (float) stream.nextGaussian() * SCALE;
        float thetaDot = (float) stream.nextGaussian() * SCALE;
        env.reset(theta, thetaDot);
    }
}
