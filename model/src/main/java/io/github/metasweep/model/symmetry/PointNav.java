package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.GaussianStream;

/**
 * The 2-D point navigation environment of the hereditary-symmetry paper (docs/protocols/hereditary-symmetry.md):
 * position p in R^2, goal g not observed; {@code p' = clip(p + clip(a, -0.1, 0.1), -5, 5) + noise} with noise
 * N(0, 0.05^2) per coordinate; reward {@code -||p' - g||} after the move and noise; success when
 * {@code ||p' - g|| < 0.1 sqrt 2}; at most 100 steps (the time-out wins at step 100).
 */
public final class PointNav {
    public static final double ACTION_LIMIT = 0.1;
    public static final double BOUND = 5.0;
    public static final double NOISE = 0.05;
    public static final double SUCCESS_RADIUS = 0.1 * Math.sqrt(2);
    public static final int HORIZON = 100;

    private PointNav() {
    }

    /** The next position from p under action a with the step's noise (two standard normals) scaled by NOISE. */
    public static double[] step(double[] p, double[] a, double[] standardNoise) {
        double[] next = new double[2];
        for (int i = 0; i < 2; i++) {
            double moved = p[i] + Math.max(-ACTION_LIMIT, Math.min(ACTION_LIMIT, a[i]));
            next[i] = Math.max(-BOUND, Math.min(BOUND, moved)) + NOISE * standardNoise[i];
        }
        return next;
    }

    /** An action uniform in the box [-0.1, 0.1]^2 (x drawn first). */
    public static double[] randomAction(GaussianStream random) {
        return new double[] {random.uniform(-ACTION_LIMIT, ACTION_LIMIT), random.uniform(-ACTION_LIMIT, ACTION_LIMIT)};
    }

    public static double reward(double[] next, double[] goal) {
        return -Math.hypot(next[0] - goal[0], next[1] - goal[1]);
    }

    public static boolean success(double[] next, double[] goal) {
        return -reward(next, goal) < SUCCESS_RADIUS;
    }
}
