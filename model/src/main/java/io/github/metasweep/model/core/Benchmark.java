package io.github.metasweep.model.core;

import java.util.List;
import java.util.Map;

/**
 * A protocol that drives methods on tasks and measures them: one per benchmark of a family. Found by
 * {@link java.util.ServiceLoader}, so a new family plugs in without touching the sweep job, which reads
 * metric names, directions and published claims from here and never names a benchmark or method.
 */
public interface Benchmark {
    /** The name used in specs, e.g. {@code pendulum-transfer}. */
    String name();

    /** One line saying what a run of this benchmark does, for --help and reports. */
    String description();

    /** The methods this benchmark can run, in a stable order. */
    List<String> methods();

    /** Every hyper-parameter {@code method} accepts (protocol and method ones), with defaults. */
    List<ParamDef> params(String method);

    /** Variant names of {@code method}; the first is {@code full}, the method as itself. */
    List<String> variants(String method);

    /** The hyper-parameters a variant fixes (empty for {@code full}). */
    Map<String, Object> variantOverrides(String method, String variant);

    /** The metrics every result of this benchmark carries, in report order. */
    List<MetricDef> metrics();

    /** Published claims the report judges (empty when the benchmark reproduces no paper). */
    default List<PublishedClaim> claims() {
        return List.of();
    }

    /** Facts about the published numbers themselves (e.g. where two sources disagree), Markdown lines. */
    default List<String> publishedNotes() {
        return List.of();
    }

    /** Runs one spec to completion; a pure function of the spec (a diverged run is a result, not an error). */
    RunResult run(RunSpec spec, RunListener listener);

    /** The declared metric {@code name}. */
    default MetricDef metric(String name) {
        return metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("benchmark " + name() + " declares no metric " + name));
    }
}
