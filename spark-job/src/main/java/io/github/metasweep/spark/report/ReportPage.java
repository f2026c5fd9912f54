package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.Trace;
import io.github.metasweep.spark.report.plot.Band;
import io.github.metasweep.spark.report.plot.BandChart;
import io.github.metasweep.spark.report.plot.BoxPlot;
import io.github.metasweep.spark.report.plot.Marker;
import io.github.metasweep.spark.report.plot.OverlayChart;
import io.github.metasweep.spark.report.plot.OverlaySeries;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.stats.BootstrapInterval;
import io.github.metasweep.spark.stats.Summary;
import io.github.metasweep.spark.stats.WelchSampleSize;
import io.github.metasweep.spark.store.StoredRuns;
import io.github.metasweep.spark.stats.WilcoxonSignedRank;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code REPORT.md} and its plots for one sweep of any benchmark, driven by what the benchmark declares:
 * runs and divergences per configuration with the headline metrics; the published claims, each checked on
 * the configurations it speaks of, with its verdict; paired improvements over every baseline; curves and
 * band traces (mean and 95% interval over seeds), example traces (one seed, every configuration) and
 * per-seed improvement box plots as PNG. Pure: no Spark, no I/O.
 */
public final class ReportPage {
    /** The Markdown page and the plots it links, by file name under {@code plots/}. */
    public record Output(String markdown, Map<String, byte[]> plots) {
    }

    private final SweepSpec spec;
    private final Benchmark benchmark;
    private final List<Config> configs;
    private final RunsByConfig runs;
    private final StoredRuns stored;
    private final List<MetricDef> headline;
    private final Map<String, byte[]> plots = new LinkedHashMap<>();
    private final StringBuilder md = new StringBuilder();
    private List<TuningChoice> tuning = List.of();

    public ReportPage(SweepSpec spec, Benchmark benchmark, List<Config> configs, RunsByConfig runs, StoredRuns stored) {
        this.spec = spec;
        this.stored = stored;
        this.benchmark = benchmark;
        this.configs = List.copyOf(configs);
        this.runs = runs;
        List<MetricDef> h = benchmark.metrics().stream().filter(MetricDef::headline).toList();
        this.headline = h.isEmpty() ? benchmark.metrics() : h;
    }

    /** The choices of a tuned sweep's selection phase, for the "Tuning" section. */
    public ReportPage withTuning(List<TuningChoice> choices) {
        this.tuning = List.copyOf(choices);
        return this;
    }

    public Output build() {
        md.append("# ").append(spec.name()).append(": report\n\n");
        if (spec.description() != null && !spec.description().isBlank()) {
            md.append(spec.description()).append("\n\n");
        }
        md.append("Benchmark `").append(benchmark.name()).append("` (").append(benchmark.description()).append("), ")
                .append(spec.schedule() == null ? spec.seeds().size() + " seeds"
                        : "up to " + spec.schedule().max() + " seeds (seeds until decided)").append(", methods ").append(String.join(", ", spec.methods()))
                .append(". Every number below is computed from the stored runs by `report`; diverged runs are counted")
                .append(" and left out of every statistic. Intervals are 95% percentile-bootstrap intervals (10,000")
                .append(" resamples) of the statistic named. Improvement is per seed, paired on the seed, in %, positive")
                .append(" when better: ").append(MetricDef.PERCENT_FORMULA).append('.').append(differenceNote()).append("\n\n");
        storedSection();
        metricsSection();
        if (spec.tuning() != null && !tuning.isEmpty()) {
            md.append(TuningSection.of(spec, TuningResults.metric(spec), tuning));
        }
        runsSection();
        if (spec.schedule() != null && !spec.baselines().isEmpty()) {
            md.append(SequentialSection.of(spec.schedule(), SequentialJudgement.judge(spec, benchmark, configs, runs)));
        }
        List<ClaimCheck> checks = ClaimChecks.check(benchmark, configs, runs);
        if (!checks.isEmpty()) {
            claimsSection(checks);
        }
        if (!benchmark.publishedNotes().isEmpty() && !checks.isEmpty()) {
            md.append("## Where the published numbers disagree with each other\n\n");
            benchmark.publishedNotes().forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        improvementsSection();
        plotsSection();
        return new Output(md.toString(), plots);
    }

    /** What runs/ held against the spec: only verified planned runs enter any number below. */
    private void storedSection() {
        md.append("## Stored runs\n\n").append(stored.verified().size()).append(" of ")
                .append(stored.verified().size() + stored.missing().size()).append(" planned runs are stored and whole;")
                .append(" only they enter the numbers below.\n");
        if (spec.schedule() != null) {
            md.append("- seeds until decided: a configuration gets seeds only while a comparison of it is undecided,")
                    .append(" so ").append(stored.missing().size()).append(" planned runs (up to the maximum) were")
                    .append(" not needed.\n");
        } else if (!stored.missing().isEmpty()) {
            md.append("- **missing**: ").append(stored.missing().size()).append(" planned runs have no result (e.g. ")
                    .append(String.join(", ", stored.examples(stored.missing()))).append("); run the sweep again.\n");
        }
        if (!stored.foreign().isEmpty()) {
            md.append("- **foreign**: ").append(stored.foreign().size()).append(" results are not runs of this spec")
                    .append(" and are left out (e.g. ").append(String.join(", ", stored.examples(stored.foreign())))
                    .append(").\n");
        }
        stored.damaged().forEach((id, why) -> md.append("- **unreadable**: runs/").append(id).append(".json: ")
                .append(why).append(".\n"));
        if (!stored.others().isEmpty()) {
            md.append("- ignored, not result files: ").append(String.join(", ", stored.others())).append(".\n");
        }
        md.append('\n');
    }

    private void metricsSection() {
        md.append("## Metrics\n\n| metric | direction | unit | headline | meaning |\n|---|---|---|---|---|\n");
        for (MetricDef m : benchmark.metrics()) {
            md.append("| ").append(m.name()).append(" | ").append(m.direction().label()).append(" | ").append(m.unit())
                    .append(" | ").append(m.headline() ? "yes" : "no").append(" | ").append(m.meaning()).append(" |\n");
        }
        md.append('\n');
    }

    private void runsSection() {
        md.append("## Runs\n\n| configuration | runs | ok | diverged |");
        headline.forEach(m -> md.append(' ').append(m.name()).append(", mean [95% CI] |"));
        md.append("\n|---|---:|---:|---:|");
        headline.forEach(m -> md.append("---|"));
        md.append('\n');
        for (Config c : configs) {
            long all = runs.runs(c).size();
            long div = runs.diverged(c);
            md.append("| ").append(c.display()).append(" | ").append(all).append(" | ").append(all - div).append(" | ")
                    .append(div).append(" |");
            headline.forEach(m -> md.append(' ').append(meanCi(runs.values(c, m.name()), runs.meanInterval(c,
                    m.name()))).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    private void claimsSection(List<ClaimCheck> checks) {
        md.append("## Verdicts on the published claims\n\n")
                .append("Each claim is checked on every configuration it speaks of (its method, variant and recipe);")
                .append(" a comparison on every matching pair. For a published number: **reproduced** when it lies")
                .append(" inside our 95% CI and the CI excludes no effect (0, for an improvement or change; for an")
                .append(" absolute value, the CI's half-width is within 10% of the published value), **inconclusive**")
                .append(" when the CI holds it but is too wide for that, **not reproduced** when the CI excludes it.")
                .append(" For a claim that one thing is better than another: reproduced when the CI of the per-seed")
                .append(" improvement lies above 0, not reproduced when below, inconclusive when it holds 0. No verdict")
                .append(" is given from fewer than ").append(ClaimCheck.MIN_SEEDS).append(" seeds (inconclusive, n too")
                .append(" small), nor on runs whose setting differs from the claim's (not comparable: the differing")
                .append(" hyper-parameters are named).");
        if (checks.stream().anyMatch(c -> c.claim().kind() == PublishedClaim.Kind.STEADIER)) {
            md.append(" For a claim that one thing is steadier than another (worsens less from one setting to")
                    .append(" another): per seed, each one's worsening from its value at the first setting, in the")
                    .append(" metric's units;")
                    .append(" reproduced when the CI of the reference's worsening minus the subject's lies above 0, not")
                    .append(" reproduced when below, inconclusive when it holds 0.");
        }
        md.append(" Seeds needed: per group, for a two-sided Welch test at alpha 0.05 with power 0.8 to detect the")
                .append(" difference we measured.\n\n");
        Map<String, List<ClaimCheck>> byTable = new LinkedHashMap<>();
        checks.forEach(c -> byTable.computeIfAbsent(c.claim().table(), k -> new ArrayList<>()).add(c));
        for (Map.Entry<String, List<ClaimCheck>> e : byTable.entrySet()) {
            md.append("### ").append(e.getKey()).append("\n\n")
                    .append("| context | claim | source | published | ours [95% CI] | n (excluded) | verdict | seeds needed |\n")
                    .append("|---|---|---|---:|---|---|---|---:|\n");
            for (ClaimCheck c : e.getValue()) {
                md.append("| ").append(c.context()).append(" | ").append(c.claim().statement()).append(" | ")
                        .append(c.claim().source()).append(" | ").append(published(c.claim())).append(" | ")
                        .append(num(c.estimate())).append(' ').append(ci(c.ciLow(), c.ciHigh())).append(" | ")
                        .append(c.n()).append(" (").append(c.excluded()).append(") | **").append(c.verdictLabel())
                        .append("** | ").append(c.claim().incomparable().isEmpty()
                                ? WelchSampleSize.label(c.seedsNeeded()) : "-").append(" |\n");
            }
            md.append('\n');
        }
        for (ClaimCheck c : checks) {
            PublishedClaim claim = c.claim();
            if (!claim.incomparable().isEmpty()) {
                continue; // shown beside ours in the table, judged nowhere: nothing to spell out
            }
            md.append("- **").append(c.verdictLabel()).append("**, ").append(c.context()).append(": ");
            if (claim.kind() == PublishedClaim.Kind.STEADIER) {
                md.append(claim.statement()).append(" (").append(claim.source()).append("); per seed, the reference's")
                        .append(" worsening minus the subject's (each from its value at ").append(claim.from())
                        .append(") is ").append(num(c.estimate())).append(" on average");
            } else if (claim.kind() == PublishedClaim.Kind.BETTER) {
                md.append(claim.statement()).append(" (").append(claim.source()).append("); our ")
                        .append(claim.statistic().name().toLowerCase(Locale.ROOT)).append(" improvement is ")
                        .append(benchmark.metric(claim.subject().metric()).withImprovementUnit(num(c.estimate())));
            } else {
                md.append("the ").append(claim.statement()).append(" is ").append(num(claim.value())).append(" in the ")
                        .append(claim.source()).append("; our ").append(claim.statistic().name().toLowerCase(Locale.ROOT))
                        .append(" is ").append(num(c.estimate()));
            }
            md.append(", 95% CI ").append(ci(c.ciLow(), c.ciHigh())).append(", from ").append(c.n()).append(" seeds");
            if (c.excluded() > 0) {
                md.append(" (").append(c.excluded()).append(claim.kind() == PublishedClaim.Kind.VALUE
                        ? " left out because a run diverged)"
                        : " left out: " + benchmark.metric(claim.subject().metric()).whyImprovementMissing() + ")");
            }
            md.append('.');
            md.append(c.seedsNeeded().isPresent()
                    ? " Detecting the difference we measured would take about " + WelchSampleSize.label(c.seedsNeeded())
                    + " seeds per group (Welch, alpha 0.05, power 0.8).\n"
                    : " No number of seeds separates a difference of zero.\n");
        }
        md.append('\n');
    }

    private static String published(PublishedClaim claim) {
        return switch (claim.kind()) {
            case BETTER -> "better";
            case STEADIER -> "steadier";
            default -> num(claim.value());
        };
    }

    /** The sentence naming the metrics compared by difference, empty when every metric is compared in %. */
    private String differenceNote() {
        List<String> names = MetricDef.namesComparedByDifference(benchmark.metrics());
        return names.isEmpty() ? "" : " Except for " + String.join(", ", names) + ", compared as a difference in its"
                + " own units (" + MetricDef.DIFFERENCE_FORMULA + "), since it is on a fixed scale whose best value is 0,"
                + " where a % of the baseline is undefined.";
    }

    private void improvementsSection() {
        if (spec.baselines().isEmpty()) {
            return;
        }
        md.append("## Improvements over each baseline\n\n")
                .append("Per headline metric. P(>0) is the share of seeds that improved; p is the two-sided Wilcoxon")
                .append(" signed-rank test of the per-seed improvements. `tables/improvement.*` has every metric.\n\n");
        for (MetricDef m : headline) {
            md.append("### ").append(m.name()).append(" (").append(m.direction().label()).append(", improvement in ")
                    .append(m.improvementUnit()).append(")\n\n")
                    .append("| baseline | configuration | n (excluded) | mean [CI] | median | P(>0) | p |\n")
                    .append("|---|---|---|---|---:|---:|---:|\n");
            for (Comparison pair : Comparison.of(spec, configs)) {
                Config b = pair.baseline();
                Config c = pair.config();
                RunsByConfig.Paired p = runs.pair(c, m.name(), b, m.name(), m);
                double[] x = p.improvement();
                long positive = java.util.Arrays.stream(x).filter(v -> v > 0).count();
                WilcoxonSignedRank w = WilcoxonSignedRank.test(x);
                md.append("| ").append(b.display()).append(" | ").append(c.display()).append(" | ").append(p.n())
                        .append(" (").append(p.excluded()).append(") | ").append(meanCi(x)).append(" | ")
                        .append(num(Summary.of(x).median())).append(" | ")
                        .append(x.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) positive / x.length))
                        .append(" | ").append(Double.isNaN(w.p()) ? "-" : String.format(Locale.ROOT, "%.3g", w.p()))
                        .append(" |\n");
            }
            md.append('\n');
        }
    }

    // ---- plots ----------------------------------------------------------------------------------

    /** Swept keys that several methods accept: each of their value combinations gets its own plots. */
    private List<String> panelKeys() {
        List<String> keys = new ArrayList<>();
        for (String k : spec.sweptKeys()) {
            long accepting = spec.methods().stream()
                    .filter(m -> benchmark.params(m).stream().map(ParamDef::name).anyMatch(k::equals)).count();
            if (accepting >= 2) {
                keys.add(k);
            }
        }
        return keys;
    }

    private List<Map<String, Object>> panels(List<String> keys) {
        Set<Map<String, Object>> panels = new LinkedHashSet<>();
        for (Config c : configs) {
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

    private static boolean inPanel(Config c, Map<String, Object> panel) {
        for (Map.Entry<String, Object> e : panel.entrySet()) {
            Object v = c.swept().get(e.getKey());
            if (v != null && !v.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void plotsSection() {
        md.append("## Plots\n\nCurves and band traces: mean over seeds with its 95% interval (mean +- 1.96 sd/sqrt(n)).")
                .append(" Examples: the smallest seed, the spec's first method and its baselines. Box plots: every seed's")
                .append(" improvement.\n\n");
        for (Map<String, Object> panel : panels(panelKeys())) {
            String label = panelLabel(panel);
            List<Config> members = configs.stream().filter(c -> inPanel(c, panel)).toList();
            curves(label, members);
            traces(label, members);
        }
        axisPlots();
        for (String baseline : spec.baselines()) {
            configs.stream().filter(b -> b.method().equals(baseline)).forEach(this::boxPlots);
        }
        for (String name : plots.keySet()) {
            md.append("![").append(name).append("](plots/").append(name).append(")\n\n");
        }
    }

    /**
     * For every swept hyper-parameter whose values are numbers (at least two of them), each headline metric
     * against it: one line per method, variant and setting of the other swept keys, at the mean over seeds with
     * its 95% interval (mean +- 1.96 sd/sqrt(n), successful runs only), e.g. a query MSE against the noise sigma.
     */
    private void axisPlots() {
        for (String axis : panelKeys()) {
            List<Config> onAxis = configs.stream().filter(c -> c.swept().get(axis) instanceof Number).toList();
            if (onAxis.stream().map(c -> ((Number) c.swept().get(axis)).doubleValue()).distinct().count() < 2) {
                continue;
            }
            Map<String, List<Config>> lines = new LinkedHashMap<>();
            for (Config c : onAxis) {
                StringBuilder label = new StringBuilder(c.method());
                label.append("full".equals(c.variant()) ? "" : "/" + c.variant());
                new TreeMap<>(c.swept()).forEach((k, v) -> {
                    if (!k.equals(axis)) {
                        label.append(' ').append(k).append('=').append(v);
                    }
                });
                lines.computeIfAbsent(label.toString(), k -> new ArrayList<>()).add(c);
            }
            for (MetricDef m : headline) {
                List<Band> bands = new ArrayList<>();
                lines.forEach((label, members) -> {
                    List<Config> sorted = members.stream().sorted(java.util.Comparator.comparingDouble(
                            c -> ((Number) c.swept().get(axis)).doubleValue())).toList();
                    double[] x = sorted.stream().mapToDouble(c -> ((Number) c.swept().get(axis)).doubleValue())
                            .toArray();
                    bands.add(meanBand(label, x, sorted.stream().map(c -> runs.values(c, m.name())).toList()));
                });
                String title = m.name() + " against " + axis + ": mean and 95% interval over seeds";
                String yLabel = m.name() + " (" + m.direction().label() + ")";
                plots.put(fileName("metric-" + m.name() + "-by-" + axis, ""), png(out -> BandChart.write(out, title,
                        axis, yLabel, bands, List.of())));
            }
        }
    }

    private static String panelLabel(Map<String, Object> panel) {
        StringBuilder s = new StringBuilder();
        panel.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    private static String titled(String title, String panel) {
        return title + (panel.isEmpty() ? "" : " (" + panel + ")");
    }

    private void curves(String panel, List<Config> members) {
        Set<String> names = new LinkedHashSet<>();
        members.forEach(c -> runs.ok(c).forEach(r -> names.addAll(r.result().curves().keySet())));
        for (String name : names) {
            List<Band> bands = new ArrayList<>();
            Curve first = null;
            for (Config c : members) {
                List<Curve> curves = runs.ok(c).stream().map(r -> r.result().curves().get(name))
                        .filter(java.util.Objects::nonNull).toList();
                if (curves.isEmpty()) {
                    continue;
                }
                first = first == null ? curves.get(0) : first;
                bands.add(band(c.display() + " (n=" + curves.size() + ")", curves.get(0).x(),
                        curves.stream().map(Curve::y).toList()));
            }
            if (first == null) {
                continue;
            }
            List<Marker> markers = new ArrayList<>();
            for (Curve.Phase p : first.phases()) {
                if (p.from() > 0 && p.from() < first.x().length) {
                    markers.add(new Marker(first.x()[p.from()] - 0.5, p.name() + " starts"));
                }
            }
            String title = titled(first.yLabel() + ": mean and 95% interval over seeds", panel);
            String xLabel = first.xLabel();
            String yLabel = first.yLabel();
            plots.put(fileName("curve-" + name, panel), png(out -> BandChart.write(out, title, xLabel, yLabel, bands,
                    markers)));
        }
    }

    private void traces(String panel, List<Config> members) {
        Map<String, Trace> kinds = new LinkedHashMap<>();
        members.forEach(c -> runs.ok(c).forEach(r -> r.result().traces().forEach(kinds::putIfAbsent)));
        for (Map.Entry<String, Trace> e : kinds.entrySet()) {
            String name = e.getKey();
            Trace shape = e.getValue();
            if (shape.kind() == Trace.Kind.BAND) {
                List<Band> bands = new ArrayList<>();
                for (Config c : members) {
                    List<Trace> traces = runs.ok(c).stream().map(r -> r.result().traces().get(name))
                            .filter(java.util.Objects::nonNull).toList();
                    if (traces.isEmpty()) {
                        continue;
                    }
                    for (Trace.Series s : traces.get(0).series()) {
                        List<double[]> perRun = new ArrayList<>();
                        for (Trace t : traces) {
                            t.series().stream().filter(x -> x.name().equals(s.name())).findFirst()
                                    .ifPresent(x -> perRun.add(x.y()));
                        }
                        bands.add(band(c.display() + " " + s.name(), s.x(), perRun));
                    }
                }
                String title = titled(name + ": mean and 95% interval over seeds", panel);
                plots.put(fileName("trace-" + name, panel), png(out -> BandChart.write(out, title, shape.xLabel(),
                        shape.yLabel(), bands, List.of())));
            } else {
                // a readable figure: the spec's first method and its baselines (the paper's Figure 2 shape); when the
                // panel has more configurations, a second figure with every one of them (e.g. each encoder's fit)
                List<Config> shown = members.stream().filter(c -> c.method().equals(spec.methods().get(0))
                        || spec.baselines().contains(c.method())).toList();
                example(name, shape, panel, shown, "example-" + name);
                if (shown.size() < members.size()) {
                    example(name, shape, panel, members, "example-" + name + "-all");
                }
            }
        }
    }

    /** One seed's example trace (the lowest seed that has it) of each configuration, in one figure. */
    private void example(String name, Trace shape, String panel, List<Config> shown, String file) {
        List<OverlaySeries> series = new ArrayList<>();
        boolean sharedDrawn = false;
        long seed = shown.stream().flatMap(c -> runs.ok(c).stream()).filter(r -> r.result().traces()
                .containsKey(name)).mapToLong(RunRecord::seed).min().orElse(-1);
        for (Config c : shown) {
            RunRecord r = runs.ok(c).stream().filter(x -> x.seed() == seed).findFirst().orElse(null);
            Trace t = r == null ? null : r.result().traces().get(name);
            if (t == null) {
                continue;
            }
            for (Trace.Series s : t.series()) {
                if (s.shared() && sharedDrawn) {
                    continue;
                }
                series.add(new OverlaySeries(s.shared() ? s.name() : c.display() + ": " + s.name(), s.x(),
                        s.y(), s.style() == Trace.Style.POINTS));
            }
            sharedDrawn = true;
        }
        String title = titled(name + " (seed " + seed + ")", panel);
        plots.put(fileName(file, panel), png(out -> OverlayChart.write(out, title, shape.xLabel(), shape.yLabel(),
                series)));
    }

    /** Mean and 95% interval (normal) over runs at each point, over the runs long enough to have it. */
    static Band band(String label, double[] x, List<double[]> perRun) {
        int points = Math.min(x.length, perRun.stream().mapToInt(v -> v.length).max().orElse(0));
        List<double[]> atX = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            final int p = i;
            atX.add(perRun.stream().filter(r -> r.length > p).mapToDouble(r -> r[p]).filter(Double::isFinite)
                    .toArray());
        }
        return meanBand(label, java.util.Arrays.copyOf(x, points), atX);
    }

    /** At each x, the mean of its values with its 95% interval (mean +- 1.96 sd/sqrt(n); none for one value). */
    static Band meanBand(String label, double[] x, List<double[]> valuesAtX) {
        double[] mean = new double[x.length];
        double[] low = new double[x.length];
        double[] high = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] v = valuesAtX.get(i);
            Summary s = Summary.of(v);
            double half = v.length > 1 ? 1.96 * s.sd() / Math.sqrt(v.length) : 0;
            mean[i] = s.mean();
            low[i] = s.mean() - half;
            high[i] = s.mean() + half;
        }
        return new Band(label, x, mean, low, high);
    }

    private void boxPlots(Config base) {
        for (MetricDef m : headline) {
            List<String> groups = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            for (Config c : configs) {
                if (c != base && c.matches(base)) {
                    groups.add(c.display());
                    values.add(runs.pair(c, m.name(), base, m.name(), m).improvement());
                }
            }
            if (groups.isEmpty()) {
                continue;
            }
            plots.put(fileName("improvement-" + m.name(), base.display()), png(out -> BoxPlot.write(out,
                    "Per-seed improvement of " + m.name() + " over " + base.display() + " (positive = better)",
                    "improvement over " + base.method() + " (" + m.improvementUnit() + ")", groups, values, 0.0)));
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

    private static String meanCi(double[] x) {
        return x.length == 0 ? "-" : meanCi(x, BootstrapInterval.ofMean(x));
    }

    private static String meanCi(double[] x, BootstrapInterval ci) {
        if (x.length == 0) {
            return "-";
        }
        return num(Summary.of(x).mean()) + " " + ci(ci.low(), ci.high());
    }

    private static String ci(double low, double high) {
        return Double.isNaN(low) ? "[-]" : "[" + num(low) + ", " + num(high) + "]";
    }

    /** One decimal from 10 up (returns, percentages); three significant digits below (MSEs, gates), to 1e-6. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 10 || Math.abs(v) < 1e-6 || Double.isInfinite(v)) { // rounding noise prints as 0.0
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
