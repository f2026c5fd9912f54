package io.github.metasweep.model.core;

/** Turns a run spec into its result: no Spark, no I/O, same spec, same result bit for bit (but seconds). */
public final class Runner {
    private Runner() {
    }

    public static RunResult run(RunSpec spec, RunListener listener) {
        return Benchmarks.get(spec.benchmark()).run(spec, listener);
    }
}
