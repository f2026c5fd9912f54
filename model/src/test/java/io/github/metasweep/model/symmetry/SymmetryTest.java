package io.github.metasweep.model.symmetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The navigation step, its rotation equivariance, the exponential, kernel frames and discovery on exact data. */
class SymmetryTest {
    private static double[] rotate(double t, double[] v) {
        return new double[] {Math.cos(t) * v[0] - Math.sin(t) * v[1], Math.sin(t) * v[0] + Math.cos(t) * v[1]};
    }

    @Test
    void theStepByHand() {
        double[] next = PointNav.step(new double[] {4.95, 0}, new double[] {0.3, -0.05}, new double[] {1, -2});
        // x: 4.95 + clip(0.3) = 5.05 -> clipped to 5, then + 0.05; y: 0 - 0.05, then - 0.1
        assertArrayEquals(new double[] {5.05, -0.15}, next, 1e-12);
        assertEquals(-Math.hypot(5.05 - 1, -0.15), PointNav.reward(next, new double[] {1, 0}), 1e-12);
        assertTrue(PointNav.success(new double[] {1.09, 0.09}, new double[] {1, 0}));
        assertTrue(!PointNav.success(new double[] {1.11, 0.09}, new double[] {1, 0}));
    }

    @Test
    void rotatingStateActionGoalAndNoiseRotatesTheNextStateWithTheSameReward() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 1000; i++) {
            // inside the bounds, and actions short enough that no per-coordinate clip binds before or after rotating
            double[] p = {rng.nextDouble(-3, 3), rng.nextDouble(-3, 3)};
            double r = rng.nextDouble(0, 0.1);
            double th = rng.nextDouble(0, 2 * Math.PI);
            double[] a = {r * Math.cos(th), r * Math.sin(th)};
            double[] g = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            double[] noise = {rng.nextGaussian(), rng.nextGaussian()};
            double t = rng.nextDouble(0, 2 * Math.PI);
            double[] next = PointNav.step(p, a, noise);
            double[] turned = PointNav.step(rotate(t, p), rotate(t, a), rotate(t, noise));
            assertArrayEquals(rotate(t, next), turned, 1e-12);
            assertEquals(PointNav.reward(next, g), PointNav.reward(turned, rotate(t, g)), 1e-12);
        }
    }

    @Test
    void theExponentialOfTheRotationGeneratorIsARotationAndOthersMatchTheSeries() {
        for (double t : new double[] {0.3, 1.0, 2.66, -2.25}) {
            double[] e = Generator2.exp(Generator2.scale(Generator2.ROTATION, t));
            assertArrayEquals(new double[] {Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)}, e, 1e-12);
        }
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            double[] m = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            // the Taylor series, summed to convergence, as an independent computation
            double[] sum = {1, 0, 0, 1};
            double[] term = {1, 0, 0, 1};
            for (int k = 1; k < 40; k++) {
                term = new double[] {(term[0] * m[0] + term[1] * m[2]) / k, (term[0] * m[1] + term[1] * m[3]) / k,
                        (term[2] * m[0] + term[3] * m[2]) / k, (term[2] * m[1] + term[3] * m[3]) / k};
                for (int j = 0; j < 4; j++) {
                    sum[j] += term[j];
                }
            }
            assertArrayEquals(sum, Generator2.exp(m), 1e-12);
        }
        assertEquals(0.0, Generator2.errorUpToScale(new double[] {0, 3, -3, 0}, Generator2.ROTATION), 1e-12);
    }

    @Test
    void framesFromDenseSamplesAreTheCirclesTangents() {
        GaussianStream s = GaussianStream.forRun(1, "p");
        int n = 40_000;
        double[][] q = new double[n][];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = new double[] {s.uniform(-1, 1), s.uniform(-1, 1)};
            r[i] = -Math.hypot(q[i][0], q[i][1]);
        }
        KernelFrames.Frames f = KernelFrames.estimate(q, r, 0.05, 0.005);
        assertTrue(f.size() > n / 2, "most points get a frame: " + f.size());
        // a neighbour close by on a slightly different level set tilts a frame (the method's own noise): judge the
        // distribution of 1 - |cos(frame, tangent)| away from the centre, where the circles bend sharply
        java.util.List<Double> misfit = new java.util.ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            double[] k = f.frames()[i];
            double[] truth = KernelFrames.oracle(f.points()[i]);
            if (Math.hypot(f.points()[i][0], f.points()[i][1]) > 0.2) {
                misfit.add(1 - Math.abs(k[0] * truth[0] + k[1] * truth[1]));
            }
        }
        java.util.Collections.sort(misfit);
        double median = misfit.get(misfit.size() / 2);
        double p90 = misfit.get(misfit.size() * 9 / 10);
        assertTrue(median < 0.005 && p90 < 0.05, "median " + median + ", 90th percentile " + p90);
    }

    @Test
    void theDifferentialGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            double[] w = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            double[] q = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            double[] k = KernelFrames.oracle(new double[] {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)});
            double[] grad = new double[4];
            GeneratorDiscovery.differential(w, q, k, 1.0, grad);
            for (int e = 0; e < 4; e++) {
                double[] up = w.clone();
                double[] down = w.clone();
                up[e] += 1e-7;
                down[e] -= 1e-7;
                double fd = (GeneratorDiscovery.differential(up, q, k, 1, null)
                        - GeneratorDiscovery.differential(down, q, k, 1, null)) / 2e-7;
                assertEquals(fd, grad[e], 1e-5 * Math.max(1, Math.abs(fd)), "entry " + e);
            }
        }
    }

    @Test
    void differentialDiscoveryRecoversTheRotationOnExactFrames() {
        Map<String, Object> p = new HashMap<>(Map.of("frames", "oracle", "steps", 4000, "lr", 0.01, "samples", 500));
        RunResult r = Benchmarks.get(SymmetryDiscovery.NAME).run(RunSpec.resolve(SymmetryDiscovery.NAME,
                "differential", "full", p, 0), RunListener.SILENT);
        assertEquals(0.0, r.metric("discovery_failures"), 0.0);
        assertTrue(r.metric("generator_error") < 0.05, "error " + r.metric("generator_error"));
        assertTrue(r.metric("steps_to_threshold") < 4000, "steps " + r.metric("steps_to_threshold"));
        // the orbits trace: true orbits are circles about the goal; the learnt ones stay near them
        io.github.metasweep.model.core.Trace orbits = r.traces().get("generator-orbits");
        assertEquals(6, orbits.series().size());
        for (io.github.metasweep.model.core.Trace.Series o : orbits.series()) {
            double radius = Math.hypot(o.x()[0], o.y()[0]);
            double tolerance = o.shared() ? 1e-9 : 0.1 * radius;
            for (int i = 0; i < o.x().length; i++) {
                assertEquals(radius, Math.hypot(o.x()[i], o.y()[i]), tolerance, o.name() + " point " + i);
            }
            assertEquals(o.x()[0], o.x()[o.x().length - 1], tolerance, o.name() + " closes");
        }
    }
}
