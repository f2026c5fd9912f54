package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import java.util.Locale;
import java.util.Map;

/**
 * Speed of the sinusoid hot paths (not a test): prints one line per figure. Args: methods (comma list,
 * default maml,fomaml,reptile) and meta-iterations to time (default 70000; fewer are extrapolated to
 * 70000, which the line says). Run on one core; other developers share the machine, so timings are
 * under contention.
 */
public final class SinusoidSpeed {
    private SinusoidSpeed() {
    }

    static final double PEAK = 40e9;

    /**
     * Dense FLOPs (a multiply-add counts 2; ReLU zeros not skipped) per point of a 1-h-h-1 network:
     * forward 2(h + h^2 + h); gradient = forward + backward 2(h + 2h^2 + 2h) (W2^T delta and the W2 outer
     * product); Hessian-vector product without the gradient = forward, R-forward 2(2h + 2h^2 + 2h), backward
     * deltas 2h^2, R-backward 2(4h^2 + 4h).
     */
    static double forward(int h) {
        return 2.0 * (h + h * h + h);
    }

    static double gradient(int h) {
        return forward(h) + 2.0 * (h + 2.0 * h * h + 2 * h);
    }

    static double hvp(int h) {
        return forward(h) + 2.0 * (4.0 * h + 2.0 * h * h) + 2.0 * h * h + 2.0 * (4.0 * h * h + 4 * h);
    }

    /** Dense FLOPs of one meta-iteration (25 tasks, K support and K query points, 1 inner step). */
    static double flopsPerIteration(String method, int k, int h, int batch, int reptileSteps) {
        double perTask = switch (method) {
            case "maml" -> k * (2 * gradient(h) + hvp(h));
            case "fomaml", "pretrained" -> k * 2 * gradient(h);
            case "reptile" -> k * reptileSteps * gradient(h);
            default -> Double.NaN;
        };
        return batch * perTask;
    }

    public static void main(String[] args) {
        String[] methods = (args.length > 0 ? args[0] : "maml,fomaml,reptile").split(",");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 70_000;
        for (String m : methods) {
            // warm-up: a short run of the same method, so the JIT has compiled the hot loops
            RunSpec.resolve("sinusoid", m, "full", Map.of("meta_iterations", 300, "eval_tasks", 10), 99);
            new SinusoidRegression().run(RunSpec.resolve("sinusoid", m, "full",
                    Map.of("meta_iterations", 300, "eval_tasks", 10), 99), RunListener.SILENT);
            RunSpec spec = RunSpec.resolve("sinusoid", m, "full", Map.of("meta_iterations", iterations), 0);
            long t0 = System.nanoTime();
            RunResult r = new SinusoidRegression().run(spec, RunListener.SILENT);
            double s = (System.nanoTime() - t0) / 1e9;
            double flops = flopsPerIteration(m, 10, 40, 25, 5);
            double perRun = flops * 70_000;
            double seconds70k = s * 70_000.0 / iterations;
            if (!Double.isNaN(flops)) {
                System.out.printf(Locale.ROOT, "sinusoid %s: %.2f MFLOP per meta-iteration (dense count), %.0f GFLOP per "
                        + "70000-iteration run, %.1f GFLOP/s achieved = %.0f%% of a 40 GFLOP/s single-core peak%n",
                        m, flops / 1e6, perRun / 1e9, perRun / seconds70k / 1e9, 100 * perRun / seconds70k / PEAK);
            }
            if (iterations == 70_000) {
                System.out.printf(Locale.ROOT, "whole sinusoid %s run (70000 meta-iterations, K=10): %.1f s "
                        + "(mse_step1 %.3f, mse_step10 %.3f)%n", m, s, r.metric("mse_step1"), r.metric("mse_step10"));
            } else {
                System.out.printf(Locale.ROOT, "sinusoid %s run of %d meta-iterations (K=10, 600 eval tasks): %.2f s; "
                        + "extrapolated to 70000: %.1f s%n", m, iterations, s, s * 70_000.0 / iterations);
            }
        }
    }
}
