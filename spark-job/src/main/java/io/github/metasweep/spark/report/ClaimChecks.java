package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.PublishedClaim.Kind;
import io.github.metasweep.model.core.PublishedClaim.Side;
import io.github.metasweep.model.core.PublishedClaim.Statistic;
import io.github.metasweep.spark.stats.BootstrapInterval;
import io.github.metasweep.spark.stats.Summary;
import io.github.metasweep.spark.stats.WelchSampleSize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Checks a benchmark's published claims on a sweep: each claim on every configuration it speaks of
 * (its method, variant and {@code where}), a comparison against every matching reference configuration.
 */
public final class ClaimChecks {
    public static final double ALPHA = 0.05;
    public static final double POWER = 0.8;

    private ClaimChecks() {
    }

    public static List<ClaimCheck> check(Benchmark benchmark, List<Config> configs, RunsByConfig runs) {
        List<ClaimCheck> checks = new ArrayList<>();
        for (PublishedClaim claim : benchmark.claims()) {
            MetricDef def = benchmark.metric(claim.subject().metric());
            List<Config> subjects = of(configs, claim.subject(), claim);
            if (claim.kind() == Kind.VALUE) {
                for (Config c : subjects) {
                    double[] x = runs.values(c, def.name());
                    Summary s = Summary.of(x);
                    BootstrapInterval ci = interval(x, claim.statistic());
                    checks.add(new ClaimCheck(claim, c.display(), statistic(s, claim.statistic()), ci.low(), ci.high(),
                            x.length, (int) runs.diverged(c),
                            WelchSampleSize.perGroup(s.mean() - claim.value(), s.sd(), 0.0, ALPHA, POWER),
                            protocolDifference(claim, c)));
                }
                continue;
            }
            Side ref = claim.reference();
            if (claim.kind() == Kind.STEADIER) {
                checks.addAll(steadier(claim, def, configs, runs, subjects));
                continue;
            }
            boolean sameConfig = ref.method().equals(claim.subject().method())
                    && ref.variant().equals(claim.subject().variant());
            if (sameConfig) {
                for (Config c : subjects) {
                    checks.add(compare(claim, def, runs, c, c, c.display()));
                }
                continue;
            }
            for (Config b : of(configs, ref, claim)) {
                for (Config c : subjects) {
                    if (c != b && c.matches(b)) {
                        String context = ref.method().equals(claim.subject().method())
                                ? "against " + b.display() : c.display() + " vs " + b.display();
                        checks.add(compare(claim, def, runs, c, b, context));
                    }
                }
            }
        }
        return checks;
    }

    private static ClaimCheck compare(PublishedClaim claim, MetricDef def, RunsByConfig runs, Config c, Config b,
                                      String context) {
        RunsByConfig.Paired p = runs.pair(c, claim.subject().metric(), b, claim.reference().metric(), def);
        Summary own = Summary.of(p.left());
        Summary base = Summary.of(p.right());
        Summary imp = Summary.of(p.improvement());
        BootstrapInterval ci = interval(p.improvement(), claim.statistic());
        OptionalInt needed = WelchSampleSize.perGroup(own.mean() - base.mean(), own.sd(), base.sd(), ALPHA, POWER);
        String difference = protocolDifference(claim, c);
        return new ClaimCheck(claim, context, statistic(imp, claim.statistic()), ci.low(), ci.high(), p.n(),
                p.excluded(), needed, difference.isEmpty() ? protocolDifference(claim, b) : difference);
    }

    /** A steadiness claim on every subject configuration and matching reference, each with its counterpart at {@code from}. */
    private static List<ClaimCheck> steadier(PublishedClaim claim, MetricDef def, List<Config> configs,
                                             RunsByConfig runs, List<Config> subjects) {
        List<ClaimCheck> checks = new ArrayList<>();
        for (Config c : subjects) {
            Config cFrom = counterpart(configs, c, claim.from());
            for (Config b : of(configs, claim.reference(), claim)) {
                Config bFrom = counterpart(configs, b, claim.from());
                if (c == b || !c.matches(b) || cFrom == null || bFrom == null) {
                    continue;
                }
                Map<Long, Double> own = runs.worseningBySeed(c, cFrom, claim.subject().metric(), def);
                Map<Long, Double> base = runs.worseningBySeed(b, bFrom, claim.reference().metric(), def);
                List<double[]> rows = new ArrayList<>();
                own.forEach((seed, w) -> {
                    Double v = base.get(seed);
                    if (v != null) {
                        rows.add(new double[] {v - w, w, v});
                    }
                });
                int seeds = runs.commonSeeds(c, cFrom, b, bFrom).size();
                double[] diff = rows.stream().mapToDouble(x -> x[0]).toArray();
                Summary ownChange = Summary.of(rows.stream().mapToDouble(x -> x[1]).toArray());
                Summary baseChange = Summary.of(rows.stream().mapToDouble(x -> x[2]).toArray());
                BootstrapInterval ci = BootstrapInterval.ofMean(diff);
                String difference = protocolDifference(claim, c);
                checks.add(new ClaimCheck(claim, c.display() + " vs " + b.display() + ", from " + claim.from(),
                        Summary.of(diff).mean(), ci.low(), ci.high(), diff.length, Math.max(0, seeds - diff.length),
                        WelchSampleSize.perGroup(baseChange.mean() - ownChange.mean(), ownChange.sd(), baseChange.sd(),
                                ALPHA, POWER), difference.isEmpty() ? protocolDifference(claim, b) : difference));
            }
        }
        return checks;
    }

    /** The configuration of {@code c}'s method and variant at the setting {@code at}, equal to {@code c} otherwise. */
    static Config counterpart(List<Config> configs, Config c, Map<String, Object> at) {
        return configs.stream().filter(o -> o.method().equals(c.method()) && o.variant().equals(c.variant())
                && o.satisfies(at) && sameApart(o.params(), c.params(), at.keySet())).findFirst().orElse(null);
    }

    private static boolean sameApart(Map<String, Object> a, Map<String, Object> b, Set<String> keys) {
        Set<String> names = new HashSet<>(a.keySet());
        names.addAll(b.keySet());
        names.removeAll(keys);
        return names.stream().allMatch(k -> a.containsKey(k) && b.containsKey(k) && sameValue(a.get(k), b.get(k)));
    }

    /**
     * E.g. "steps 200 vs 1000, transfer_episodes 10 vs 100", or why no run can be compared
     * ({@link PublishedClaim#incomparable()}); empty when {@code c} runs the claim's protocol.
     */
    static String protocolDifference(PublishedClaim claim, Config c) {
        if (!claim.incomparable().isEmpty()) {
            return claim.incomparable();
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(claim.protocol()).forEach((k, v) -> {
            Object ours = c.params().get(k);
            if (ours != null && !sameValue(ours, v)) {
                parts.add(k + " " + ours + " vs " + v);
            }
        });
        return String.join(", ", parts);
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return String.valueOf(a).equals(String.valueOf(b));
    }

    private static List<Config> of(List<Config> configs, Side side, PublishedClaim claim) {
        return configs.stream().filter(c -> c.method().equals(side.method()) && c.variant().equals(side.variant())
                && c.satisfies(claim.where())).toList();
    }

    private static double statistic(Summary s, Statistic stat) {
        return stat == Statistic.MEAN ? s.mean() : s.median();
    }

    private static BootstrapInterval interval(double[] x, Statistic stat) {
        return stat == Statistic.MEAN ? BootstrapInterval.ofMean(x) : BootstrapInterval.ofMedian(x);
    }
}
