package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.Tuning;
import io.github.metasweep.spark.spec.TuningSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tuned method's selection phase judged: every configuration's score on the selection seeds (the
 * tuning statistic of its metric, oriented so that higher is better, a diverged or missing value counting as
 * the worst) and the chosen one, the best score; ties go to fewer diverged runs, then to the better
 * statistic of the finite values, then to the earlier configuration.
 *
 * @param scored  every configuration, best first
 * @param edges   the tuned hyper-parameters whose chosen value is the smallest or largest one tried
 */
public record TuningChoice(String method, List<Scored> scored, List<String> edges) {

    /** A configuration of the selection phase: its tuned values and how it did. */
    public record Scored(Map<String, Object> values, double score, double finiteScore, int diverged, int runs) {
    }

    public Scored chosen() {
        return scored.get(0);
    }

    /**
     * Judges the stored selection runs of {@code method}; {@code results} holds the stored result of each run
     * by id (a run without one counts as diverged).
     */
    public static TuningChoice judge(Tuning tuning, String method, MetricDef metric, List<PlannedRun> runs,
                                     Map<String, RunResult> results) {
        Map<Map<String, Object>, List<Double>> values = new LinkedHashMap<>();
        for (PlannedRun r : runs) {
            RunResult res = results.get(r.id());
            double v = res == null || res.status() != RunStatus.OK ? Double.NaN
                    : metric.direction().sign() * res.metric(metric.name());
            values.computeIfAbsent(r.swept(), k -> new ArrayList<>()).add(v);
        }
        List<Scored> scored = new ArrayList<>();
        values.forEach((config, list) -> {
            double[] finite = list.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
            double[] worstFilled = list.stream().mapToDouble(v -> Double.isFinite(v) ? v : Double.NEGATIVE_INFINITY)
                    .toArray();
            scored.add(new Scored(config, statistic(tuning.statistic(), worstFilled),
                    statistic(tuning.statistic(), finite), list.size() - finite.length, list.size()));
        });
        Comparator<Scored> best = Comparator.comparingDouble((Scored s) -> s.score()).reversed()
                .thenComparingInt(Scored::diverged)
                .thenComparing(Comparator.comparingDouble((Scored s) -> Double.isNaN(s.finiteScore())
                        ? Double.NEGATIVE_INFINITY : s.finiteScore()).reversed());
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(best); // stable: equal configurations keep their order
        return new TuningChoice(method, List.copyOf(sorted), edges(tuning.spaces().get(method), scored,
                sorted.get(0)));
    }

    /** The statistic of higher-is-better values; -infinity among them drags the mean to -infinity. */
    static double statistic(Tuning.Statistic statistic, double[] x) {
        if (x.length == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return switch (statistic) {
            case MEAN -> Arrays.stream(sorted).sum() / sorted.length;
            // not Summary.quantile: its interpolation weight 0 times an infinite gap would give NaN
            case MEDIAN -> sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            case IQM -> {
                int cut = sorted.length / 4;
                double sum = 0;
                for (int i = cut; i < sorted.length - cut; i++) {
                    sum += sorted[i];
                }
                yield sum / (sorted.length - 2 * cut);
            }
        };
    }

    private static List<String> edges(TuningSpace space, List<Scored> scored, Scored chosen) {
        List<String> edges = new ArrayList<>();
        for (Map.Entry<String, Object> e : chosen.values().entrySet()) {
            if (!(e.getValue() instanceof Number chosenValue)) {
                continue;
            }
            List<Double> tried = scored.stream().map(s -> s.values().get(e.getKey())).filter(Objects::nonNull)
                    .map(v -> ((Number) v).doubleValue()).distinct().sorted().toList();
            if (space.grid().containsKey(e.getKey()) && !space.random()) {
                tried = space.grid().get(e.getKey()).stream().map(v -> ((Number) v).doubleValue()).sorted().toList();
            }
            if (tried.size() < 2) {
                continue;
            }
            double v = chosenValue.doubleValue();
            if (v == tried.get(0)) {
                edges.add(e.getKey() + "=" + e.getValue() + " is the smallest value tried");
            } else if (v == tried.get(tried.size() - 1)) {
                edges.add(e.getKey() + "=" + e.getValue() + " is the largest value tried");
            }
        }
        return edges;
    }
}
