package io.github.metasweep.model.pendulum.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.optim.Precision;
import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.ForcedPendulum;
import io.github.metasweep.model.pendulum.env.InitialStates;
import io.github.metasweep.model.pendulum.nn.FrozenPattern;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.pendulum.nn.PolicyValueLoss;
import io.github.metasweep.model.pendulum.nn.TrainingBatch;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: second-order MAML's Hessian-vector products at the production setting (hidden 64, float32,
 * a 500-row support set of a real episode), where a finite-difference step of the production size
 * crosses ReLU kinks. The exact products (R-operator, activation pattern of the point held) are checked
 * against float64 central differences taken with that pattern frozen ({@link FrozenPattern}), the whole
 * meta-gradient against differences of the meta-objective inside one activation region, and the old
 * forward-difference product is kept here as the regression example it is.
 */
class MamlHessianVectorTest {
    static final NetworkShape SHAPE = NetworkShape.plain(64);
    static ParamSet p32;
    static TrainingBatch support;
    static TrainingBatch query;
    static double[] theta;
    /** phi_0 .. phi_5 of the float32 inner loop from theta, and the query gradient at phi_5. */
    static double[][] path;
    static double[] queryGradient;

    /** A MAML learner trained for 3 real episodes, and the support and query rows of a 4th. */
    @BeforeAll
    static void trainedPoint() {
        p32 = MamlTest.params("maml");
        MamlLearner maml = Maml.learner(p32, 0, true);
        ForcedPendulum env = new ForcedPendulum(1.0);
        InitialStates states = new InitialStates(0);
        Episode e = null;
        for (int i = 0; i < 4; i++) {
            states.resetNext(env);
            e = Episode.rollout(env, maml.policyForEpisode(), 1000);
            if (i < 3) {
                assertTrue(maml.learn(e, 0.0));
            }
        }
        TrainingBatch[] sq = MamlTest.supportAndQuery(e, p32);
        support = sq[0];
        query = sq[1];
        assertEquals(500, support.rows());
        theta = maml.parameters();
        PolicyValueLoss loss = new PolicyValueLoss(SHAPE, Precision.FLOAT32);
        path = innerPath(loss, theta, 0.01, Precision.FLOAT32);
        queryGradient = loss.evaluate(path[5], query, 0, 0).gradient();
    }

    static double[][] innerPath(PolicyValueLoss loss, double[] start, double alpha, Precision precision) {
        double[][] points = new double[6][];
        points[0] = start.clone();
        for (int k = 0; k < 5; k++) {
            double[] g = loss.evaluate(points[k], support, 0, 0).gradient();
            double[] next = points[k].clone();
            for (int i = 0; i < next.length; i++) {
                next[i] -= alpha * g[i];
            }
            precision.roundAll(next);
            points[k + 1] = next;
        }
        return points;
    }

    /** The step of the old forward difference, 2 sqrt(eps) (1 + |phi|) / |v|, float32's eps. */
    static double oldStep(double[] phi, double[] v) {
        return 2.0 * Math.sqrt(Math.ulp(1.0f)) * (1.0 + FrozenPattern.norm(phi)) / FrozenPattern.norm(v);
    }

    static double[] along(double[] p, double[] v, double r) {
        double[] out = p.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += r * v[i];
        }
        return out;
    }

    @Test
    void exactProductsMatchFrozenPatternCentralDifferencesWhereTheOldStepCrossesKinks() {
        PolicyValueLoss loss32 = new PolicyValueLoss(SHAPE, Precision.FLOAT32);
        PolicyValueLoss loss64 = new PolicyValueLoss(SHAPE, Precision.FLOAT64);
        for (int k : new int[] {0, 4}) {
            double[] phi = path[k];
            double[] v = queryGradient;
            int crossed = FrozenPattern.differences(FrozenPattern.of(SHAPE, phi, support),
                    FrozenPattern.of(SHAPE, along(phi, v, oldStep(phi, v)), support));
            double[] reference = FrozenPattern.centralHessianVector(SHAPE, phi, v, support);
            double err32 = FrozenPattern.relativeError(loss32.hessianVector(phi, v, support, true), reference);
            double err64 = FrozenPattern.relativeError(loss64.hessianVector(phi, v, support, true), reference);
            System.out.printf(Locale.ROOT, "phi_%d: %d units cross a kink within the old step; |Hv| %.4g; "
                    + "exact float32 vs frozen central difference %.3g, exact float64 %.3g%n",
                    k, crossed, FrozenPattern.norm(reference), err32, err64);
            assertTrue(crossed >= 10, "the production step crosses kinks here: " + crossed);
            assertTrue(err32 < 1e-4, "float32 exact product, relative error " + err32);
            assertTrue(err64 < 1e-7, "float64 exact product, relative error " + err64);
        }
    }

    /**
     * Regression example of issue 19 (the old production formula, kept here and nowhere else):
     * {@code (grad(phi + r v) - grad(phi)) / r} in float32 with r = 2 sqrt(eps)(1 + |phi|)/|v|. At this
     * point the step switches units on or off, the gradient jumps there, and the quotient is dominated
     * by the jump divided by r, not by the curvature.
     */
    @Test
    void theOldForwardDifferenceProductIsWrongAtThesePoints() {
        PolicyValueLoss loss32 = new PolicyValueLoss(SHAPE, Precision.FLOAT32);
        for (int k : new int[] {0, 4}) {
            double[] phi = path[k];
            double[] v = queryGradient;
            double r = oldStep(phi, v);
            double[] g0 = loss32.evaluate(phi, support, 0, 0).gradient();
            double[] g1 = loss32.evaluate(along(phi, v, r), support, 0, 0).gradient();
            double[] old = new double[g0.length];
            for (int i = 0; i < old.length; i++) {
                old[i] = (g1[i] - g0[i]) / r;
            }
            double[] reference = FrozenPattern.centralHessianVector(SHAPE, phi, v, support);
            double errOld = FrozenPattern.relativeError(old, reference);
            double errExact = FrozenPattern.relativeError(loss32.hessianVector(phi, v, support, true), reference);
            System.out.printf(Locale.ROOT, "phi_%d: old forward difference vs frozen central difference %.3g, "
                    + "exact %.3g%n", k, errOld, errExact);
            assertTrue(errOld > 0.01, "old product's relative error " + errOld);
            assertTrue(errExact < errOld / 1000, "exact " + errExact + " vs old " + errOld);
        }
    }

    /**
     * The second-order meta-gradient through 5 inner steps (float64) against central differences of the
     * meta-objective along three directions (the gradient's, its second-order part's and a random one),
     * with a step small enough that no activation pattern of the path (support rows at phi_0..phi_4,
     * query rows at phi_5) changes at the perturbed points: checked, not assumed.
     */
    @Test
    void metaGradientThroughFiveInnerStepsMatchesDifferencesWithinOneActivationRegion() {
        ParamSet p64 = MamlTest.params("maml", "precision", "float64");
        MamlLearner maml = Maml.learner(p64, 0, true);
        double[] g = maml.metaGradient(theta, support, query);
        double[] first = Maml.learner(p64, 0, false).metaGradient(theta, support, query);
        double[] secondPart = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            secondPart[i] = g[i] - first[i];
        }
        double[] random = new double[g.length];
        Random rnd = new Random(19);
        for (int i = 0; i < random.length; i++) {
            random[i] = rnd.nextGaussian();
        }
        PolicyValueLoss loss64 = new PolicyValueLoss(SHAPE, Precision.FLOAT64);
        boolean[][] base = patterns(loss64, theta);
        for (double[] u : new double[][] {unit(g), unit(secondPart), unit(random)}) {
            double analytic = dot(g, u);
            double h = 1e-5;
            while (changed(loss64, base, along(theta, u, h)) || changed(loss64, base, along(theta, u, -h))) {
                h /= 4;
                assertTrue(h > 1e-10, "no step keeps the activation patterns");
            }
            double numeric = (maml.metaObjective(along(theta, u, h), support, query)
                    - maml.metaObjective(along(theta, u, -h), support, query)) / (2 * h);
            double err = Math.abs(numeric - analytic);
            System.out.printf(Locale.ROOT, "meta-gradient along a unit direction: analytic %.10g numeric %.10g "
                    + "(step %.2g, patterns unchanged), error %.3g; second-order part along it %.4g%n",
                    analytic, numeric, h, err, dot(secondPart, u));
            assertTrue(err < 1e-6 * Math.max(1e-3, Math.abs(numeric)), "error " + err);
        }
        assertTrue(FrozenPattern.norm(secondPart) > 1e-4, "second-order part visible: " + FrozenPattern.norm(secondPart));
    }

    /** The activation patterns the meta-objective's pieces depend on: support at phi_0..phi_4, query at phi_5. */
    static boolean[][] patterns(PolicyValueLoss loss64, double[] start) {
        double[][] points = innerPath(loss64, start, 0.01, Precision.FLOAT64);
        boolean[][] out = new boolean[6][];
        for (int k = 0; k < 5; k++) {
            out[k] = FrozenPattern.of(SHAPE, points[k], support);
        }
        out[5] = FrozenPattern.of(SHAPE, points[5], query);
        return out;
    }

    static boolean changed(PolicyValueLoss loss64, boolean[][] base, double[] point) {
        boolean[][] now = patterns(loss64, point);
        for (int k = 0; k < now.length; k++) {
            if (FrozenPattern.differences(base[k], now[k]) > 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void gatedNetworksAreRefused() {
        NetworkShape gated = new NetworkShape(8, true, true, 4, 0.3);
        PolicyValueLoss loss = new PolicyValueLoss(gated, Precision.FLOAT64);
        double[] p = new double[gated.layout().size()];
        assertThrows(UnsupportedOperationException.class, () -> loss.hessianVector(p, p, support, true));
    }

    static double[] unit(double[] v) {
        double n = FrozenPattern.norm(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / n;
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
