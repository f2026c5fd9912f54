package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.spark.spec.SeedSchedule;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.stats.ConfidenceSequence;
import io.github.metasweep.spark.stats.PairedSampleSize;
import io.github.metasweep.spark.stats.SequentialDecision;
import io.github.metasweep.spark.stats.Summary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * One comparison of seeds until decided on one headline metric: replayed look by look over the stored runs
 * (seeds in schedule order; a look counts once every seed up to it is stored for both configurations), it
 * stops at the first look whose anytime-valid interval decides it. Differences are per seed, direction-adjusted
 * (positive: the configuration is better than the baseline); seeds where either run diverged are left out.
 *
 * @param seeds      the look it was decided at, or the last look reached
 * @param decided    whether a verdict other than undecided was reached
 * @param margin     the equivalence margin in the metric's units at that look
 * @param excluded   seeds up to that look left out because a run diverged
 * @param fixedSeeds the seeds a fixed-size paired t-test needs for 80% power at the observed mean and sd
 */
public record SequentialJudgement(Comparison comparison, MetricDef metric, SequentialDecision.Verdict verdict,
                                  int seeds, boolean decided, double mean, double lower, double upper, double margin,
                                  int excluded, OptionalInt fixedSeeds) {
    public static final double FIXED_DESIGN_POWER = 0.8;

    /** Every comparison of the spec on every headline metric. */
    public static List<SequentialJudgement> judge(SweepSpec spec, Benchmark benchmark, List<Config> configs,
                                                  RunsByConfig runs) {
        List<MetricDef> headline = benchmark.metrics().stream().filter(MetricDef::headline).toList();
        SeedSchedule schedule = spec.schedule();
        ConfidenceSequence cs = ConfidenceSequence.tunedFor(schedule.min(), schedule.alpha());
        List<SequentialJudgement> out = new ArrayList<>();
        for (Comparison c : Comparison.of(spec, configs)) {
            for (MetricDef m : headline.isEmpty() ? benchmark.metrics() : headline) {
                out.add(judge(schedule, cs, c, m, runs));
            }
        }
        return out;
    }

    private static SequentialJudgement judge(SeedSchedule schedule, ConfidenceSequence cs, Comparison c, MetricDef m,
                                             RunsByConfig runs) {
        Map<Long, Double> x = values(runs.runs(c.config()), m);
        Map<Long, Double> y = values(runs.runs(c.baseline()), m);
        List<Long> seeds = schedule.seeds();
        SequentialJudgement last = null;
        for (int n : schedule.looks()) {
            List<Long> upTo = seeds.subList(0, n);
            if (!upTo.stream().allMatch(s -> x.containsKey(s) && y.containsKey(s))) {
                break;
            }
            List<Double> d = new ArrayList<>();
            List<Double> base = new ArrayList<>();
            for (long s : upTo) {
                double a = x.get(s);
                double b = y.get(s);
                if (Double.isFinite(a) && Double.isFinite(b)) {
                    d.add(m.direction().sign() * (a - b));
                    base.add(b);
                }
            }
            double[] diff = d.stream().mapToDouble(Double::doubleValue).toArray();
            double margin = schedule.margin() / 100 * Math.abs(Summary.of(base.stream().mapToDouble(Double::doubleValue)
                    .toArray()).mean());
            SequentialDecision decision = SequentialDecision.decide(diff, Double.isFinite(margin) ? margin : 0, cs);
            Summary s = Summary.of(diff);
            boolean decided = decision.verdict() != SequentialDecision.Verdict.UNDECIDED;
            last = new SequentialJudgement(c, m, decision.verdict(), n, decided, s.mean(), decision.interval().lower(),
                    decision.interval().upper(), margin, n - diff.length,
                    PairedSampleSize.seeds(s.mean(), s.sd(), schedule.alpha(), FIXED_DESIGN_POWER));
            if (decided) {
                break;
            }
        }
        return last != null ? last : new SequentialJudgement(c, m, SequentialDecision.Verdict.UNDECIDED, 0, false,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, OptionalInt.empty());
    }

    /** Seed to value (NaN for a diverged run) of one configuration's stored runs. */
    private static Map<Long, Double> values(List<RunRecord> runs, MetricDef m) {
        Map<Long, Double> v = new HashMap<>();
        runs.forEach(r -> v.put(r.seed(), r.metric(m.name())));
        return v;
    }

    /** The keys of the configurations in a comparison still undecided: they get the next batch of seeds. */
    public static Set<String> undecidedConfigs(List<SequentialJudgement> judged) {
        Set<String> keys = new LinkedHashSet<>();
        for (SequentialJudgement j : judged) {
            if (!j.decided()) {
                keys.add(j.comparison().config().key());
                keys.add(j.comparison().baseline().key());
            }
        }
        return keys;
    }

    /** A console line: how many comparisons are decided, and how. */
    public static String tally(List<SequentialJudgement> judged) {
        Map<String, Integer> counts = new TreeMap<>();
        judged.forEach(j -> counts.merge(j.verdict().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        long decided = judged.stream().filter(SequentialJudgement::decided).count();
        return decided + " of " + judged.size() + " comparisons decided " + counts;
    }
}
