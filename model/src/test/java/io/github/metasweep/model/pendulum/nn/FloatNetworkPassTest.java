package io.github.metasweep.model.pendulum.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.optim.Precision;
import org.junit.jupiter.api.Test;

/**
 * The float32 plain-array path against the float64 ND4J path (which PolicyValueLossGradientTest pins to finite
 * differences): the same loss terms and gradient up to float32 rounding, for every shape the methods use.
 */
class FloatNetworkPassTest {
    private static void assertSameAsFloat64(NetworkShape shape, long seed, int rows) {
        double[] p = shape.initialize(new GaussianStream(seed), 0.25, 0.3, Precision.FLOAT32);
        if (shape.gated()) { // gates away from 0.5 and, with blocks, some clamped at 1
            ParameterLayout layout = shape.layout();
            p[layout.get("k.layer").offset()] = 1.5;
            p[layout.get("k.layer").offset() + 1] = -0.7;
            if (shape.blocks()) {
                p[layout.get("k.block").offset()] = 3.0;
            }
        }
        TrainingBatch batch = PolicyValueLossGradientTest.randomBatch(rows, seed + 1);
        for (boolean withValue : new boolean[] {true, false}) {
            LossTerms f32 = new PolicyValueLoss(shape, Precision.FLOAT32).evaluate(p, batch, 0.4, 0.1, withValue);
            LossTerms f64 = new PolicyValueLoss(shape, Precision.FLOAT64).evaluate(p, batch, 0.4, 0.1, withValue);
            assertEquals(f64.actionLoss(), f32.actionLoss(), 1e-5 * f64.actionLoss());
            assertEquals(f64.valueLoss(), f32.valueLoss(), 1e-5 * Math.max(1e-3, f64.valueLoss()));
            assertEquals(f64.kTargetLoss(), f32.kTargetLoss(), 1e-12);
            double[] g32 = f32.gradient();
            double[] g64 = f64.gradient();
            double norm = 0;
            for (double g : g64) {
                norm = Math.max(norm, Math.abs(g));
            }
            int nonZero = 0;
            for (Segment s : shape.layout().segments()) {
                for (int i = s.offset(); i < s.end(); i++) {
                    assertEquals(g64[i], g32[i], 2e-5 * norm, s.name() + "[" + (i - s.offset()) + "] value " + withValue);
                    nonZero += g32[i] != 0 ? 1 : 0;
                }
            }
            assertTrue(nonZero > shape.layout().size() / 3, "the gradient is not mostly zero");
        }
    }

    @Test
    void nbProNetworksMatchFloat64() {
        assertSameAsFloat64(new NetworkShape(64, true, true, 16, 0.3), 7, 1000);
    }

    @Test
    void nbNetworksMatchFloat64() {
        assertSameAsFloat64(new NetworkShape(64, true, false, 16, 0.3), 9, 333);
    }

    @Test
    void hessianVectorProductsMatchFloat64() {
        NetworkShape shape = NetworkShape.plain(64);
        double[] p = shape.initialize(new GaussianStream(21), 0.25, 0.3, Precision.FLOAT32);
        GaussianStream r = new GaussianStream(22);
        double[] v = new double[p.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.uniform(-1, 1);
        }
        TrainingBatch batch = PolicyValueLossGradientTest.randomBatch(500, 23);
        for (boolean withValue : new boolean[] {true, false}) {
            double[] h32 = new PolicyValueLoss(shape, Precision.FLOAT32).hessianVector(p, v, batch, withValue);
            double[] h64 = new PolicyValueLoss(shape, Precision.FLOAT64).hessianVector(p, v, batch, withValue);
            double norm = 0;
            for (double x : h64) {
                norm = Math.max(norm, Math.abs(x));
            }
            assertTrue(norm > 0);
            for (int i = 0; i < p.length; i++) {
                assertEquals(h64[i], h32[i], 2e-5 * norm, "H v [" + i + "] value " + withValue);
            }
        }
    }

    @Test
    void plainNetworksMatchFloat64() {
        assertSameAsFloat64(NetworkShape.plain(64), 11, 37);
        assertSameAsFloat64(NetworkShape.plain(8), 13, 5);
    }
}
