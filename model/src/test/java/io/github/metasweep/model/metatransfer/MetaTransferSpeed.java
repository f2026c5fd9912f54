package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunSpec;
import java.util.Locale;
import java.util.Map;

/**
 * Speed of the meta-transfer runs (not a test): for each benchmark and encoder, a warm-up run, then a run of a few
 * epochs, extrapolated to the protocol's epochs (training dominates; evaluation is included once). Prints one line per
 * figure. Args: epochs to time (default 5), benchmarks (comma list, default all four). Run on one core.
 */
public final class MetaTransferSpeed {
    private MetaTransferSpeed() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] benchmarks = (args.length > 1 ? args[1] : "cos-sin,maze,double-pendulum,pendulum-parameters").split(",");
        for (String name : benchmarks) {
            Benchmark b = Benchmarks.get(name);
            for (String m : TransferModels.ENCODERS) {
                b.run(RunSpec.resolve(name, m, "full", Map.of("epochs", 1, "train_tasks", 50, "eval_tasks", 5), 99),
                        RunListener.SILENT);
                int protocol = RunSpec.resolve(name, m, "full", Map.of(), 0).params().getInt("epochs");
                long t0 = System.nanoTime();
                b.run(RunSpec.resolve(name, m, "full", Map.of("epochs", epochs), 0), RunListener.SILENT);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "whole %s %s run (%d epochs, extrapolated from %d): %.0f s%n", name, m,
                        protocol, epochs, s * protocol / epochs);
            }
        }
    }
}
