package io.github.metasweep.model.pendulum.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.optim.Precision;
import org.junit.jupiter.api.Test;

/** Every parameter's analytic gradient of the full loss against central finite differences, in float64. */
class PolicyValueLossGradientTest {

    static TrainingBatch randomBatch(int rows, long seed) {
        GaussianStream r = new GaussianStream(seed);
        float[] s = new float[rows * 2];
        float[] a = new float[rows];
        float[] rew = new float[rows];
        for (int i = 0; i < rows; i++) {
            s[2 * i] = (float) r.uniform(-1.5, 1.5);
            s[2 * i + 1] = (float) r.uniform(-2, 2);
            a[i] = (float) r.uniform(-2, 2);
            rew[i] = (float) r.uniform(-2, 0);
        }
        return new TrainingBatch(rows, s, a, rew);
    }

    /** Largest violation of |analytic - numeric| <= 1e-6 * max(1, |numeric|) over every parameter. */
    static void assertGradientMatches(PolicyValueLoss loss, double[] p, TrainingBatch batch, double tau, double w) {
        double[] analytic = loss.evaluate(p, batch, tau, w).gradient();
        double h = 1e-6;
        int checked = 0;
        for (Segment seg : loss.layout().segments()) {
            for (int i = seg.offset(); i < seg.end(); i++) {
                double[] plus = p.clone();
                double[] minus = p.clone();
                plus[i] += h;
                minus[i] -= h;
                double numeric = (loss.evaluate(plus, batch, tau, w).total() - loss.evaluate(minus, batch, tau, w).total()) / (2 * h);
                double tol = 1e-6 * Math.max(1.0, Math.abs(numeric));
                assertEquals(numeric, analytic[i], tol, seg.name() + "[" + (i - seg.offset()) + "]");
                checked++;
            }
        }
        assertEquals(loss.layout().size(), checked);
    }

    @Test
    void nbGradientMatchesFiniteDifferences() {
        NetworkShape shape = new NetworkShape(8, true, false, 4, 0.3);
        PolicyValueLoss loss = new PolicyValueLoss(shape, Precision.FLOAT64);
        double[] p = shape.initialize(new GaussianStream(1), 0.25, 0.3, Precision.FLOAT64);
        assertGradientMatches(loss, p, randomBatch(24, 2), 1.0, 0.1);
    }

    @Test
    void nbProGradientMatchesFiniteDifferencesWithSomeUnitsClamped() {
        NetworkShape shape = new NetworkShape(8, true, true, 4, 0.3);
        PolicyValueLoss loss = new PolicyValueLoss(shape, Precision.FLOAT64);
        double[] p = shape.initialize(new GaussianStream(3), 0.25, 0.3, Precision.FLOAT64);
        ParameterLayout layout = loss.layout();
        int kLayer = layout.get("k.layer").offset();
        int kBlock = layout.get("k.block").offset();
        p[kLayer] = 2.0;       // sigmoid 0.881
        p[kBlock] = 3.0;       // + 0.3*0.953 > 1: block 0 of layer 0 clamped at 1
        p[kBlock + 1] = -2.0;  // block 1 of layer 0 inside [0, 1]
        Gates gates = Gates.of(shape, layout, p);
        assertEquals(1.0, gates.gate(0)[0], 0.0);
        assertTrue(gates.gate(0)[4] < 1.0);
        assertGradientMatches(loss, p, randomBatch(24, 4), 0.35, 0.1);
        // Clamped units pass no gradient to their block parameter.
        double[] g = loss.evaluate(p, randomBatch(24, 4), 0.35, 0.1).gradient();
        assertEquals(0.0, g[kBlock], 0.0);
        assertTrue(g[kBlock + 1] != 0.0);
    }

    @Test
    void plainNetworkGradientMatchesFiniteDifferences() {
        NetworkShape shape = NetworkShape.plain(8);
        PolicyValueLoss loss = new PolicyValueLoss(shape, Precision.FLOAT64);
        double[] p = shape.initialize(new GaussianStream(5), 0.25, 0.3, Precision.FLOAT64);
        assertGradientMatches(loss, p, randomBatch(16, 6), 0.0, 0.0);
    }

    @Test
    void kTargetWeightZeroRemovesTheTermFromTheTargetsGradient() {
        NetworkShape shape = new NetworkShape(8, true, true, 4, 0.3);
        PolicyValueLoss loss = new PolicyValueLoss(shape, Precision.FLOAT64);
        double[] p = shape.initialize(new GaussianStream(7), 0.25, 0.3, Precision.FLOAT64);
        TrainingBatch batch = randomBatch(16, 8);
        LossTerms with = loss.evaluate(p, batch, 1.0, 0.1);
        LossTerms without = loss.evaluate(p, batch, 1.0, 0.0);
        int kTarget = loss.layout().get("k.target").offset();
        assertTrue(with.gradient()[kTarget] != 0.0);
        assertEquals(0.0, without.gradient()[kTarget], 0.0);
        assertEquals(with.total() - 0.1 * with.kTargetLoss(), without.total(), 1e-12);
    }
}
