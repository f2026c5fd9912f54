package io.github.metasweep.model.core.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The generic meta-learners on quadratic losses, against results written out by hand. */
class MetaLearnersByHandTest {

    /**
     * One Reptile meta-iteration, two tasks, 2 inner steps of SGD (rate 0.1), epsilon 0.5, theta = (1, -2).
     * Task 1: L = 1/2 * 2 (t1 - 0)^2 + 1/2 * 1 (t2 - 1)^2; task 2: L = 1/2 * 4 (t1 - 3)^2 + 1/2 * 0.5 (t2 + 1)^2.
     * An SGD step on a_i (t_i - c_i) gives t_i <- c_i + (1 - 0.1 a_i)(t_i - c_i):
     * task 1: t1: 1 -> 0.8 -> 0.64; t2: -2 -> -1.7 -> -1.43, so W1 - theta = (-0.36, 0.57).
     * task 2: t1: 1 -> 1.8 -> 2.28; t2: -2 -> -1.95 -> -1.9025, so W2 - theta = (1.28, 0.0975).
     * mean = (0.46, 0.33375); theta' = theta + 0.5 * mean = (1.23, -1.833125).
     */
    @Test
    void oneReptileStepByHand() {
        MetaTask t1 = QuadraticLoss.task(new QuadraticLoss(new double[]{2, 1}, new double[]{0, 1}),
                new QuadraticLoss(new double[]{1, 1}, new double[]{0, 0}));
        MetaTask t2 = QuadraticLoss.task(new QuadraticLoss(new double[]{4, 0.5}, new double[]{3, -1}),
                new QuadraticLoss(new double[]{1, 1}, new double[]{0, 0}));
        double[] theta = {1, -2};
        Reptile r = new Reptile(theta, 0.1, 2, 0.5, 0.01);
        r.step(new MetaTask[]{t1, t2}, 2, false);
        assertArrayEquals(new double[]{1.23, -1.833125}, theta, 1e-12);
    }

    /**
     * MAML's meta-gradient through one step on quadratics, in closed form: theta1 = theta0 - lr A (theta0 - cs),
     * F = 1/2 (theta1 - cq)' B (theta1 - cq), dF/dtheta0 = (I - lr A) B (theta1 - cq); first order drops (I - lr A);
     * Meta-SGD's dF/dlr_i = -[B (theta1 - cq)]_i [A (theta0 - cs)]_i.
     */
    @Test
    void metaGradientsThroughOneStepInClosedForm() {
        double[] a = {2, 3};
        double[] cs = {1, -1};
        double[] b = {0.5, 4};
        double[] cq = {-2, 2};
        double[] lr = {0.1, 0.2};
        double[] theta0 = {0.5, 0.25};
        MetaTask task = QuadraticLoss.task(new QuadraticLoss(a, cs), new QuadraticLoss(b, cq));
        double[] expected = new double[2];
        double[] expectedFo = new double[2];
        double[] expectedLr = new double[2];
        for (int i = 0; i < 2; i++) {
            double s = a[i] * (theta0[i] - cs[i]);
            double t1 = theta0[i] - lr[i] * s;
            double q = b[i] * (t1 - cq[i]);
            expected[i] = (1 - lr[i] * a[i]) * q;
            expectedFo[i] = q;
            expectedLr[i] = -q * s;
        }
        MetaGradient mg = new MetaGradient(2, 3);
        double[] g = new double[2];
        double[] gLr = new double[2];
        mg.accumulate(task, theta0, lr, 1, true, g, gLr);
        assertArrayEquals(expected, g, 1e-12);
        assertArrayEquals(expectedLr, gLr, 1e-12);
        double[] fo = new double[2];
        mg.accumulate(task, theta0, lr, 1, false, fo, null);
        assertArrayEquals(expectedFo, fo, 1e-12);
    }

    /** Two steps: dtheta2/dtheta0 = (1 - lr a)^2 per coordinate. */
    @Test
    void metaGradientThroughTwoStepsInClosedForm() {
        double[] a = {2, 3};
        double[] cs = {1, -1};
        double lr = 0.1;
        double[] theta0 = {0.5, 0.25};
        MetaTask task = QuadraticLoss.task(new QuadraticLoss(a, cs), new QuadraticLoss(new double[]{1, 1},
                new double[]{0, 0}));
        double[] g = new double[2];
        double loss = new MetaGradient(2, 2).accumulate(task, theta0, new double[]{lr, lr}, 2, true, g, null);
        double expectedLoss = 0;
        for (int i = 0; i < 2; i++) {
            double f = 1 - lr * a[i];
            double t2 = cs[i] + f * f * (theta0[i] - cs[i]);
            assertEquals(f * f * t2, g[i], 1e-12);
            expectedLoss += 0.5 * t2 * t2;
        }
        assertEquals(expectedLoss, loss, 1e-12);
    }
}
