package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.metatransfer.dynamics.CartPoleChain;

/**
 * Tasks of the paper's dynamics experiments (Table 4, Figure 3; docs/protocols/meta-transfer.md): a task is a pole
 * length l ~ U[0.5, 1.5] m and a gravity g ~ U[5, 15] m/s^2; the single cart-pole and the double cart-pole (two
 * links, each of that length and mass) share them. Data are transitions of a rollout from a random state under
 * random forces in [-3, 3] N held for {@code DT}. A transition becomes one point per state component: features =
 * the state (x, x_dot, then sin, cos and rate of each angle), force / 3 and a one-hot of the component; target =
 * that component's change over the step (angles unwrapped). Support targets carry N(0, sigma^2) noise.
 */
final class CartPoleTasks {
    static final double L_MIN = 0.5;
    static final double L_MAX = 1.5;
    static final double G_MIN = 5.0;
    static final double G_MAX = 15.0;
    static final double CART_MASS = 1.0;
    static final double POLE_MASS = 0.1;
    static final double FORCE_MAX = 3.0;
    static final double DT = 0.05;
    static final int SUBSTEPS = 5;
    /** Support transitions as one rollout (the default) or each from its own random start. */
    static final String ROLLOUT = "rollout";
    static final String INDEPENDENT = "independent";

    private CartPoleTasks() {
    }

    /** The cart with {@code poles} poles of length l and gravity g, without friction. */
    static CartPoleChain system(int poles, double length, double gravity) {
        double[] m = new double[poles];
        double[] l = new double[poles];
        java.util.Arrays.fill(m, POLE_MASS);
        java.util.Arrays.fill(l, length);
        return new CartPoleChain(CART_MASS, m, l, gravity, 0, 0);
    }

    /** State features of a chain state: x, x_dot, then sin, cos, rate per pole. */
    static int stateFeatures(int poles) {
        return 2 + 3 * poles;
    }

    /** Features of one point: state features, force / 3, one-hot of the state component. */
    static int pointFeatures(int poles) {
        return stateFeatures(poles) + 1 + 2 + 2 * poles;
    }

    /**
     * {@code transitions} transitions of a rollout of the system from a random start ({@link #start}) under forces
     * ~ U[-3, 3], as points (features into x, targets into y, each with N(0, sigma^2) noise); with
     * {@code independent} each transition after the first starts from a fresh random start instead.
     */
    static void rollout(CartPoleChain system, GaussianStream random, int transitions, double sigma, double[] x,
                        double[] y, boolean independent) {
        int n = system.poles();
        int dims = 2 + 2 * n;
        int features = pointFeatures(n);
        double[] s = start(random, n);
        for (int t = 0; t < transitions; t++) {
            if (independent && t > 0) {
                s = start(random, n);
            }
            double force = random.uniform(-FORCE_MAX, FORCE_MAX);
            double[] next = s;
            for (int k = 0; k < SUBSTEPS; k++) {
                next = system.step(next, force, DT / SUBSTEPS);
            }
            writePoints(s, force, n, x, t * dims * features);
            for (int c = 0; c < dims; c++) {
                y[t * dims + c] = next[c] - s[c];
            }
            for (int c = 0; c < dims; c++) {
                y[t * dims + c] += sigma * random.nextGaussian();
            }
            s = next;
        }
    }

    /** A random start: x = 0, x_dot ~ U[-0.5, 0.5], each angle ~ U[-pi, pi] and rate ~ U[-1, 1]. */
    private static double[] start(GaussianStream random, int poles) {
        double[] s = new double[2 + 2 * poles];
        s[1] = random.uniform(-0.5, 0.5);
        for (int j = 0; j < poles; j++) {
            s[2 + 2 * j] = random.uniform(-Math.PI, Math.PI);
            s[3 + 2 * j] = random.uniform(-1, 1);
        }
        return s;
    }

    /** The points of one transition from state s under force (one per state component) into x at {@code from}. */
    private static void writePoints(double[] s, double force, int n, double[] x, int from) {
        int dims = 2 + 2 * n;
        int features = pointFeatures(n);
        for (int c = 0; c < dims; c++) {
            int at = from + c * features;
            java.util.Arrays.fill(x, at, at + features, 0.0);
            x[at] = s[0];
            x[at + 1] = s[1];
            for (int j = 0; j < n; j++) {
                x[at + 2 + 3 * j] = Math.sin(s[2 + 2 * j]);
                x[at + 3 + 3 * j] = Math.cos(s[2 + 2 * j]);
                x[at + 4 + 3 * j] = s[3 + 2 * j];
            }
            x[at + stateFeatures(n)] = force / FORCE_MAX;
            x[at + stateFeatures(n) + 1 + c] = 1;
        }
    }

    /** The points of one transition from state s under force: what a method predicts the change of. */
    static double[] points(double[] s, double force, int poles) {
        double[] x = new double[(2 + 2 * poles) * pointFeatures(poles)];
        writePoints(s, force, poles, x, 0);
        return x;
    }

    /** The state of transition t of a rollout's points (angles read back with atan2, in (-pi, pi]). */
    static double[] stateOf(double[] x, int t, int poles) {
        int dims = 2 + 2 * poles;
        int at = t * dims * pointFeatures(poles);
        double[] s = new double[dims];
        s[0] = x[at];
        s[1] = x[at + 1];
        for (int j = 0; j < poles; j++) {
            s[2 + 2 * j] = Math.atan2(x[at + 2 + 3 * j], x[at + 3 + 3 * j]);
            s[3 + 2 * j] = x[at + 4 + 3 * j];
        }
        return s;
    }

    /** The task's true parameters (l, g), scaled to [-1, 1]. */
    static double[] scaledParameters(double length, double gravity) {
        return new double[] {(length - (L_MIN + L_MAX) / 2) / ((L_MAX - L_MIN) / 2),
                (gravity - (G_MIN + G_MAX) / 2) / ((G_MAX - G_MIN) / 2)};
    }

    /**
     * A task: support = {@code supportTransitions} noisy transitions of the single pole (one rollout, or each from its
     * own start when {@code independentSupport}); query = either
     * {@code queryTransitions} transitions of the double pole ({@code parameters} false) or the two scaled parameters
     * as points with a one-hot feature ({@code parameters} true).
     */
    static TransferTask sample(GaussianStream random, int supportTransitions, int queryTransitions, double sigma,
                               boolean parameters, boolean independentSupport) {
        double length = random.uniform(L_MIN, L_MAX);
        double gravity = random.uniform(G_MIN, G_MAX);
        int sf = pointFeatures(1);
        double[] sx = new double[supportTransitions * 4 * sf];
        double[] sy = new double[supportTransitions * 4];
        rollout(system(1, length, gravity), random, supportTransitions, sigma, sx, sy, independentSupport);
        double[] truth = scaledParameters(length, gravity);
        if (parameters) {
            return new TransferTask(sf, sx, sy, 2, new double[] {1, 0, 0, 1}, truth.clone(), truth);
        }
        int qf = pointFeatures(2);
        double[] qx = new double[queryTransitions * 6 * qf];
        double[] qy = new double[queryTransitions * 6];
        rollout(system(2, length, gravity), random, queryTransitions, 0.0, qx, qy, false);
        return new TransferTask(sf, sx, sy, qf, qx, qy, truth);
    }
}
