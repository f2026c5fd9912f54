package io.github.metasweep.model.pendulum.env;

/**
 * The forced pendulum of protocol section 1, with the reference's numeric types.
 *
 * <p>The reference keeps the state in float32, but numpy promotes the step to float64 as soon as
 * the (float64) forcing term enters; so damping and gravity are float32 operations, the rest of the
 * step is double, the new state is rounded to float32 and the reward uses the unrounded doubles.
 * Allocation-free: one instance is reused for every step of every episode.
 */
public final class ForcedPendulum {
    public static final float DAMPING = 0.2f;
    public static final double OMEGA = 0.75;
    public static final double DT = 0.01;
    /** The reference's own done flag: t > 10.0, i.e. after step 1001. */
    public static final double HORIZON = 10.0;

    private final double amplitude;
    private float theta;
    private float thetaDot;
    private double time;

    public ForcedPendulum(double amplitude) {
        this.amplitude = amplitude;
    }

    public void reset(float theta0, float thetaDot0) {
        theta = theta0;
        thetaDot = thetaDot0;
        time = 0.0;
    }

    /** Advances one semi-implicit Euler step under action {@code u}; returns the reward (float64). */
    public double step(float u) {
        float passive = -DAMPING * thetaDot - (float) StrictMath.sin(theta);
        double thetaDdot = passive + amplitude * StrictMath.sin(OMEGA * time) + u;
        double newThetaDot = thetaDot + thetaDdot * DT;
        double newTheta = theta + newThetaDot * DT;
        theta = (float) newTheta;
        thetaDot = (float) newThetaDot;
        time += DT;
        return -Math.abs(newTheta) - 0.1 * Math.abs(newThetaDot);
    }

    public float theta() {
        return theta;
    }

    public float thetaDot() {
        return thetaDot;
    }

    public double time() {
        return time;
    }

    /** True once the environment's own episode end has passed (never reached by 1000-step episodes). */
    public boolean done() {
        return time > HORIZON;
    }
}
