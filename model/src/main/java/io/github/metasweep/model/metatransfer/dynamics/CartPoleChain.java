package io.github.metasweep.model.metatransfer.dynamics;

/**
 * A cart on a rail carrying a chain of n poles in series (n = 1: the cart-pole; n = 2: the double pole), each
 * pole a massless rod with a point mass at its end. State {@code (x, x_dot, theta_1, theta_1_dot, ...,
 * theta_n, theta_n_dot)}, angles absolute and measured from the downward vertical (0 hangs, pi stands up),
 * counter-clockwise positive; a horizontal force on the cart. Equations of motion from the Lagrangian:
 * {@code M(q) q_ddot = tau(q, q_dot, force)}, with {@code mu_j} the mass carried at or beyond joint j,
 * <pre>
 * M_00 = cart + sum m_i,  M_0j = mu_j l_j cos theta_j,  M_jk = mu_max(j,k) l_j l_k cos(theta_j - theta_k)
 * tau_0 = force - cart_friction x_dot + sum_j mu_j l_j sin theta_j theta_j_dot^2
 * tau_j = -sum_k mu_max(j,k) l_j l_k sin(theta_j - theta_k) theta_k_dot^2 - g mu_j l_j sin theta_j - joint_friction theta_j_dot
 * </pre>
 */
public final class CartPoleChain {
    private final double cartMass;
    private final double[] masses;
    private final double[] lengths;
    private final double gravity;
    private final double cartFriction;
    private final double jointFriction;
    private final double[] carried;
    // scratch of derivative and step: one chain per thread
    private final double[][] system;
    private final double[] acc;
    private final double[] sin;
    private final double[] cos;
    private final double[][] stages;

    public CartPoleChain(double cartMass, double[] masses, double[] lengths, double gravity, double cartFriction,
                         double jointFriction) {
        if (masses.length != lengths.length || masses.length == 0) {
            throw new IllegalArgumentException("one mass and one length per pole, at least one pole");
        }
        this.cartMass = cartMass;
        this.masses = masses.clone();
        this.lengths = lengths.clone();
        this.gravity = gravity;
        this.cartFriction = cartFriction;
        this.jointFriction = jointFriction;
        this.carried = new double[masses.length];
        this.system = new double[masses.length + 1][masses.length + 2];
        this.acc = new double[masses.length + 1];
        this.sin = new double[masses.length];
        this.cos = new double[masses.length];
        this.stages = new double[5][2 + 2 * masses.length];
        double sum = 0;
        for (int j = masses.length - 1; j >= 0; j--) {
            sum += masses[j];
            carried[j] = sum;
        }
    }

    public int poles() {
        return masses.length;
    }

    public int stateSize() {
        return 2 + 2 * masses.length;
    }

    /**
     * d state / dt at {@code state} under {@code force} (N), written into {@code out}: one and two poles in closed
     * form, longer chains by elimination. Sines and cosines of angle differences come from the angles' own by the
     * difference formulas: 2n trigonometric calls, not 2n^2. Not thread-safe (scratch is reused).
     */
    public void derivative(double[] state, double force, double[] out) {
        switch (masses.length) {
            case 1 -> singleDerivative(state, force, out);
            case 2 -> doubleDerivative(state, force, out);
            default -> eliminationDerivative(state, force, out);
        }
    }

    /** The one-pole equations solved in closed form (2 x 2 system by Cramer's rule). */
    private void singleDerivative(double[] state, double force, double[] out) {
        double s = Math.sin(state[2]);
        double c = Math.cos(state[2]);
        double om = state[3];
        double ml = carried[0] * lengths[0];
        double a = cartMass + masses[0];
        double b = ml * c;
        double d = ml * lengths[0];
        double t0 = force - cartFriction * state[1] + ml * s * om * om;
        double t1 = -gravity * ml * s - jointFriction * om;
        double det = a * d - b * b;
        out[0] = state[1];
        out[1] = (d * t0 - b * t1) / det;
        out[2] = om;
        out[3] = (a * t1 - b * t0) / det;
    }

    /** The two-pole equations solved in closed form (symmetric 3 x 3 system by its adjugate). */
    private void doubleDerivative(double[] state, double force, double[] out) {
        double s1 = Math.sin(state[2]);
        double c1 = Math.cos(state[2]);
        double s2 = Math.sin(state[4]);
        double c2 = Math.cos(state[4]);
        double om1 = state[3];
        double om2 = state[5];
        double l1 = lengths[0];
        double l2 = lengths[1];
        double mu1 = carried[0];
        double mu2 = carried[1];
        double c12 = c1 * c2 + s1 * s2; // cos(theta_1 - theta_2)
        double s12 = s1 * c2 - c1 * s2; // sin(theta_1 - theta_2)
        double m12 = mu2 * l1 * l2;
        // [a b c; b d e; c e f] [x_ddot; theta_1_ddot; theta_2_ddot] = [t0; t1; t2]
        double a = cartMass + masses[0] + masses[1];
        double b = mu1 * l1 * c1;
        double c = mu2 * l2 * c2;
        double d = mu1 * l1 * l1;
        double e = m12 * c12;
        double f = mu2 * l2 * l2;
        double t0 = force - cartFriction * state[1] + mu1 * l1 * s1 * om1 * om1 + mu2 * l2 * s2 * om2 * om2;
        double t1 = -m12 * s12 * om2 * om2 - gravity * mu1 * l1 * s1 - jointFriction * om1;
        double t2 = m12 * s12 * om1 * om1 - gravity * mu2 * l2 * s2 - jointFriction * om2;
        double k00 = d * f - e * e;
        double k01 = c * e - b * f;
        double k02 = b * e - c * d;
        double k11 = a * f - c * c;
        double k12 = b * c - a * e;
        double k22 = a * d - b * b;
        double det = a * k00 + b * k01 + c * k02;
        out[0] = state[1];
        out[1] = (k00 * t0 + k01 * t1 + k02 * t2) / det;
        out[2] = om1;
        out[3] = (k01 * t0 + k11 * t1 + k12 * t2) / det;
        out[4] = om2;
        out[5] = (k02 * t0 + k12 * t1 + k22 * t2) / det;
    }

    /** Any chain: the mass-matrix system assembled and solved by Gaussian elimination (the tests' reference). */
    void eliminationDerivative(double[] state, double force, double[] out) {
        int n = masses.length;
        int d = n + 1;
        double[][] m = system; // augmented [M | tau]
        for (int j = 0; j < n; j++) {
            sin[j] = Math.sin(state[2 + 2 * j]);
            cos[j] = Math.cos(state[2 + 2 * j]);
        }
        double total = cartMass;
        for (double mi : masses) {
            total += mi;
        }
        m[0][0] = total;
        double tau0 = force - cartFriction * state[1];
        for (int j = 0; j < n; j++) {
            double om = state[3 + 2 * j];
            m[0][j + 1] = carried[j] * lengths[j] * cos[j];
            m[j + 1][0] = m[0][j + 1];
            tau0 += carried[j] * lengths[j] * sin[j] * om * om;
            double tau = -gravity * carried[j] * lengths[j] * sin[j] - jointFriction * om;
            for (int k = 0; k < n; k++) {
                double omk = state[3 + 2 * k];
                double mu = carried[Math.max(j, k)] * lengths[j] * lengths[k];
                m[j + 1][k + 1] = mu * (cos[j] * cos[k] + sin[j] * sin[k]); // cos(theta_j - theta_k)
                tau -= mu * (sin[j] * cos[k] - cos[j] * sin[k]) * omk * omk; // sin(theta_j - theta_k)
            }
            m[j + 1][d] = tau;
        }
        m[0][d] = tau0;
        solve(m, acc);
        out[0] = state[1];
        out[1] = acc[0];
        for (int j = 0; j < n; j++) {
            out[2 + 2 * j] = state[3 + 2 * j];
            out[3 + 2 * j] = acc[j + 1];
        }
    }

    /** Gaussian elimination with partial pivoting of an augmented system (the mass matrix is positive definite). */
    private static void solve(double[][] a, double[] x) {
        int d = a.length;
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = c + 1; r < d; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= d; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        for (int r = d - 1; r >= 0; r--) {
            double s = a[r][d];
            for (int k = r + 1; k < d; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
    }

    /** Kinetic plus potential energy (zero potential at the rail's height). */
    public double energy(double[] state) {
        double xd = state[1];
        double kinetic = 0.5 * cartMass * xd * xd;
        double potential = 0;
        double vx = xd;
        double vy = 0;
        double y = 0;
        for (int j = 0; j < masses.length; j++) {
            double th = state[2 + 2 * j];
            double om = state[3 + 2 * j];
            vx += lengths[j] * Math.cos(th) * om;
            vy += lengths[j] * Math.sin(th) * om;
            y -= lengths[j] * Math.cos(th);
            kinetic += 0.5 * masses[j] * (vx * vx + vy * vy);
            potential += masses[j] * gravity * y;
        }
        return kinetic + potential;
    }

    /** One classical Runge-Kutta step of {@code dt} seconds with the force held; returns the new state. */
    public double[] step(double[] state, double force, double dt) {
        int s = state.length;
        double[] k1 = stages[0];
        double[] k2 = stages[1];
        double[] k3 = stages[2];
        double[] k4 = stages[3];
        double[] tmp = stages[4];
        derivative(state, force, k1);
        for (int i = 0; i < s; i++) {
            tmp[i] = state[i] + 0.5 * dt * k1[i];
        }
        derivative(tmp, force, k2);
        for (int i = 0; i < s; i++) {
            tmp[i] = state[i] + 0.5 * dt * k2[i];
        }
        derivative(tmp, force, k3);
        for (int i = 0; i < s; i++) {
            tmp[i] = state[i] + dt * k3[i];
        }
        derivative(tmp, force, k4);
        double[] next = new double[s];
        for (int i = 0; i < s; i++) {
            next[i] = state[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return next;
    }
}
