package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.spark.report.plot.BoxPlot;
import io.github.metasweep.spark.report.plot.LineChart;
import io.github.metasweep.spark.report.plot.Series;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.stats.BootstrapInterval;
import io.github.metasweep.spark.stats.PairedImprovement;
import io.github.metasweep.spark.stats.Summary;
import io.github.metasweep.spark.stats.WelchSampleSize;
import io.github.metasweep.spark.stats.WilcoxonSignedRank;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code REPORT.md} and its plots for one sweep: runs and divergences per configuration; for the
 * Neural Battery methods, the paper's Table 1 and Table 2 beside ours with 95% CIs; paired
 * improvements over every baseline for best and avg-10 returns; a verdict per published claim;
 * learning curves, per-seed improvements and gate trajectories as PNG. Pure: no Spark, no I/O.
 */
public final class ReproductionReport {
    public static final double ALPHA = 0.05;
    public static final double POWER = 0.8;
    static final List<String> METRICS = List.of("best", "avg10");

    /** The Markdown page and the plots it links, by file name under {@code plots/}. */
    public record Output(String markdown, Map<String, byte[]> plots) {
    }

    /** Per-seed pairs of two configurations on one metric: values where both runs ended ok. */
    record Paired(double[] improvement, double[] left, double[] right, int excluded) {
        int n() {
            return improvement.length;
        }
    }

    private final SweepSpec spec;
    private final List<SweepReport.Config> configs;
    private final Map<String, List<RunRecord>> runsByConfig = new LinkedHashMap<>();
    private final PublishedNumbers published;
    private final Map<String, byte[]> plots = new LinkedHashMap<>();
    private final StringBuilder md = new StringBuilder();

    public ReproductionReport(SweepSpec spec, List<SweepReport.Config> configs, List<RunRecord> runs,
                              PublishedNumbers published) {
        this.spec = spec;
        this.configs = List.copyOf(configs);
        for (SweepReport.Config c : configs) {
            runsByConfig.put(c.key(), new ArrayList<>());
        }
        for (RunRecord r : runs) {
            runsByConfig.computeIfAbsent(r.configKey(), k -> new ArrayList<>()).add(r);
        }
        runsByConfig.values().forEach(l -> l.sort(java.util.Comparator.comparingLong(RunRecord::seed)));
        this.published = published;
    }

    public Output build() {
        md.append("# ").append(spec.name()).append(": report\n\n");
        if (spec.description() != null && !spec.description().isBlank()) {
            md.append(spec.description()).append("\n\n");
        }
        md.append("Benchmark `").append(spec.benchmark()).append("`, ").append(spec.seeds().size())
                .append(" seeds, methods ").append(String.join(", ", spec.methods())).append(". Every number below is")
                .append(" computed from the stored runs by `report`; diverged runs are counted and left out of every")
                .append(" statistic. Intervals are 95% percentile-bootstrap intervals (10,000 resamples) of the")
                .append(" statistic named. Improvement = `100*(R - R_base)/|R_base|` per seed, paired on the seed.\n\n");
        runsSection();
        boolean paper = spec.benchmark().equals("pendulum-transfer") && (has("nb") || has("nb-pro"));
        List<Claim> claims = new ArrayList<>();
        if (paper) {
            table1(claims);
            table2(claims);
        }
        improvementsSection();
        if (!claims.isEmpty()) {
            verdicts(claims);
            disagreements();
        }
        plotsSection();
        return new Output(md.toString(), plots);
    }

    private boolean has(String method) {
        return configs.stream().anyMatch(c -> c.method().equals(method));
    }

    private List<RunRecord> runs(SweepReport.Config c) {
        return runsByConfig.getOrDefault(c.key(), List.of());
    }

    private static double metric(RunRecord r, String m) {
        return m.equals("best") ? r.best() : r.avg10();
    }

    private double[] okValues(SweepReport.Config c, String m) {
        return runs(c).stream().filter(RunRecord::ok).mapToDouble(r -> metric(r, m)).filter(Double::isFinite).toArray();
    }

    private long diverged(SweepReport.Config c) {
        return runs(c).stream().filter(r -> !r.ok()).count();
    }

    /** Pairs config {@code c} with {@code base} seed by seed on metric {@code m}. */
    Paired pair(SweepReport.Config c, SweepReport.Config base, String m) {
        Map<Long, RunRecord> baseBySeed = new HashMap<>();
        runs(base).forEach(r -> baseBySeed.put(r.seed(), r));
        List<double[]> rows = new ArrayList<>();
        int excluded = 0;
        for (RunRecord r : runs(c)) {
            RunRecord b = baseBySeed.get(r.seed());
            if (b == null) {
                continue;
            }
            double pct = r.ok() && b.ok() ? PairedImprovement.percent(metric(r, m), metric(b, m)) : Double.NaN;
            if (Double.isNaN(pct)) {
                excluded++;
            } else {
                rows.add(new double[] {pct, metric(r, m), metric(b, m)});
            }
        }
        double[] imp = rows.stream().mapToDouble(x -> x[0]).toArray();
        return new Paired(imp, rows.stream().mapToDouble(x -> x[1]).toArray(),
                rows.stream().mapToDouble(x -> x[2]).toArray(), excluded);
    }

    // ---- sections -----------------------------------------------------------------------------

    private void runsSection() {
        md.append("## Runs\n\n| configuration | runs | ok | diverged | best return, mean [95% CI] | avg-10 return, mean [95% CI] |\n")
                .append("|---|---:|---:|---:|---|---|\n");
        for (SweepReport.Config c : configs) {
            long all = runs(c).size();
            long div = diverged(c);
            md.append("| ").append(c.display()).append(" | ").append(all).append(" | ").append(all - div).append(" | ")
                    .append(div).append(" | ").append(meanCi(okValues(c, "best"))).append(" | ")
                    .append(meanCi(okValues(c, "avg10"))).append(" |\n");
        }
        md.append('\n');
    }

    /**
     * The published numbers describe the reference recipe: the policy imitates its own actions
     * ({@code target=self}) with the reference pairing. Other settings are ours and have no published claim.
     */
    static boolean referenceRecipe(SweepReport.Config c) {
        return "self".equals(c.swept().getOrDefault("target", "self"))
                && "reference".equals(c.swept().getOrDefault("pairing", "reference"));
    }

    /** Table 1 per MAML configuration: each compared configuration's returns and improvement, beside the paper's. */
    private void table1(List<Claim> claims) {
        List<SweepReport.Config> mamls = configs.stream()
                .filter(c -> c.method().equals("maml") && referenceRecipe(c)).toList();
        if (mamls.isEmpty()) {
            return;
        }
        md.append("## Table 1: ours beside the published numbers\n\n")
                .append("The reference recipe only (`target=self`, reference pairing): other settings have no published")
                .append(" counterpart and appear in the sections above and below. Published: `paper` is the paper's")
                .append(" Table 1, `file` its per-seed results file. Our improvement is of best return over the MAML")
                .append(" configuration named, per seed.\n\n");
        for (SweepReport.Config maml : mamls) {
            String context = "vs " + maml.display();
            md.append("### Against ").append(maml.display()).append("\n\n")
                    .append("| configuration | n (diverged) | best, mean [CI] | published best | avg-10, mean [CI] | published avg-10 |")
                    .append(" improvement: mean [CI] | sd | sd0 | median [CI] | published mean / sd0 / median |\n")
                    .append("|---|---|---|---|---|---|---|---:|---:|---|---|\n");
            List<SweepReport.Config> rows = new ArrayList<>();
            rows.add(maml);
            configs.stream().filter(c -> c != maml && SweepReport.matches(c, maml) && !c.method().equals("maml")
                    && "full".equals(c.variant())).forEach(rows::add);
            for (SweepReport.Config c : rows) {
                String row = c.method();
                md.append("| ").append(c.display()).append(" | ").append(okValues(c, "best").length).append(" (")
                        .append(diverged(c)).append(") | ").append(meanCi(okValues(c, "best"))).append(" | ")
                        .append(pub("paper", "table1", row, "best")).append(" | ").append(meanCi(okValues(c, "avg10")))
                        .append(" | ").append(pub("paper", "table1", row, "avg10")).append(" | ");
                if (c == maml) {
                    md.append("- | - | - | - | - |\n");
                } else {
                    Paired p = pair(c, maml, "best");
                    Summary s = Summary.of(p.improvement());
                    md.append(meanCi(p.improvement())).append(" | ").append(num(s.sd())).append(" | ").append(num(s.sd0()))
                            .append(" | ").append(num(s.median())).append(' ').append(ci(BootstrapInterval.ofMedian(p.improvement())))
                            .append(" | ").append(publishedImprovement(row)).append(" |\n");
                }
                claimsOfTable1(claims, context, maml, c);
            }
            md.append('\n');
        }
    }

    private void claimsOfTable1(List<Claim> claims, String context, SweepReport.Config maml, SweepReport.Config c) {
        String row = c.method();
        for (String m : METRICS) {
            published.find("paper", "table1", row, m).ifPresent(value -> {
                double[] x = okValues(c, m);
                BootstrapInterval ci = BootstrapInterval.ofMean(x);
                Summary s = Summary.of(x);
                add(claims, new Claim(c.display(), "mean " + (m.equals("best") ? "best" : "avg-10") + " return of "
                        + c.display(), "paper Table 1", value, "mean", s.mean(), ci.low(), ci.high(), x.length,
                        (int) diverged(c), false, WelchSampleSize.perGroup(s.mean() - value, s.sd(), 0.0, ALPHA, POWER)));
            });
        }
        if (c == maml) {
            return;
        }
        Paired p = pair(c, maml, "best");
        Summary own = Summary.of(p.left());
        Summary base = Summary.of(p.right());
        OptionalInt needed = WelchSampleSize.perGroup(own.mean() - base.mean(), own.sd(), base.sd(), ALPHA, POWER);
        BootstrapInterval meanCi = BootstrapInterval.ofMean(p.improvement());
        BootstrapInterval medianCi = BootstrapInterval.ofMedian(p.improvement());
        Summary s = Summary.of(p.improvement());
        String what = "improvement of best return of " + c.display() + " over " + maml.display() + " (%)";
        for (String stat : List.of("mean", "median")) {
            Optional<Double> paper = published.find("paper", "table1", row, "improvement-" + stat);
            Optional<Double> file = published.find("results-file", "summary", row, "improvement-" + stat);
            double estimate = stat.equals("mean") ? s.mean() : s.median();
            BootstrapInterval ci = stat.equals("mean") ? meanCi : medianCi;
            if (paper.isPresent() && file.isPresent() && paper.get().equals(file.get())) {
                add(claims, new Claim(context, stat + " " + what, "paper Table 1 and results file", paper.get(), stat,
                        estimate, ci.low(), ci.high(), p.n(), p.excluded(), true, needed));
                continue;
            }
            paper.ifPresent(v -> add(claims, new Claim(context, stat + " " + what, "paper Table 1", v, stat, estimate,
                    ci.low(), ci.high(), p.n(), p.excluded(), true, needed)));
            file.ifPresent(v -> add(claims, new Claim(context, stat + " " + what, "results file", v, stat, estimate,
                    ci.low(), ci.high(), p.n(), p.excluded(), true, needed)));
        }
    }

    /** Adds a claim once: an absolute return is the same claim under every MAML configuration. */
    private static void add(List<Claim> claims, Claim claim) {
        boolean seen = claims.stream().anyMatch(c -> c.statement().equals(claim.statement())
                && c.source().equals(claim.source()));
        if (!seen) {
            claims.add(claim);
        }
    }

    /** Table 2: each nb-pro ablation's per-seed relative change of return against nb-pro full on the same seed. */
    private void table2(List<Claim> claims) {
        List<SweepReport.Config> fulls = configs.stream()
                .filter(c -> c.method().equals("nb-pro") && "full".equals(c.variant())).toList();
        // the paper's ablations are of the reference recipe; other settings get the table but no claim

        boolean any = configs.stream().anyMatch(c -> c.method().equals("nb-pro") && !"full".equals(c.variant()));
        if (fulls.isEmpty() || !any) {
            return;
        }
        md.append("## Table 2: the change each ablation causes\n\n")
                .append("Ours: per seed, `100*(R_ablation - R_full)/|R_full|` against nb-pro (full) with the same")
                .append(" hyper-parameters and seed. The paper's Table 2 gives one number per ablation without saying")
                .append(" which metric it is relative to; we show it beside ours for best and avg-10 returns.\n\n")
                .append("| ablation | against | n (excluded) | best: mean [CI] | best: median | avg-10: mean [CI] | published |\n")
                .append("|---|---|---|---|---:|---|---:|\n");
        for (SweepReport.Config full : fulls) {
            for (SweepReport.Config v : configs) {
                if (!v.method().equals("nb-pro") || "full".equals(v.variant()) || !v.swept().equals(full.swept())) {
                    continue;
                }
                Paired best = pair(v, full, "best");
                Paired avg = pair(v, full, "avg10");
                Optional<Double> pub = published.find("paper", "table2", v.variant(), "relative-change");
                md.append("| ").append(v.variant()).append(" | ").append(full.display()).append(" | ").append(best.n())
                        .append(" (").append(best.excluded()).append(") | ").append(meanCi(best.improvement())).append(" | ")
                        .append(num(Summary.of(best.improvement()).median())).append(" | ").append(meanCi(avg.improvement()))
                        .append(" | ").append(pub.map(ReproductionReport::num).orElse("-")).append(" |\n");
                pub.filter(x -> referenceRecipe(full)).ifPresent(value -> {
                    BootstrapInterval ci = BootstrapInterval.ofMean(best.improvement());
                    Summary l = Summary.of(best.left());
                    Summary r = Summary.of(best.right());
                    claims.add(new Claim("ablation of " + full.display(), "mean change of best return caused by "
                            + v.variant() + " (%)", "paper Table 2", value, "mean", Summary.of(best.improvement()).mean(),
                            ci.low(), ci.high(), best.n(), best.excluded(), true,
                            WelchSampleSize.perGroup(l.mean() - r.mean(), l.sd(), r.sd(), ALPHA, POWER)));
                });
            }
        }
        md.append('\n');
    }

    private void improvementsSection() {
        if (spec.baselines().isEmpty()) {
            return;
        }
        md.append("## Improvements over each baseline\n\n")
                .append("A metric that takes the best of many episodes can flatter a policy that drifts, so both are shown:")
                .append(" best return and the mean of the last 10 episodes (avg-10). P(>0) is the share of seeds that")
                .append(" improved; p is the two-sided Wilcoxon signed-rank test of the per-seed improvements.\n\n")
                .append("| baseline | configuration | n (excluded) | best: mean [CI] | best: median | best: P(>0) | best: p |")
                .append(" avg-10: mean [CI] | avg-10: median | avg-10: P(>0) | avg-10: p |\n")
                .append("|---|---|---|---|---:|---:|---:|---|---:|---:|---:|\n");
        for (String baseline : spec.baselines()) {
            for (SweepReport.Config b : configs) {
                if (!b.method().equals(baseline)) {
                    continue;
                }
                for (SweepReport.Config c : configs) {
                    if (c == b || !SweepReport.matches(c, b)) {
                        continue;
                    }
                    Paired best = pair(c, b, "best");
                    Paired avg = pair(c, b, "avg10");
                    md.append("| ").append(b.display()).append(" | ").append(c.display()).append(" | ").append(best.n())
                            .append(" (").append(best.excluded()).append(") | ").append(improvementCells(best)).append(" | ")
                            .append(improvementCells(avg)).append(" |\n");
                }
                boxPlots(b);
            }
        }
        md.append('\n');
    }

    private String improvementCells(Paired p) {
        double[] x = p.improvement();
        long positive = java.util.Arrays.stream(x).filter(v -> v > 0).count();
        WilcoxonSignedRank w = WilcoxonSignedRank.test(x);
        return meanCi(x) + " | " + num(Summary.of(x).median()) + " | "
                + (x.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) positive / x.length)) + " | "
                + (Double.isNaN(w.p()) ? "-" : String.format(Locale.ROOT, "%.3g", w.p()));
    }

    private void verdicts(List<Claim> claims) {
        md.append("## Verdicts on the published claims\n\n")
                .append("Reproduced: the published value lies inside our 95% CI and the CI excludes no effect (0, for")
                .append(" an improvement or change; for an absolute return, the CI's half-width is within 10% of the")
                .append(" published value). Inconclusive: the CI holds the published value but is too wide for that.")
                .append(" Not reproduced: the CI excludes the published value. Seeds needed: per group, for a two-sided Welch test at alpha")
                .append(" 0.05 with power 0.8 to detect the difference we measured (between the two methods' returns,")
                .append(" or between our mean and the published one for an absolute return).\n\n")
                .append("| context | claim | source | published | ours [95% CI] | n | verdict | seeds needed |\n")
                .append("|---|---|---|---:|---|---:|---|---:|\n");
        for (Claim c : claims) {
            md.append("| ").append(c.context()).append(" | ").append(c.statement()).append(" | ").append(c.source())
                    .append(" | ").append(num(c.published())).append(" | ").append(num(c.estimate())).append(' ')
                    .append(ci(c.ciLow(), c.ciHigh())).append(" | ").append(c.n()).append(" | **")
                    .append(c.verdict().label()).append("** | ").append(seeds(c.seedsNeeded())).append(" |\n");
        }
        md.append('\n');
        for (Claim c : claims) {
            md.append("- **").append(c.verdict().label()).append("**, ").append(c.context()).append(": the ")
                    .append(c.statement()).append(" is ").append(num(c.published())).append(" in the ").append(c.source())
                    .append("; our ").append(c.ours()).append(" is ").append(num(c.estimate())).append(", 95% CI ")
                    .append(ci(c.ciLow(), c.ciHigh())).append(", from ").append(c.n()).append(" seeds");
            if (c.excluded() > 0) {
                md.append(" (").append(c.excluded()).append(" left out because a run diverged)");
            }
            md.append(". ").append(switch (c.verdict()) {
                case REPRODUCED -> c.effect() ? "The published value is inside our interval, and the interval excludes no effect."
                        : "The published value is inside our interval.";
                case INCONCLUSIVE -> c.effect() ? "The interval holds the published value but also no effect: too wide to tell."
                        : "The interval holds the published value but is wider than 10% of it either way: too wide to tell.";
                case NOT_REPRODUCED -> "The published value lies outside our interval.";
            });
            md.append(c.seedsNeeded().isPresent()
                    ? " Detecting the difference we measured would take about " + c.seedsNeeded().getAsInt()
                    + " seeds per group (Welch, alpha 0.05, power 0.8).\n"
                    : " No number of seeds separates a difference of zero.\n");
        }
        md.append('\n');
    }

    /** Where the published numbers disagree with each other (protocol: show both and say so). */
    private void disagreements() {
        md.append("## Where the published numbers disagree with each other\n\n");
        for (String row : List.of("nb", "nb-pro")) {
            Optional<Double> paperMedian = published.find("paper", "table1", row, "improvement-median");
            double[] perSeed = published.perSeed(row, "improvement").clone();
            if (paperMedian.isPresent() && perSeed.length > 0) {
                java.util.Arrays.sort(perSeed);
                double median = Summary.of(perSeed).median();
                md.append("- ").append(row).append(": the paper's median improvement is ").append(num(paperMedian.get()))
                        .append("%; the median of its per-seed results file is ").append(num(median)).append("%")
                        .append(Math.abs(median - paperMedian.get()) < 0.05 ? " (they agree).\n" : ".\n");
            }
        }
        for (String row : List.of("maml", "nb", "nb-pro")) {
            Optional<Double> table = published.find("paper", "table1", row, "best");
            double[] perSeed = published.perSeed(row, "best");
            if (table.isPresent() && perSeed.length > 0) {
                md.append("- ").append(row).append(": Table 1's mean best return is ").append(num(table.get()))
                        .append("; the mean of the per-seed file's best returns is ").append(num(Summary.of(perSeed).mean()))
                        .append(".\n");
            }
        }
        md.append('\n');
    }

    // ---- plots ----------------------------------------------------------------------------------

    /** Swept keys that several methods accept: each of their value combinations gets its own curve plot. */
    private List<String> panelKeys() {
        Benchmark b = Benchmarks.get(spec.benchmark());
        List<String> keys = new ArrayList<>();
        for (String k : spec.sweptKeys()) {
            long accepting = spec.methods().stream()
                    .filter(m -> b.params(m).stream().map(ParamDef::name).anyMatch(k::equals)).count();
            if (accepting >= 2) {
                keys.add(k);
            }
        }
        return keys;
    }

    private List<Map<String, Object>> panels(List<String> keys) {
        Set<Map<String, Object>> panels = new LinkedHashSet<>();
        for (SweepReport.Config c : configs) {
            Map<String, Object> p = new TreeMap<>();
            for (String k : keys) {
                if (c.swept().containsKey(k)) {
                    p.put(k, c.swept().get(k));
                }
            }
            if (p.size() == keys.size()) {
                panels.add(p);
            }
        }
        return panels.isEmpty() ? List.of(Map.of()) : List.copyOf(panels);
    }

    private static boolean inPanel(SweepReport.Config c, Map<String, Object> panel) {
        for (Map.Entry<String, Object> e : panel.entrySet()) {
            Object v = c.swept().get(e.getKey());
            if (v != null && !v.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void plotsSection() {
        md.append("## Plots\n\n");
        List<String> keys = panelKeys();
        for (Map<String, Object> panel : panels(keys)) {
            String label = panelLabel(panel);
            List<SweepReport.Config> members = configs.stream().filter(c -> inPanel(c, panel)).toList();
            curves(label, members);
            gates(label, members);
        }
        for (String name : plots.keySet()) {
            md.append("![").append(name).append("](plots/").append(name).append(")\n\n");
        }
    }

    private static String panelLabel(Map<String, Object> panel) {
        StringBuilder s = new StringBuilder();
        panel.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    private void curves(String panel, List<SweepReport.Config> members) {
        List<Series> series = new ArrayList<>();
        int pretrain = 0;
        for (SweepReport.Config c : members) {
            List<RunRecord> ok = runs(c).stream().filter(RunRecord::ok).toList();
            if (ok.isEmpty()) {
                continue;
            }
            pretrain = ok.get(0).pretrainEpisodes();
            series.add(band(c.display() + " (n=" + ok.size() + ")", ok.stream().map(RunRecord::returns).toList()));
        }
        if (series.isEmpty()) {
            return;
        }
        String title = "Episode return, mean \u00b1 sd over seeds" + (panel.isEmpty() ? "" : " (" + panel + ")");
        double transferStart = pretrain + 0.5;
        plots.put(fileName("curves", panel), png(out -> LineChart.write(out, title,
                "episode (pretrain, then transfer)", "episode return (sum of rewards)", series, transferStart,
                "transfer starts")));
    }

    private void gates(String panel, List<SweepReport.Config> members) {
        List<Series> series = new ArrayList<>();
        int pretrain = 0;
        for (SweepReport.Config c : members) {
            List<RunRecord> ok = runs(c).stream().filter(r -> r.ok() && r.layerGates().length > 0).toList();
            if (ok.isEmpty()) {
                continue;
            }
            pretrain = ok.get(0).pretrainEpisodes();
            int layers = ok.get(0).layerGates()[0].length;
            for (int layer = 0; layer < layers; layer++) {
                series.add(gateSeries(c.display() + " layer " + (layer + 1) + " sigmoid(k)", ok, layer, false));
                if (ok.get(0).blockGates()[0].length > layer) {
                    series.add(gateSeries(c.display() + " layer " + (layer + 1) + " mean block gate", ok, layer, true));
                }
            }
        }
        if (series.isEmpty()) {
            return;
        }
        String title = "Gates after each episode's update, mean \u00b1 sd over seeds" + (panel.isEmpty() ? "" : " (" + panel + ")");
        double transferStart = pretrain + 0.5;
        plots.put(fileName("gates", panel), png(out -> LineChart.write(out, title, "episode (pretrain, then transfer)",
                "gate value (sigmoid of k, 0 to 1)", series, transferStart, "transfer starts")));
    }

    private static Series gateSeries(String label, List<RunRecord> runs, int layer, boolean blocks) {
        List<double[]> perRun = new ArrayList<>();
        for (RunRecord r : runs) {
            double[][] gates = blocks ? r.blockGates() : r.layerGates();
            double[] v = new double[gates.length];
            for (int e = 0; e < v.length; e++) {
                v[e] = gates[e][layer];
            }
            perRun.add(v);
        }
        return band(label, perRun);
    }

    /** Mean and sd over runs at each episode (1-based x), over the runs long enough to have it. */
    static Series band(String label, List<double[]> perRun) {
        int episodes = perRun.stream().mapToInt(v -> v.length).max().orElse(0);
        double[] x = new double[episodes];
        double[] mean = new double[episodes];
        double[] sd = new double[episodes];
        for (int e = 0; e < episodes; e++) {
            final int ep = e;
            double[] v = perRun.stream().filter(r -> r.length > ep).mapToDouble(r -> r[ep]).toArray();
            Summary s = Summary.of(v);
            x[e] = e + 1;
            mean[e] = s.mean();
            sd[e] = v.length > 1 ? s.sd() : 0;
        }
        return new Series(label, x, mean, sd);
    }

    private void boxPlots(SweepReport.Config base) {
        for (String m : METRICS) {
            List<String> groups = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            for (SweepReport.Config c : configs) {
                if (c != base && SweepReport.matches(c, base)) {
                    groups.add(c.display());
                    values.add(pair(c, base, m).improvement());
                }
            }
            if (groups.isEmpty()) {
                continue;
            }
            String metric = m.equals("best") ? "best return" : "avg-10 return";
            plots.put(fileName("improvement-" + m, base.display()), png(out -> BoxPlot.write(out,
                    "Per-seed improvement of " + metric + " over " + base.display(),
                    "improvement over " + base.method() + " (%)", groups, values, 0.0)));
        }
    }

    private interface PngWriter {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] png(PngWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String fileName(String kind, String label) {
        String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-|-$)", "");
        return kind + (slug.isEmpty() ? "" : "-" + slug) + ".png";
    }

    // ---- formatting -----------------------------------------------------------------------------

    private String pub(String source, String table, String row, String metric) {
        return published.find(source, table, row, metric).map(ReproductionReport::num).orElse("-");
    }

    private String publishedImprovement(String row) {
        String paper = pub("paper", "table1", row, "improvement-mean") + " / "
                + pub("paper", "table1", row, "improvement-std-ddof0") + " / " + pub("paper", "table1", row, "improvement-median");
        String file = pub("results-file", "summary", row, "improvement-mean") + " / "
                + pub("results-file", "summary", row, "improvement-std-ddof0") + " / "
                + pub("results-file", "summary", row, "improvement-median");
        return "paper " + paper + "; file " + file;
    }

    private static String meanCi(double[] x) {
        if (x.length == 0) {
            return "-";
        }
        return num(Summary.of(x).mean()) + " " + ci(BootstrapInterval.ofMean(x));
    }

    private static String ci(BootstrapInterval ci) {
        return ci(ci.low(), ci.high());
    }

    private static String ci(double low, double high) {
        return Double.isNaN(low) ? "[-]" : "[" + num(low) + ", " + num(high) + "]";
    }

    static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String seeds(OptionalInt n) {
        return n.isPresent() ? Integer.toString(n.getAsInt()) : "never";
    }
}
