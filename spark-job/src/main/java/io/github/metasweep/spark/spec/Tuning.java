package io.github.metasweep.spark.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code tune:} section: each tuned method's search space is tried with its budget of configurations on the
 * selection seeds, one configuration per method is chosen by {@code statistic} of {@code metric} (a diverged
 * run counts as the worst value), and the sweep reports the chosen configurations on its own seeds.
 *
 * @param spaces  tuned method to its search space, in the spec's method order
 * @param budgets tuned method to its number of configurations (equal unless the spec states otherwise)
 * @param seed    where the random draws come from (each method draws from {@code seed} and its name, kept >= 0 so
 *                the selection phase's recorded spec reads back)
 */
public record Tuning(List<Long> seeds, String metric, Statistic statistic, Map<String, Integer> budgets, long seed,
                     Map<String, TuningSpace> spaces) {

    /** How a configuration's selection-seed values become one score. */
    public enum Statistic {
        MEAN, MEDIAN, IQM;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Tuning {
        seeds = List.copyOf(seeds);
        budgets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(budgets));
        spaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spaces));
    }

    /** The sweep of one tuned method's selection phase: its space on the selection seeds, no baseline. */
    public SweepSpec selectionSpec(SweepSpec parent, String method) {
        TuningSpace space = spaces.get(method);
        int budget = budgets.get(method);
        Map<String, List<Object>> grid = space.random() ? Map.of() : space.grid();
        RandomSearch random = space.random() ? space.draws(budget, (seed ^ method.hashCode()) & Long.MAX_VALUE) : RandomSearch.NONE;
        Map<String, Object> params = new LinkedHashMap<>(parent.params());
        space.grid().keySet().forEach(params::remove);
        space.distributions().keySet().forEach(params::remove);
        String variant = parent.variants().get(method).get(0);
        return new SweepSpec(parent.name() + "-tuning-" + method, null, parent.benchmark(), seeds, List.of(method),
                Map.of(method, List.of(variant)), params, grid, random, List.of(), parent.maxRuns(), null, null,
                Map.of());
    }

    public Map<String, Object> toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seeds", seeds);
        m.put("metric", metric);
        m.put("statistic", statistic.key());
        m.put("seed", seed);
        m.put("budgets", budgets);
        Map<String, Object> s = new LinkedHashMap<>();
        spaces.forEach((k, v) -> s.put(k, v.toYaml()));
        m.put("space", s);
        return m;
    }
}
