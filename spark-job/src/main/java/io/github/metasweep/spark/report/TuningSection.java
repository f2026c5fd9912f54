package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.spec.Tuning;
import io.github.metasweep.spark.spec.TuningSpace;
import java.util.List;
import java.util.Map;

/** The report's "Tuning" section: per tuned method its space and budget, every configuration's score, the choice. */
final class TuningSection {
    private TuningSection() {
    }

    static String of(SweepSpec spec, MetricDef metric, List<TuningChoice> choices) {
        Tuning t = spec.tuning();
        StringBuilder md = new StringBuilder("## Tuning\n\n");
        md.append("Each tuned method tried its budget of configurations on the ").append(t.seeds().size())
                .append(" selection seeds (").append(range(t.seeds())).append("), disjoint from the reporting seeds;")
                .append(" the configuration with the best ").append(t.statistic().key()).append(" of `")
                .append(metric.name()).append("` (").append(metric.direction().label()).append(") was chosen, a")
                .append(" diverged run counting as the worst value. Every number above this section comes from the")
                .append(" reporting seeds only. The selection runs are stored under `tuning/<method>/`.\n\n");
        md.append("| method | search space | budget | chosen | ").append(t.statistic().key())
                .append(" on selection seeds | diverged |\n|---|---|---:|---|---:|---:|\n");
        for (TuningChoice c : choices) {
            TuningChoice.Scored best = c.chosen();
            md.append("| ").append(c.method()).append(" | ").append(space(t.spaces().get(c.method()))).append(" | ")
                    .append(t.budgets().get(c.method())).append(" | ").append(values(best.values())).append(" | ")
                    .append(score(metric, best)).append(" | ").append(best.diverged()).append('/').append(best.runs())
                    .append(" |\n");
        }
        md.append('\n');
        for (TuningChoice c : choices) {
            c.edges().forEach(e -> md.append("- **warning**, ").append(c.method()).append(": the chosen ").append(e)
                    .append(" of its space: the best setting may lie outside it; widen the space and tune again.\n"));
        }
        for (TuningChoice c : choices) {
            md.append("\n### Selection scores of ").append(c.method()).append(" (best first)\n\n| configuration | ")
                    .append(t.statistic().key()).append(" | diverged |\n|---|---:|---:|\n");
            for (TuningChoice.Scored s : c.scored()) {
                md.append("| ").append(values(s.values())).append(" | ").append(score(metric, s)).append(" | ")
                        .append(s.diverged()).append('/').append(s.runs()).append(" |\n");
            }
        }
        return md.append('\n').toString();
    }

    private static String score(MetricDef metric, TuningChoice.Scored s) {
        if (Double.isInfinite(s.score())) {
            return "worst (diverged); " + ReportPage.num(metric.direction().sign() * s.finiteScore()) + " without them";
        }
        return ReportPage.num(metric.direction().sign() * s.score());
    }

    private static String values(Map<String, Object> v) {
        StringBuilder b = new StringBuilder();
        v.forEach((k, x) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(x));
        return b.length() == 0 ? "(defaults)" : b.toString();
    }

    private static String space(TuningSpace s) {
        StringBuilder b = new StringBuilder();
        s.toYaml().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return b.toString().replace("|", "\\|");
    }

    private static String range(List<Long> seeds) {
        long lo = seeds.stream().mapToLong(Long::longValue).min().orElse(0);
        long hi = seeds.stream().mapToLong(Long::longValue).max().orElse(0);
        return hi - lo + 1 == seeds.size() ? lo + "-" + hi : seeds.toString();
    }
}
