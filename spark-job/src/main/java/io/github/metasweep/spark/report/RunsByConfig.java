package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.spark.stats.BootstrapInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep's stored runs grouped by configuration (in seed order), with the values and seed-paired
 * comparisons every table and report section is built from. Diverged runs count but give no value.
 */
public final class RunsByConfig {
    private final Map<String, List<RunRecord>> byConfig = new LinkedHashMap<>();
    private final Map<String, BootstrapInterval> meanIntervals = new java.util.concurrent.ConcurrentHashMap<>();

    public RunsByConfig(List<Config> configs, List<RunRecord> runs) {
        configs.forEach(c -> byConfig.put(c.key(), new ArrayList<>()));
        for (RunRecord r : runs) {
            byConfig.computeIfAbsent(r.configKey(), k -> new ArrayList<>()).add(r);
        }
        byConfig.values().forEach(l -> l.sort(Comparator.comparingLong(RunRecord::seed)));
    }

    public List<RunRecord> runs(Config c) {
        return byConfig.getOrDefault(c.key(), List.of());
    }

    public List<RunRecord> ok(Config c) {
        return runs(c).stream().filter(RunRecord::ok).toList();
    }

    public long diverged(Config c) {
        return runs(c).stream().filter(r -> !r.ok()).count();
    }

    /** The finite values of {@code metric} over the runs of {@code c} that ended ok. */
    public double[] values(Config c, String metric) {
        return runs(c).stream().mapToDouble(r -> r.metric(metric)).filter(Double::isFinite).toArray();
    }

    /**
     * The bootstrap interval of the mean of {@link #values}, computed once per configuration and metric (the
     * summary table and the report both show it; 10,000 resamples of every run's value are not free).
     */
    public BootstrapInterval meanInterval(Config c, String metric) {
        return meanIntervals.computeIfAbsent(c.key() + "\u0000" + metric,
                k -> BootstrapInterval.ofMean(values(c, metric)));
    }

    /**
     * Computes the mean intervals of every configuration and metric not computed yet, in parallel (each is seeded on
     * its own, so the values are those {@link #meanInterval} would compute one by one).
     */
    public void prepareMeanIntervals(List<Config> configs, List<String> metrics) {
        configs.stream().flatMap(c -> metrics.stream().map(m -> Map.entry(c, m))).toList().parallelStream()
                .forEach(e -> meanInterval(e.getKey(), e.getValue()));
    }

    /**
     * Pairs {@code c}'s {@code metric} with {@code base}'s {@code baseMetric} seed by seed: the improvement
     * ({@link MetricDef#improvement}: in % or as a difference, direction-aware) where it is defined (both runs ended
     * ok with finite values and, in %, a baseline other than 0); others are excluded.
     */
    public Paired pair(Config c, String metric, Config base, String baseMetric, MetricDef def) {
        Map<Long, RunRecord> baseBySeed = bySeed(base);
        List<double[]> rows = new ArrayList<>();
        int excluded = 0;
        for (RunRecord r : runs(c)) {
            RunRecord b = baseBySeed.get(r.seed());
            if (b == null) {
                continue;
            }
            double x = r.metric(metric);
            double y = b.metric(baseMetric);
            double gain = def.improvement(x, y);
            if (Double.isNaN(gain)) {
                excluded++;
            } else {
                rows.add(new double[] {gain, x, y});
            }
        }
        return new Paired(rows.stream().mapToDouble(x -> x[0]).toArray(), rows.stream().mapToDouble(x -> x[1]).toArray(),
                rows.stream().mapToDouble(x -> x[2]).toArray(), excluded);
    }

    /**
     * Per seed, how much worse {@code c}'s {@code metric} is than {@code from}'s, in the metric's units
     * (direction-aware: negative when it improved), where both runs ended ok with finite values.
     */
    public Map<Long, Double> worseningBySeed(Config c, Config from, String metric, MetricDef def) {
        Map<Long, Double> out = new LinkedHashMap<>();
        Map<Long, RunRecord> fromBySeed = bySeed(from);
        for (RunRecord r : runs(c)) {
            RunRecord f = fromBySeed.get(r.seed());
            double worse = f == null ? Double.NaN : -def.direction().sign() * (r.metric(metric) - f.metric(metric));
            if (Double.isFinite(worse)) {
                out.put(r.seed(), worse);
            }
        }
        return out;
    }

    /** The seeds every one of {@code configs} has a run of (ended ok or not). */
    public Set<Long> commonSeeds(Config... configs) {
        Set<Long> seeds = null;
        for (Config c : configs) {
            Set<Long> own = bySeed(c).keySet();
            if (seeds == null) {
                seeds = new java.util.HashSet<>(own);
            } else {
                seeds.retainAll(own);
            }
        }
        return seeds == null ? Set.of() : seeds;
    }

    /** {@code c}'s runs by their seed. */
    private Map<Long, RunRecord> bySeed(Config c) {
        Map<Long, RunRecord> out = new HashMap<>();
        runs(c).forEach(r -> out.put(r.seed(), r));
        return out;
    }

    /** Per-seed pairs of two configurations: the improvement, the two values, and the seeds left out. */
    public record Paired(double[] improvement, double[] left, double[] right, int excluded) {
        public int n() {
            return improvement.length;
        }
    }
}
