package io.github.metasweep.model.core;

import java.util.Map;

/**
 * What one run produced: the values of the metrics its benchmark declares (NaN where a diverged run has
 * none), named curves and free-form traces, all in insertion order.
 */
public record RunResult(String id, RunStatus status, String benchmark, String method, String variant, long seed,
                        ParamSet params, Map<String, Double> metrics, Map<String, Curve> curves,
                        Map<String, Trace> traces, double seconds, String message, Provenance provenance) {

    public RunResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        curves = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(curves));
        traces = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(traces));
    }

    /** The value of metric {@code name}; NaN when the run has none. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
