package io.github.metasweep.spark.report;

import io.github.metasweep.spark.spec.SweepSpec;
import java.util.ArrayList;
import java.util.List;

/** A configuration compared with a baseline configuration it matches (the tables' and report's pairs). */
public record Comparison(Config baseline, Config config) {

    /** For each baseline method in spec order, each of its configurations, every other matching configuration. */
    public static List<Comparison> of(SweepSpec spec, List<Config> configs) {
        List<Comparison> pairs = new ArrayList<>();
        for (String baseline : spec.baselines()) {
            for (Config b : configs) {
                if (!b.method().equals(baseline)) {
                    continue;
                }
                for (Config c : configs) {
                    if (c != b && c.matches(b)) {
                        pairs.add(new Comparison(b, c));
                    }
                }
            }
        }
        return pairs;
    }
}
