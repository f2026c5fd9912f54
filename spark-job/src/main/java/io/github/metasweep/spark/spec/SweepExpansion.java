package io.github.metasweep.spark.spec;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a sweep into runs: seeds x methods x variants x grid points x random draws. Each method
 * takes only the hyper-parameters it accepts, and a variant's fixed values win over params, grid
 * and random, so combinations that would be the same run collapse into one. Runs come seed by seed
 * (every configuration of seed 0, then seed 1, ...), so a sweep stopped early has complete pairs.
 */
public final class SweepExpansion {
    private SweepExpansion() {
    }

    /** Every run of the sweep, in a stable order; ids are unique. */
    public static List<PlannedRun> expand(SweepSpec spec) {
        Benchmark benchmark = Benchmarks.get(spec.benchmark());
        List<Map<String, Object>> points = gridPoints(spec.grid());
        List<Map<String, Object>> draws = spec.random().draws();
        Set<String> swept = spec.sweptKeys();
        List<Configuration> configurations = new ArrayList<>();
        for (String method : spec.methods()) {
            for (String variant : spec.variants().get(method)) {
                Set<String> usable = usable(benchmark, method, variant);
                Set<Map<String, Object>> seen = new LinkedHashSet<>();
                for (Map<String, Object> point : points) {
                    for (Map<String, Object> draw : draws) {
                        Map<String, Object> overrides = new LinkedHashMap<>();
                        putUsable(overrides, spec.params(), usable);
                        putUsable(overrides, spec.methodParams().getOrDefault(method, Map.of()), usable);
                        putUsable(overrides, point, usable);
                        putUsable(overrides, draw, usable);
                        if (seen.add(overrides)) {
                            Map<String, Object> sweptValues = new LinkedHashMap<>();
                            overrides.forEach((k, v) -> {
                                if (swept.contains(k)) {
                                    sweptValues.put(k, v);
                                }
                            });
                            configurations.add(new Configuration(method, variant, overrides, sweptValues));
                        }
                    }
                }
            }
        }
        List<PlannedRun> runs = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (long seed : spec.seeds()) {
            for (Configuration c : configurations) {
                RunSpec run = RunSpec.resolve(spec.benchmark(), c.method, c.variant, c.overrides, seed);
                if (ids.add(run.id())) {
                    runs.add(new PlannedRun(run, c.swept));
                }
            }
        }
        return runs;
    }

    /**
     * The number of runs the spec expands to, from its axes alone (nothing is expanded): seeds times, per
     * method and variant, the grid points and random draws over the keys it takes. Random draws that happen
     * to coincide would collapse, so this is an upper bound in that case.
     */
    public static long count(SweepSpec spec) {
        Benchmark benchmark = Benchmarks.get(spec.benchmark());
        long configurations = 0;
        for (String method : spec.methods()) {
            for (String variant : spec.variants().get(method)) {
                Set<String> usable = usable(benchmark, method, variant);
                long points = 1;
                for (Map.Entry<String, List<Object>> e : spec.grid().entrySet()) {
                    if (usable.contains(e.getKey())) {
                        points = Math.multiplyExact(points, e.getValue().size());
                    }
                }
                boolean drawn = spec.random().n() > 0
                        && spec.random().distributions().keySet().stream().anyMatch(usable::contains);
                configurations = Math.addExact(configurations, drawn ? Math.multiplyExact(points, spec.random().n())
                        : points);
            }
        }
        return Math.multiplyExact(configurations, (long) spec.seeds().size());
    }

    /** The hyper-parameters a method takes that its variant does not fix. */
    private static Set<String> usable(Benchmark benchmark, String method, String variant) {
        Set<String> usable = new LinkedHashSet<>();
        for (ParamDef d : benchmark.params(method)) {
            usable.add(d.name());
        }
        usable.removeAll(benchmark.variantOverrides(method, variant).keySet());
        return usable;
    }

    private static void putUsable(Map<String, Object> into, Map<String, Object> values, Set<String> usable) {
        values.forEach((k, v) -> {
            if (usable.contains(k)) {
                into.put(k, v);
            }
        });
    }

    /** The cartesian product of the grid, first key outermost; one empty point for an empty grid. */
    static List<Map<String, Object>> gridPoints(Map<String, List<Object>> grid) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (Object v : e.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(e.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    private record Configuration(String method, String variant, Map<String, Object> overrides,
                                 Map<String, Object> swept) {
    }
}
