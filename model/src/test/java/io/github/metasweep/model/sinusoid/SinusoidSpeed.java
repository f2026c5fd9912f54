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
