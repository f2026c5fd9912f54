package io.github.metasweep.model.bench;

import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.Runner;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Whole-run speed figures of the pendulum methods (docs/performance.md): one line per figure, the
 * median wall time of {@code repeats} runs (seeds 0..) after one warm-up run. A plain main, not JMH:
 * a run takes seconds. The micro-benchmarks are {@link ModelMicroBench}. Run with {@code scripts/bench.sh}.
 */
public final class WholeRuns {
    private WholeRuns() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(Locale.ROOT, "java %s, OMP_NUM_THREADS=%s, %d repeats (median shown; maml and fomaml %d)%n",
                System.getProperty("java.version"), System.getenv("OMP_NUM_THREADS"), repeats, Math.max(1, repeats / 2));
        wholeRun("nb-pro", Map.of(), repeats);
        wholeRun("nb", Map.of(), repeats);
        wholeRun("maml", Map.of(), Math.max(1, repeats / 2));
        wholeRun("maml", Map.of("inner_lr", "0.001"), Math.max(1, repeats / 2));
        wholeRun("fomaml", Map.of("inner_lr", "0.001"), Math.max(1, repeats / 2));
    }

    static void wholeRun(String method, Map<String, String> settings, int repeats) {
        Runner.run(RunSpec.resolve("pendulum-transfer", method, "full", settings, 0), RunListener.SILENT);
        double[] s = new double[repeats];
        String status = "";
        for (int i = 0; i < repeats; i++) {
            RunResult r = Runner.run(RunSpec.resolve("pendulum-transfer", method, "full", settings, i), RunListener.SILENT);
            s[i] = r.seconds();
            status = r.status().label();
        }
        System.out.printf(Locale.ROOT, "whole %s run%s (150 episodes x 1000 steps, 150 updates): %.2f s (last status %s)%n",
                method, settings.isEmpty() ? "" : " " + settings, median(s), status);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
