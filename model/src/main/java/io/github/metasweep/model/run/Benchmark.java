package io.github.metasweep.model.run;

import java.util.List;
import java.util.Map;

/**
 * A protocol that drives methods on tasks and measures them. Implementations are found by
 * {@link java.util.ServiceLoader}, so a new benchmark plugs in without touching the sweep job.
 */
public interface Benchmark {
    /** The name used in specs, e.g. {@code pendulum-transfer}. */
    String name();

    /** The methods this benchmark can run, in a stable order. */
    List<String> methods();

    /** Every hyper-parameter {@code method} accepts (protocol and method ones), with defaults. */
    List<ParamDef> params(String method);

    /** Variant names of {@code method}; the first is {@code full}, the method as itself. */
    List<String> variants(String method);

    /** The hyper-parameters a variant fixes (empty for {@code full}). */
    Map<String, Object> variantOverrides(String method, String variant);

    /** Runs one spec to completion; a pure function of the spec (a diverged run is a result, not an error). */
    RunResult run(RunSpec spec, RunListener listener);
}
