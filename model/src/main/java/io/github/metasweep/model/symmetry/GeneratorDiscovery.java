package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.optim.Adam;
import java.util.function.ToDoubleFunction;

/**
 * Learns a 2 x 2 generator W whose flow preserves an invariant function, by Adam on one of two losses over random
 * batches (docs/protocols/hereditary-symmetry.md):
 * <ul>
 *   <li>{@code differential} (the paper's): at a point q with unit kernel frame k, {@code ||(I - P_k) W q|| +
 *   ||(I - P_Wq) k||}, which in 2-D is {@code |k x Wq| (1 + 1 / ||Wq||)}: the field must lie along the kernel, and
 *   the kernel along the field (so W cannot collapse to 0); exact gradient;</li>
 *   <li>{@code functional}: {@code |f(exp(c W) q) - f(q)|} with c ~ U(0, 2 pi); its gradient by central differences
 *   of the closed-form exponential over the four entries (step 1e-6).</li>
 * </ul>
 */
public final class GeneratorDiscovery {
    private GeneratorDiscovery() {
    }

    /** The differential loss of one point and frame; adds its gradient with respect to W (scaled) into grad. */
    static double differential(double[] w, double[] q, double[] k, double scale, double[] grad) {
        double vx = w[0] * q[0] + w[1] * q[1];
        double vy = w[2] * q[0] + w[3] * q[1];
        double n = Math.hypot(vx, vy);
        if (n == 0) {
            return Double.POSITIVE_INFINITY; // the field vanishes: the second term is undefined
        }
        double cross = k[0] * vy - k[1] * vx;
        double loss = Math.abs(cross) * (1 + 1 / n);
        if (grad != null) {
            double sign = Math.signum(cross);
            // d loss / d v = sign k_perp (1 + 1/n) - |cross| v / n^3, with k_perp = (-k_y, k_x)
            double gx = sign * -k[1] * (1 + 1 / n) - Math.abs(cross) * vx / (n * n * n);
            double gy = sign * k[0] * (1 + 1 / n) - Math.abs(cross) * vy / (n * n * n);
            grad[0] += scale * gx * q[0];
            grad[1] += scale * gx * q[1];
            grad[2] += scale * gy * q[0];
            grad[3] += scale * gy * q[1];
        }
        return loss;
    }

    /** The functional loss of a batch at W (terms where f is not defined, NaN, are left out). */
    static double functional(double[] w, double[][] q, double[] c, ToDoubleFunction<double[]> f) {
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            double term = Math.abs(f.applyAsDouble(Generator2.apply(Generator2.exp(Generator2.scale(w, c[i])), q[i]))
                    - f.applyAsDouble(q[i]));
            sum += Double.isNaN(term) ? 0 : term;
        }
        return sum / q.length;
    }

    /** Progress of a discovery: W after each recorded step. */
    public interface Recorder {
        void record(int step, double[] w);
    }

    /**
     * Runs {@code steps} Adam steps from W ~ U[0, 1)^4 on batches of {@code batch} frames (differential) or points
     * (functional); returns the final W (NaN entries if it diverged).
     */
    public static double[] run(boolean differential, KernelFrames.Frames frames, double[][] points,
                               ToDoubleFunction<double[]> f, int steps, int batch, double lr, GaussianStream random,
                               int recordEvery, Recorder recorder) {
        double[] w = new double[4];
        for (int i = 0; i < 4; i++) {
            w[i] = random.uniform(0, 1);
        }
        Adam adam = new Adam(new double[] {lr, lr, lr, lr});
        double[] grad = new double[4];
        double[][] q = new double[batch][];
        double[] c = new double[batch];
        for (int step = 1; step <= steps; step++) {
            java.util.Arrays.fill(grad, 0.0);
            if (differential) {
                for (int b = 0; b < batch; b++) {
                    int i = (int) random.uniform(0, frames.size());
                    differential(w, frames.points()[i], frames.frames()[i], 1.0 / batch, grad);
                }
            } else {
                for (int b = 0; b < batch; b++) {
                    q[b] = points[(int) random.uniform(0, points.length)];
                    c[b] = random.uniform(0, 2 * Math.PI);
                }
                double h = 1e-6;
                for (int e = 0; e < 4; e++) {
                    double keep = w[e];
                    w[e] = keep + h;
                    double up = functional(w, q, c, f);
                    w[e] = keep - h;
                    double down = functional(w, q, c, f);
                    w[e] = keep;
                    grad[e] = (up - down) / (2 * h);
                }
            }
            boolean finite = true;
            for (double g : grad) {
                finite &= Double.isFinite(g);
            }
            if (!finite) {
                java.util.Arrays.fill(w, Double.NaN);
                recorder.record(step, w);
                return w;
            }
            adam.step(w, grad);
            if (step % recordEvery == 0 || step == steps) {
                recorder.record(step, w);
            }
        }
        return w;
    }
}
