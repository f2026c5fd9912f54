package io.github.metasweep.spark.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One method's search space in a {@code tune:} section: grid values (lists) and distributions. A space of
 * lists only is a grid of exactly its product's size; with any distribution, every configuration is a
 * random draw and the lists are drawn from as choices.
 */
public record TuningSpace(Map<String, List<Object>> grid, Map<String, Distribution> distributions) {
    public TuningSpace {
        grid = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(grid)); // spec order labels configurations
        distributions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    }

    public boolean random() {
        return !distributions.isEmpty();
    }

    /** The grid's size: the configurations a grid-only space has. */
    public long gridSize() {
        long n = 1;
        for (List<Object> v : grid.values()) {
            n = Math.multiplyExact(n, v.size());
        }
        return n;
    }

    /** The random search this space is when it draws, {@code budget} points from {@code seed}. */
    public RandomSearch draws(int budget, long seed) {
        Map<String, Distribution> all = new LinkedHashMap<>(distributions);
        grid.forEach((k, v) -> all.put(k, new Distribution.Choice(v)));
        return new RandomSearch(budget, seed, all);
    }

    public Map<String, Object> toYaml() {
        Map<String, Object> m = new java.util.TreeMap<>();
        m.putAll(grid);
        distributions.forEach((k, d) -> m.put(k, d.toYaml()));
        return m;
    }
}
