package io.github.metasweep.spark.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code n} points drawn from the distributions, the same points for every method (each method uses
 * the coordinates it accepts), so a baseline can be matched on them. Deterministic: the draws come
 * from {@code seed} in hyper-parameter name order.
 */
public record RandomSearch(int n, long seed, Map<String, Distribution> distributions) {
    public static final RandomSearch NONE = new RandomSearch(0, 0, Map.of());

    public RandomSearch {
        distributions = new TreeMap<>(distributions);
    }

    /** The drawn points; one empty point when {@code n} is 0, so a product with it changes nothing. */
    public List<Map<String, Object>> draws() {
        if (n == 0 || distributions.isEmpty()) {
            return List.of(Map.of());
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> point = new LinkedHashMap<>();
            distributions.forEach((key, d) -> point.put(key, d.draw(rng)));
            points.add(point);
        }
        return points;
    }

    public Map<String, Object> toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("seed", seed);
        distributions.forEach((k, d) -> m.put(k, d.toYaml()));
        return m;
    }
}
