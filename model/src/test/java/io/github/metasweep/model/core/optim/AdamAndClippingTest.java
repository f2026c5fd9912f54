package io.github.metasweep.model.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamAndClippingTest {

    /**
     * Two steps against Adam's closed form (Kingma and Ba, Algorithm 1, in PyTorch's arrangement
     * {@code p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)}) written out per step here, not looped:
     * after step 1, m = (1-b1) g1 and v = (1-b2) g1^2; after step 2, m = b1 m1 + (1-b1) g2 and
     * v = b2 v1 + (1-b2) g2^2. Step 1's gradient (3, -4, 12) has norm 13 and is clipped to norm 1;
     * step 2's (0.3, 0.4, 0) has norm 0.5 and is left alone. Two learning rates: 1e-3 and 5e-3.
     */
    @Test
    void twoStepsWithTwoLearningRatesAndClippingMatchTheClosedForm() {
        double[] lr = {1e-3, 1e-3, 5e-3};
        Adam adam = new Adam(lr);
        double[] p0 = {0.5, -0.25, 0.25};
        double[] p = p0.clone();

        double[] g1 = {3.0, -4.0, 12.0};
        assertEquals(13.0, GradientClipping.clipGlobalNorm(g1, 1.0), 1e-12);
        double c = 1.0 / (13 + 1e-6);
        assertArrayEquals(new double[] {3 * c, -4 * c, 12 * c}, g1, 1e-15);
        adam.step(p, g1);
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] expected1 = new double[3];
        double[] m1 = new double[3];
        double[] v1 = new double[3];
        for (int i = 0; i < 3; i++) {
            m1[i] = (1 - b1) * g1[i];
            v1[i] = (1 - b2) * g1[i] * g1[i];
            // bias-corrected: m1/(1-b1) = g1 and sqrt(v1/(1-b2)) = |g1|, so the step is lr * g1 / (|g1| + eps)
            expected1[i] = p0[i] - lr[i] * g1[i] / (Math.abs(g1[i]) + eps);
        }
        assertArrayEquals(expected1, p, 1e-15);

        double[] g2 = {0.3, 0.4, 0.0};
        assertEquals(0.5, GradientClipping.clipGlobalNorm(g2, 1.0), 1e-12);
        assertArrayEquals(new double[] {0.3, 0.4, 0.0}, g2, 0.0);
        adam.step(p, g2);
        double[] expected2 = new double[3];
        for (int i = 0; i < 3; i++) {
            double m2 = b1 * m1[i] + (1 - b1) * g2[i];
            double v2 = b2 * v1[i] + (1 - b2) * g2[i] * g2[i];
            expected2[i] = expected1[i] - lr[i] / (1 - b1 * b1) * m2 / (Math.sqrt(v2) / Math.sqrt(1 - b2 * b2) + eps);
        }
        assertArrayEquals(expected2, p, 1e-15);
        assertEquals(2, adam.steps());
    }

    /** A sanity anchor for the closed form itself: Adam's first step moves every coordinate by about lr. */
    @Test
    void theFirstStepMovesEachCoordinateByItsLearningRate() {
        Adam adam = new Adam(new double[] {0.1, 0.01});
        double[] p = {0, 0};
        adam.step(p, new double[] {-7, 0.002});
        assertArrayEquals(new double[] {0.1, -0.01}, p, 1e-6);
    }
}
