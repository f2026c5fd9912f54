package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.nn.Mlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.meta.InnerSgd;
import io.github.metasweep.model.core.meta.MetaGradient;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network's gradient and exact Hessian-vector product, and the meta-gradients of MAML, Meta-SGD and
 * CAVIA, against central differences in float64 on the full 1-40-40-1 network (1+5 inputs for CAVIA),
 * always within one ReLU activation region (the pattern is checked at both ends of every difference).
 */
class SinusoidGradientTest {
    static final int HIDDEN = 40;
    static final int K = 10;

    /** A network (ctx context scalars; random, non-zero context for the plain checks) and a task. */
    record Fixture(Mlp net, double[] theta, SinusoidTask task) {
    }

    static Fixture fixture(int ctx, long seed) {
        Mlp net = new Mlp(1, ctx, HIDDEN, 100);
        GaussianStream r = GaussianStream.forRun(seed, "test");
        double[] theta = net.init(r);
        for (int c = net.contextOffset(); c < theta.length; c++) {
            theta[c] = r.uniform(-1, 1);
        }
        SinusoidTask task = new SinusoidTask(net, false, K, K);
        task.sample(r, K, K);
        return new Fixture(net, theta, task);
    }

    static double[] gaussian(GaussianStream r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    static double[] plus(double[] a, double s, double[] v) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += s * v[i];
        }
        return out;
    }

    static double relErr(double a, double b) {
        return Math.abs(a - b) / Math.max(1e-8, Math.max(Math.abs(a), Math.abs(b)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void gradientMatchesCentralDifferences(int ctx) {
        Fixture f = fixture(ctx, 1);
        RegressionLoss loss = f.task().support();
        double[] grad = new double[f.net().size()];
        loss.valueAndGradient(f.theta(), grad);
        double eps = 1e-6;
        int checked = 0;
        double worst = 0;
        for (int i = 0; i < grad.length; i++) {
            double[] up = f.theta().clone();
            double[] down = f.theta().clone();
            up[i] += eps;
            down[i] -= eps;
            if (!samePattern(f.net(), loss, up, down)) {
                continue;
            }
            double fd = (loss.value(up) - loss.value(down)) / (2 * eps);
            double err = Math.abs(fd - grad[i]) / Math.max(1e-4, Math.abs(fd));
            worst = Math.max(worst, err);
            checked++;
        }
        assertTrue(checked > grad.length * 0.95, "checked " + checked + " of " + grad.length);
        assertTrue(worst < 1e-5, "worst relative error " + worst);
    }

    static boolean samePattern(Mlp net, RegressionLoss loss, double[] a, double[] b) {
        return Arrays.equals(net.pattern(a, loss.x, loss.size()), net.pattern(b, loss.x, loss.size()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void exactHessianVectorProductMatchesCentralDifferencesOfTheGradient(int ctx) {
        Fixture f = fixture(ctx, 2);
        RegressionLoss loss = f.task().support();
        GaussianStream r = GaussianStream.forRun(2, "directions");
        int n = f.net().size();
        int checked = 0;
        for (int trial = 0; trial < 20 && checked < 5; trial++) {
            double[] v = gaussian(r, n);
            double eps = 1e-5;
            double[] up = plus(f.theta(), eps, v);
            double[] down = plus(f.theta(), -eps, v);
            if (!samePattern(f.net(), loss, up, down) || !samePattern(f.net(), loss, up, f.theta())) {
                continue;
            }
            double[] gUp = new double[n];
            double[] gDown = new double[n];
            loss.valueAndGradient(up, gUp);
            loss.valueAndGradient(down, gDown);
            double[] hv = new double[n];
            double[] g = new double[n];
            loss.hessianVector(f.theta(), v, g, hv);
            double norm = 0;
            for (double x : hv) {
                norm = Math.max(norm, Math.abs(x));
            }
            for (int i = 0; i < n; i++) {
                double fd = (gUp[i] - gDown[i]) / (2 * eps);
                assertEquals(fd, hv[i], 1e-6 * norm, "component " + i);
            }
            double[] g2 = new double[n];
            loss.valueAndGradient(f.theta(), g2);
            assertArrayEquals(g2, g, 1e-12);
            checked++;
        }
        assertTrue(checked >= 3, "only " + checked + " directions stayed in one activation region");
    }

    /** F(theta0) = L_q(theta_k), theta_{j+1} = theta_j - lr (.) grad L_s(theta_j), or null when a unit switched. */
    static Double metaObjective(Fixture f, double[] theta0, double[] lr, int steps, boolean[][] reference) {
        RegressionLoss s = f.task().support();
        RegressionLoss q = f.task().query();
        double[] t = theta0.clone();
        double[] g = new double[t.length];
        for (int j = 0; j <= steps; j++) {
            boolean[] pat = j < steps ? f.net().pattern(t, s.x, s.size()) : f.net().pattern(t, q.x, q.size());
            if (reference[j] == null) {
                reference[j] = pat;
            } else if (!Arrays.equals(reference[j], pat)) {
                return null;
            }
            if (j < steps) {
                s.valueAndGradient(t, g);
                InnerSgd.step(t, lr, g);
            }
        }
        return q.value(t);
    }

    enum Which { THETA, RATES }

    /**
     * Directional derivatives of the meta-objective along random directions (of theta0, or of the rates)
     * against the analytic meta-gradient; also checks the first-order (FOMAML) gradient is measurably worse, so the second-order terms are really tested.
     */
    static void checkMetaGradient(Fixture f, double[] lr, int steps, Which which, boolean checkFirstOrderDiffers) {
        int n = f.net().size();
        double[] g = new double[n];
        double[] gLr = new double[n];
        double[] fo = new double[n];
        MetaGradient mg = new MetaGradient(n, steps);
        mg.accumulate(f.task(), f.theta(), lr, steps, true, g, gLr);
        mg.accumulate(f.task(), f.theta(), lr, steps, false, fo, null);
        double[] analytic = which == Which.THETA ? g : gLr;
        GaussianStream r = GaussianStream.forRun(steps, "meta-directions");
        int checked = 0;
        int firstOrderOff = 0;
        for (int trial = 0; trial < 40 && checked < 4; trial++) {
            double[] w = gaussian(r, n);
            if (which == Which.RATES || f.net().contextSize() > 0) {
                // rates: only directions where a rate is used; CAVIA: theta0's context is fixed at 0
                for (int i = 0; i < n; i++) {
                    boolean unusedRate = which == Which.RATES && lr[i] == 0;
                    boolean context = which == Which.THETA && f.net().contextSize() > 0
                            && i >= f.net().contextOffset();
                    if (unusedRate || context) {
                        w[i] = 0;
                    }
                }
            }
            double eps = 1e-6;
            boolean[][] ref = new boolean[steps + 1][];
            Double center = metaObjective(f, f.theta(), lr, steps, ref);
            Double up = which == Which.THETA ? metaObjective(f, plus(f.theta(), eps, w), lr, steps, ref)
                    : metaObjective(f, f.theta(), plus(lr, eps, w), steps, ref);
            Double down = which == Which.THETA ? metaObjective(f, plus(f.theta(), -eps, w), lr, steps, ref)
                    : metaObjective(f, f.theta(), plus(lr, -eps, w), steps, ref);
            if (center == null || up == null || down == null) {
                continue;
            }
            double fd = (up - down) / (2 * eps);
            double dir = 0;
            double dirFo = 0;
            for (int i = 0; i < n; i++) {
                dir += analytic[i] * w[i];
                dirFo += fo[i] * w[i];
            }
            assertTrue(relErr(fd, dir) < 1e-5, "numerical " + fd + " analytic " + dir);
            System.out.printf("meta-gradient check: relative error second order %.2e, first order %.2e%n",
                    relErr(fd, dir), relErr(fd, dirFo));
            if (relErr(fd, dirFo) > 100 * Math.max(relErr(fd, dir), 1e-9)) {
                firstOrderOff++;
            }
            checked++;
        }
        assertTrue(checked >= 3, "only " + checked + " directions stayed in one activation region");
        if (checkFirstOrderDiffers) {
            assertTrue(firstOrderOff > 0, "the first-order gradient matched too: the test cannot tell them apart");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void mamlMetaGradient(int steps) {
        Fixture f = fixture(0, 3);
        checkMetaGradient(f, InnerSgd.uniform(f.net().size(), 0.05), steps, Which.THETA, true);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void metaSgdMetaGradients(int steps) {
        Fixture f = fixture(0, 4);
        GaussianStream r = GaussianStream.forRun(4, "rates");
        double[] lr = new double[f.net().size()];
        for (int i = 0; i < lr.length; i++) {
            lr[i] = r.uniform(0.005, 0.05);
        }
        checkMetaGradient(f, lr, steps, Which.THETA, true);
        checkMetaGradient(f, lr, steps, Which.RATES, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void caviaMetaGradient(int steps) {
        Fixture f = fixture(5, 5);
        double[] theta = f.theta();
        Arrays.fill(theta, f.net().contextOffset(), theta.length, 0.0);
        double[] lr = new double[theta.length];
        Arrays.fill(lr, f.net().contextOffset(), lr.length, steps == 1 ? 1.0 : 0.2);
        checkMetaGradient(f, lr, steps, Which.THETA, true);
    }
}
