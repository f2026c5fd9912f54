package io.github.metasweep.spark.report;

import io.github.metasweep.spark.spec.SeedSchedule;
import io.github.metasweep.spark.stats.WelchSampleSize;
import java.util.List;
import java.util.Locale;

/** The report's "Seeds until decided" section: per comparison and headline metric, the verdict and the seeds it took. */
final class SequentialSection {
    private SequentialSection() {
    }

    static String of(SeedSchedule schedule, List<SequentialJudgement> judged) {
        StringBuilder md = new StringBuilder("## Seeds until decided\n\n");
        md.append("Seeds were added in batches of ").append(schedule.batch()).append(" (at least ")
                .append(schedule.min()).append(", at most ").append(schedule.max()).append(" per configuration).")
                .append(" After each batch every comparison below was judged with an anytime-valid ")
                .append(String.format(Locale.ROOT, "%.0f%%", 100 * (1 - schedule.alpha())))
                .append(" confidence sequence for the mean per-seed difference (direction-adjusted: positive = better")
                .append(" than the baseline; see docs/statistics.md), which stays valid however often it is looked at:")
                .append(" **better** or **worse** when it excludes 0, **equivalent** when it lies within the margin (")
                .append(ReportPage.num(schedule.margin())).append("% of the baseline's mean")
                .append(schedule.margin() == 0 ? ", i.e. never" : "").append("), and a configuration stopped getting")
                .append(" seeds once none of its comparisons was undecided. The fixed-size design is a paired t-test")
                .append(" with ").append(Math.round(100 * SequentialJudgement.FIXED_DESIGN_POWER))
                .append("% power at the same alpha, for the mean and sd we measured.\n\n");
        md.append("| comparison | metric | verdict | seeds | mean difference | confidence sequence | margin | excluded "
                + "| fixed design would need |\n|---|---|---|---:|---:|---|---:|---:|---:|\n");
        for (SequentialJudgement j : judged) {
            String verdict = j.decided() ? "**" + j.verdict().name().toLowerCase(Locale.ROOT) + "**"
                    : j.seeds() >= schedule.max() ? "undecided at max" : "undecided (running)";
            md.append("| ").append(j.comparison().config().display()).append(" vs ")
                    .append(j.comparison().baseline().display()).append(" | ").append(j.metric().name()).append(" | ")
                    .append(verdict).append(" | ").append(j.seeds()).append(" | ").append(ReportPage.num(j.mean()))
                    .append(" | [").append(ReportPage.num(j.lower())).append(", ").append(ReportPage.num(j.upper()))
                    .append("] | ").append(ReportPage.num(j.margin())).append(" | ").append(j.excluded()).append(" | ")
                    .append(j.fixedSeeds().isPresent() ? WelchSampleSize.label(j.fixedSeeds()) : "-").append(" |\n");
        }
        return md.append('\n').toString();
    }
}
