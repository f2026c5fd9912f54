package io.github.metasweep.model.metatransfer.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cart-pole physics against conservation, a closed-form period, a limit case, symmetry and the Lagrangian itself. */
class CartPoleChainTest {
    private static final double G = 9.81;

    private static CartPoleChain single(double friction) {
        return new CartPoleChain(1.0, new double[] {0.3}, new double[] {0.7}, G, friction, friction);
    }

    private static CartPoleChain pair(double m2) {
        return new CartPoleChain(1.0, new double[] {0.3, m2}, new double[] {0.7, 0.5}, G, 0, 0);
    }

    @Test
    void withoutForceOrFrictionEnergyIsConservedOverALongChaoticRollout() {
        for (CartPoleChain c : new CartPoleChain[] {single(0), pair(0.2)}) {
            double[] s = c.poles() == 1 ? new double[] {0, 0.5, 2.0, -1.0} : new double[] {0, 0.5, 2.0, -1.0, -1.0, 3.0};
            double e0 = c.energy(s);
            double scale = 1.5 * G * 1.2; // total mass times g times total length
            double worst = 0;
            for (int i = 0; i < 20_000; i++) { // 20 s at 1 ms
                s = c.step(s, 0, 0.001);
                worst = Math.max(worst, Math.abs(c.energy(s) - e0));
            }
            assertTrue(worst / scale < 1e-7, c.poles() + " poles: energy drift " + worst);
        }
    }

    @Test
    void frictionOnlyEverRemovesEnergy() {
        CartPoleChain c = single(0.2);
        double[] s = {0, 1, 2.5, 0};
        double e = c.energy(s);
        for (int i = 0; i < 5000; i++) {
            s = c.step(s, 0, 0.001);
            double now = c.energy(s);
            assertTrue(now <= e + 1e-12);
            e = now;
        }
    }

    @Test
    void smallSwingsOfAPoleOnAFreeCartHaveTheClosedFormPeriod() {
        // a point mass m on a rod l over a free cart M: omega^2 = g (M + m) / (M l)
        CartPoleChain c = single(0);
        double omega = Math.sqrt(G * (1.0 + 0.3) / (1.0 * 0.7));
        double[] s = {0, 0, 1e-4, 0};
        double dt = 1e-4;
        double previous = s[2];
        double firstCrossing = Double.NaN;
        double lastCrossing = Double.NaN;
        int crossings = 0;
        for (int i = 1; i <= 200_000; i++) {
            double[] next = c.step(s, 0, dt);
            if (previous > 0 && next[2] <= 0) { // downward zero crossing, interpolated
                double t = (i - 1 + previous / (previous - next[2])) * dt;
                if (crossings == 0) {
                    firstCrossing = t;
                }
                lastCrossing = t;
                crossings++;
            }
            previous = next[2];
            s = next;
        }
        double period = (lastCrossing - firstCrossing) / (crossings - 1);
        assertEquals(2 * Math.PI / omega, period, 1e-6 * period);
    }

    @Test
    void aDoublePoleWithANegligibleSecondMassMovesAsTheSinglePole() {
        CartPoleChain one = single(0);
        CartPoleChain two = pair(1e-9);
        double[] a = {0, 0.2, 1.0, 0.5};
        double[] b = {0, 0.2, 1.0, 0.5, -0.3, 0.0};
        for (int i = 0; i < 2000; i++) {
            double force = 3 * Math.sin(0.01 * i);
            a = one.step(a, force, 0.001);
            b = two.step(b, force, 0.001);
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(a[k], b[k], 1e-6, "state " + k);
        }
    }

    @Test
    void theClosedFormsAgreeWithEliminationOfTheAssembledSystem() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int poles = 1; poles <= 2; poles++) {
            double[] m = {0.3, 0.2};
            double[] l = {0.7, 0.5};
            CartPoleChain c = new CartPoleChain(1.1, java.util.Arrays.copyOf(m, poles),
                    java.util.Arrays.copyOf(l, poles), G, 0.1, 0.05);
            for (int trial = 0; trial < 200; trial++) {
                double[] s = new double[c.stateSize()];
                for (int k = 0; k < s.length; k++) {
                    s[k] = rng.nextDouble(-6, 6);
                }
                double force = rng.nextDouble(-3, 3);
                double[] fast = new double[s.length];
                double[] reference = new double[s.length];
                c.derivative(s, force, fast);
                c.eliminationDerivative(s, force, reference);
                for (int k = 0; k < s.length; k++) {
                    assertEquals(reference[k], fast[k], 1e-12 * (1 + Math.abs(reference[k])), poles + " poles, " + k);
                }
            }
        }
    }

    @Test
    void aMirroredStateAndForceGiveTheMirroredTrajectory() {
        CartPoleChain c = new CartPoleChain(1.0, new double[] {0.3, 0.2}, new double[] {0.7, 0.5}, G, 0.1, 0.05);
        double[] s = {0.1, -0.3, 2.0, 0.4, -1.0, 1.5};
        double[] m = new double[6];
        for (int k = 0; k < 6; k++) {
            m[k] = -s[k];
        }
        for (int i = 0; i < 3000; i++) {
            double force = 2.5 * Math.cos(0.003 * i);
            s = c.step(s, force, 0.002);
            m = c.step(m, -force, 0.002);
        }
        for (int k = 0; k < 6; k++) {
            assertEquals(-s[k], m[k], 1e-9 * (1 + Math.abs(s[k])), "state " + k);
        }
    }

    /** The Lagrangian T - V written from the masses' positions, independently of the mass matrix. */
    private static double lagrangian(double[] q, double[] qd, double[] masses, double[] lengths) {
        double t = 0.5 * 1.0 * qd[0] * qd[0];
        double v = 0;
        for (int i = 0; i < masses.length; i++) {
            double vx = qd[0];
            double vy = 0;
            double y = 0;
            for (int j = 0; j <= i; j++) {
                vx += lengths[j] * Math.cos(q[j + 1]) * qd[j + 1];
                vy += lengths[j] * Math.sin(q[j + 1]) * qd[j + 1];
                y -= lengths[j] * Math.cos(q[j + 1]);
            }
            t += 0.5 * masses[i] * (vx * vx + vy * vy);
            v += masses[i] * G * y;
        }
        return t - v;
    }

    @Test
    void theAccelerationsSatisfyEulerLagrangeByFiniteDifferences() {
        double[] masses = {0.3, 0.2};
        double[] lengths = {0.7, 0.5};
        double bc = 0.1;
        double bj = 0.05;
        CartPoleChain c = new CartPoleChain(1.0, masses, lengths, G, bc, bj);
        SplittableRandom rng = new SplittableRandom(5);
        double h = 1e-4;
        for (int trial = 0; trial < 20; trial++) {
            double[] q = {rng.nextDouble(-1, 1), rng.nextDouble(-Math.PI, Math.PI), rng.nextDouble(-Math.PI, Math.PI)};
            double[] qd = {rng.nextDouble(-2, 2), rng.nextDouble(-3, 3), rng.nextDouble(-3, 3)};
            double force = rng.nextDouble(-3, 3);
            double[] ds = new double[6];
            c.derivative(new double[] {q[0], qd[0], q[1], qd[1], q[2], qd[2]}, force, ds);
            double[] qdd = {ds[1], ds[3], ds[5]};
            double[] generalised = {force - bc * qd[0], -bj * qd[1], -bj * qd[2]};
            for (int i = 0; i < 3; i++) {
                // d/dt dL/dqd_i = sum_k d2L/dqd_i dqd_k qdd_k + d2L/dqd_i dq_k qd_k
                double lhs = 0;
                for (int k = 0; k < 3; k++) {
                    lhs += mixed(q, qd, i, true, k, true, h, masses, lengths) * qdd[k]
                            + mixed(q, qd, i, true, k, false, h, masses, lengths) * qd[k];
                }
                double dLdq = (shifted(q, qd, i, false, h, masses, lengths) - shifted(q, qd, i, false, -h, masses, lengths))
                        / (2 * h);
                assertEquals(dLdq + generalised[i], lhs, 1e-5 * (1 + Math.abs(lhs)), "trial " + trial + ", coordinate " + i);
            }
        }
    }

    private static double shifted(double[] q, double[] qd, int i, boolean velocity, double by, double[] m, double[] l) {
        double[] a = q.clone();
        double[] b = qd.clone();
        (velocity ? b : a)[i] += by;
        return lagrangian(a, b, m, l);
    }

    /** d2 L / d(qd_i) d(x_k) by central differences, x the velocities or the coordinates. */
    private static double mixed(double[] q, double[] qd, int i, boolean iVelocity, int k, boolean kVelocity, double h,
                                double[] m, double[] l) {
        double sum = 0;
        for (int si = -1; si <= 1; si += 2) {
            for (int sk = -1; sk <= 1; sk += 2) {
                double[] a = q.clone();
                double[] b = qd.clone();
                (iVelocity ? b : a)[i] += si * h;
                (kVelocity ? b : a)[k] += sk * h;
                sum += si * sk * lagrangian(a, b, m, l);
            }
        }
        return sum / (4 * h * h);
    }
}
