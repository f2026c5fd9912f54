package io.github.metasweep.spark.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds until decided: seeds {@code from, from+1, ...} in batches, at least {@code min} and at most {@code max} per
 * configuration; after each batch every comparison with a baseline on a headline metric is judged with an
 * anytime-valid confidence sequence at level {@code alpha}, and a configuration gets more seeds only while one
 * of its comparisons is undecided.
 *
 * @param margin equivalence margin in percent of the baseline's mean (0: no equivalence verdict)
 */
public record SeedSchedule(long from, int min, int max, int batch, double margin, double alpha) {

    /** Every seed the schedule may run, in order. */
    public List<Long> seeds() {
        List<Long> s = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            s.add(from + i);
        }
        return s;
    }

    /** The seed counts after which comparisons are judged: min, min + batch, ..., max. */
    public List<Integer> looks() {
        List<Integer> n = new ArrayList<>();
        for (int k = min; k < max; k += batch) {
            n.add(k);
        }
        n.add(max);
        return n;
    }

    public Map<String, Object> toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("min", min);
        m.put("max", max);
        m.put("batch", batch);
        m.put("until", "decided");
        m.put("margin", margin);
        m.put("alpha", alpha);
        return m;
    }
}
