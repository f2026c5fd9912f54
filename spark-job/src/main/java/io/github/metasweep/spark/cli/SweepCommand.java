package io.github.metasweep.spark.cli;

import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.spark.exec.Background;
import io.github.metasweep.spark.exec.SweepJob;
import io.github.metasweep.spark.report.ReportPage;
import io.github.metasweep.spark.report.SweepReport;
import io.github.metasweep.spark.report.TuningChoice;
import io.github.metasweep.spark.report.TuningResults;
import io.github.metasweep.spark.spec.InvalidSweepSpecException;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.report.SequentialJudgement;
import io.github.metasweep.spark.spec.SeedSchedule;
import io.github.metasweep.spark.spec.SpecRecord;
import io.github.metasweep.spark.spec.SuiteFile;
import io.github.metasweep.spark.spec.SweepExpansion;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.store.HadoopConf;
import io.github.metasweep.spark.store.OutputLease;
import io.github.metasweep.spark.store.ResultStore;
import io.github.metasweep.spark.store.StoredRuns;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code sweep SPEC}: validate, expand, check the output, run what is missing on Spark, and build
 * the tables. Nothing is written and no SparkSession starts until the spec is valid and the output
 * is known to hold nothing but runs of this same spec.
 */
final class SweepCommand {
    static final Set<String> FLAGS = Set.of("--fresh", "--extend", "--dry-run");
    static final Set<String> OPTIONS = Set.of("--out", "--master", "--progress-seconds", "--reuse");
    private static final int DRY_RUN_ROWS = 10;

    private final PrintStream out;
    private final SessionFactory sessions;

    SweepCommand(PrintStream out, SessionFactory sessions) {
        this.out = out;
        this.sessions = sessions;
    }

    /** One sweep of a command: a spec file (or a suite's part), its runs and its output. */
    private record Part(String specFile, SweepSpec spec, List<PlannedRun> runs, ResultStore store) {
    }

    /** A part once its output is checked: the runs still missing and the spec.yaml found there, if any. */
    private record Prepared(Part part, List<PlannedRun> missing, Optional<SpecRecord> previous, StoredRuns stored) {
    }

    int execute(String[] argv) throws IOException {
        Args args = Args.parse("sweep", argv, 1, FLAGS, OPTIONS);
        String specFile = args.single("sweep", "spec file (e.g. sweeps/smoke.yaml)");
        double progressSeconds = progressSeconds(args.option("--progress-seconds"));
        MasterUrl.check("sweep", args.option("--master"));
        if (args.flag("--fresh") && args.flag("--extend")) {
            throw new UsageException("sweep: --fresh deletes the stored runs that --extend keeps; give one of them");
        }
        List<Part> parts = parts(Path.of(specFile), args.option("--out"));
        Optional<ResultStore> reuse = reuse(args.option("--reuse"), parts,
                SuiteFile.parts(Path.of(specFile)).isPresent());
        for (Part p : parts) {
            out.printf(Locale.ROOT, "sweep %s (%s): %d runs = %s%n", p.spec().name(), p.specFile(), p.runs().size(),
                    shape(p.spec(), p.runs()));
        }
        if (args.flag("--dry-run")) {
            for (Part p : parts) {
                dryRun(p.runs(), p.store(), args.flag("--fresh"));
            }
            return ExitCode.DONE;
        }
        // every part's output is checked before anything is deleted, written or started
        List<Optional<SpecRecord>> previous = new ArrayList<>();
        for (Part p : parts) {
            previous.add(checkOutput(p.store(), p.spec(), p.runs(), args.flag("--fresh"), args.flag("--extend")));
            if (!args.flag("--fresh")) {
                SweepReport.checkFormat(p.store());
            }
            checkWritable(p.store());
        }
        List<OutputLease> leases = new ArrayList<>();
        try {
            for (Part p : parts) {
                leases.add(OutputLease.acquire(p.store())); // one sweep per output, before anything is changed
            }
            return prepareAndRun(parts, previous, args, specFile, progressSeconds, reuse);
        } finally {
            leases.forEach(OutputLease::close);
        }
    }

    /**
     * The output {@code --reuse} names, whose verified results of runs this sweep plans are copied in instead of run
     * again (e.g. the runs a check shares with a main sweep); one plain sweep only, and it must hold runs.
     */
    private static Optional<ResultStore> reuse(String dir, List<Part> parts, boolean suite) throws IOException {
        if (dir == null) {
            return Optional.empty();
        }
        if (suite || parts.get(0).spec().tuning() != null) {
            throw new UsageException("sweep: --reuse takes the runs of one plain sweep, not a suite's or a tuned "
                    + "spec's; run the part on its own with --reuse");
        }
        ResultStore from = ResultStore.open(dir, HadoopConf.from(new SparkConf()));
        if (from.resultCount() == 0) {
            throw new UsageException("sweep: --reuse " + from.location() + " holds no results (no runs/<id>.json); "
                    + "nothing was written; give the output of the sweep whose runs to reuse");
        }
        if (from.location().equals(parts.get(0).store().location())) {
            throw new UsageException("sweep: --reuse names the output itself; give another sweep's output");
        }
        return Optional.of(from);
    }

    private int prepareAndRun(List<Part> parts, List<Optional<SpecRecord>> previous, Args args, String specFile,
                              double progressSeconds, Optional<ResultStore> reuse) throws IOException {
        boolean fresh = args.flag("--fresh");
        String appName = "metasweep " + (parts.size() == 1 ? parts.get(0).spec().name() : Path.of(specFile)
                .getFileName());
        // the session starts while the stored runs are checked: both take seconds and neither needs the other
        CompletableFuture<SessionFactory.Lease> opening = Background.start("spark-session-start",
                () -> sessions.open(args.option("--master"), appName));
        List<Prepared> prepared = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                prepared.add(prepare(parts.get(i), fresh ? Optional.empty() : previous.get(i), fresh, reuse));
            }
        } catch (IOException | RuntimeException e) {
            opening.thenAccept(SessionFactory.Lease::close);
            throw e;
        }
        int code = ExitCode.DONE;
        try (SessionFactory.Lease lease = Background.join(opening)) {
            for (Prepared p : prepared) {
                code = Math.max(code, p.part().spec().tuning() == null ? run(lease.session(), p, progressSeconds)
                        : runTuned(lease.session(), p.part(), progressSeconds));
            }
        }
        return code;
    }

    /**
     * A tuned sweep: each tuned method's selection phase is an ordinary sweep below the output ({@code tuning/<method>}),
     * then the chosen settings are run on the reporting seeds as the sweep itself.
     */
    private int runTuned(SparkSession spark, Part part, double progressSeconds) throws IOException {
        SweepSpec spec = part.spec();
        Map<String, Map<String, Object>> chosen = new LinkedHashMap<>();
        for (String method : spec.tuning().spaces().keySet()) {
            SweepSpec selection = spec.tuning().selectionSpec(spec, method);
            ResultStore store = TuningResults.store(part.store(), method);
            Part sel = new Part(part.specFile(), selection, SweepExpansion.expand(selection), store);
            out.printf(Locale.ROOT, "tuning %s: %d configurations x %d selection seeds = %d runs, chosen by the %s of %s%n",
                    method, spec.tuning().budgets().get(method), spec.tuning().seeds().size(), sel.runs().size(),
                    spec.tuning().statistic().key(), spec.tuning().metric());
            int code = run(spark, prepare(sel, checkOutput(store, selection, sel.runs(), false, false), false,
                    Optional.empty()), progressSeconds);
            if (code != ExitCode.DONE) {
                out.printf("tuning %s is incomplete: nothing is chosen and the reporting phase does not start; run the "
                        + "sweep again to retry%n", method);
                return code;
            }
            TuningChoice choice = TuningResults.choose(part.store(), spec, method);
            TuningChoice.Scored best = choice.chosen();
            out.printf(Locale.ROOT, "tuning %s: chose %s (%s %s %s over %d selection seeds, %d diverged)%s%n", method,
                    best.values(), spec.tuning().statistic().key(), spec.tuning().metric(),
                    ReportPage.num(TuningResults.metric(spec).direction().sign() * best.score()), best.runs(),
                    best.diverged(), choice.edges().isEmpty() ? "" : "; warning: " + String.join("; ", choice.edges()));
            chosen.put(method, best.values());
        }
        SweepSpec reporting = spec.withMethodParams(chosen);
        Part report = new Part(part.specFile(), reporting, SweepExpansion.expand(reporting), part.store());
        return run(spark, prepare(report, checkOutput(part.store(), reporting, report.runs(), false, false), false,
                Optional.empty()), progressSeconds);
    }

    /** The parts of a suite, each into {@code <out>/<part name>}, or the spec itself into {@code out}. */
    private static List<Part> parts(Path specFile, String outArg) {
        Optional<List<Path>> suite = SuiteFile.parts(specFile);
        List<Path> files = suite.orElse(List.of(specFile));
        List<SweepSpec> specs = new ArrayList<>();
        for (Path f : files) {
            specs.add(SpecParser.parseFile(f));
        }
        List<Part> parts = new ArrayList<>();
        String suiteName = stripYaml(specFile.getFileName().toString());
        for (int i = 0; i < files.size(); i++) {
            SweepSpec spec = specs.get(i);
            String out = suite.isEmpty() ? (outArg != null ? outArg : "results/" + spec.name())
                    : (outArg != null ? outArg : "results/" + suiteName) + "/" + spec.name();
            parts.add(new Part(files.get(i).toString(), spec, SweepExpansion.expand(spec),
                    ResultStore.open(out, HadoopConf.from(new SparkConf()))));
        }
        return parts;
    }

    private static String stripYaml(String name) {
        return name.replaceFirst("\\.ya?ml$", "");
    }

    private Prepared prepare(Part p, Optional<SpecRecord> previous, boolean fresh, Optional<ResultStore> reuse)
            throws IOException {
        ResultStore store = p.store();
        store.writeMarker(p.spec().name(), p.spec().fingerprint());
        if (fresh) {
            List<String> entries = store.sweepEntries();
            if (!entries.isEmpty()) {
                out.printf("fresh: deleting %s under %s (%d stored runs)%n", String.join(", ", entries),
                        store.location(), store.resultCount());
                store.deleteSweepEntries();
            }
        }
        Set<String> planned = new java.util.HashSet<>();
        p.runs().forEach(r -> planned.add(r.id()));
        StoredRuns stored = StoredRuns.check(store, planned);
        for (Map.Entry<String, String> d : stored.damaged().entrySet()) {
            store.quarantine(d.getKey(), d.getValue());
            out.printf("quarantined runs/%s.json (%s): moved to %s/, it will be run again%n", d.getKey(), d.getValue(),
                    ResultStore.QUARANTINE);
        }
        if (!stored.others().isEmpty()) {
            out.printf("warning: %s/ holds files that are not results, ignored: %s%n", ResultStore.RUNS,
                    String.join(", ", stored.others()));
        }
        if (reuse.isPresent()) {
            stored = copyReused(reuse.get(), store, planned, stored);
        }
        List<PlannedRun> missing = new ArrayList<>();
        for (PlannedRun r : p.runs()) {
            if (!stored.verified().contains(r.id())) {
                missing.add(r);
            }
        }
        store.clearFailures();
        store.clearTemporaries();
        return new Prepared(p, missing, previous, stored);
    }

    /** Copies the verified results of planned runs the output lacks from {@code from}; the output's runs, re-checked. */
    private StoredRuns copyReused(ResultStore from, ResultStore store, Set<String> planned, StoredRuns stored)
            throws IOException {
        StoredRuns there = StoredRuns.plannedIn(from, stored.missing());
        for (String id : there.verified()) {
            store.writeResult(id, there.json(from, id)); // the same sealed bytes: the seal is of the JSON
        }
        out.printf("reuse: %d of the %d runs not stored here copied from %s%s%n", there.verified().size(),
                stored.missing().size(), from.location(), there.damaged().isEmpty() ? ""
                        : " (" + there.damaged().size() + " damaged there, left out: they run here)");
        return StoredRuns.check(store, planned, stored.contents());
    }

    private int run(SparkSession spark, Prepared prepared, double progressSeconds) throws IOException {
        Part p = prepared.part();
        ResultStore store = p.store();
        SweepSpec spec = p.spec();
        List<PlannedRun> runs = p.runs();
        List<PlannedRun> missing = prepared.missing();
        out.printf("output of %s: %s%n", spec.name(), store.location());
        if (missing.size() < runs.size()) {
            out.printf("resume: %d of %d runs are stored already; %d to run (--fresh starts over)%n",
                    runs.size() - missing.size(), runs.size(), missing.size());
        }
        String created = prepared.previous().map(r -> String.valueOf(r.provenance().get("created"))).orElse(now());
        Map<String, Object> provenance = provenance(spark, created, now(), null);
        store.writeSpec(new SpecRecord(spec.fingerprint(), spec, provenance).toYaml(p.specFile(), runs.size()));
        SweepJob.Outcome outcome = spec.schedule() != null ? runScheduled(spark, prepared, progressSeconds)
                : missing.isEmpty() ? null : SweepJob.run(spark, store.location(), spec.name(), missing, progressSeconds,
                out);
        if (outcome == null) {
            out.println("nothing to run: every run is stored");
        } else {
            printOutcome(outcome, spark.sparkContext().defaultParallelism());
        }
        out.println("aggregating: tables, Parquet files, REPORT.md and plots ...");
        Set<String> planned = new java.util.HashSet<>();
        runs.forEach(r -> planned.add(r.id()));
        StoredRuns stored = StoredRuns.check(store, planned, prepared.stored().contents());
        SweepReport.Written w = new SweepReport(spark, store, spec, stored).write();
        provenance.put("finished", now());
        store.writeSpec(new SpecRecord(spec.fingerprint(), spec, provenance).toYaml(p.specFile(), runs.size()));
        out.printf("tables: %s/{metrics,summary,improvement}.{csv,md,tex} (%d configurations, %d comparisons) "
                        + "from %d stored runs; %s, %s, %s%n", store.path(ResultStore.TABLES), w.summaryRows(),
                w.improvementRows(), w.runs(), store.path(ResultStore.RUNS_PARQUET),
                store.path(ResultStore.CURVES_PARQUET), store.path(ResultStore.TRACES_PARQUET));
        out.printf("report: %s, plots in %s%n", store.path(ResultStore.REPORT), store.path(ResultStore.PLOTS));
        out.printf("stored runs: %s; %d quarantined this session%n",
                stored.summary(spec.schedule() != null),
                prepared.stored().damaged().size());
        if (outcome != null && !outcome.failed().isEmpty()) {
            out.printf("%d runs failed on every attempt; why: %s/<id>.txt; run the sweep again to retry them:%n",
                    outcome.failed().size(), store.path(ResultStore.FAILURES));
            outcome.failed().stream().limit(10).forEach(f -> out.println("  " + f));
            return ExitCode.FAILED;
        }
        return ExitCode.DONE;
    }

    /**
     * Seeds until decided: after each look (min seeds, then every batch up to max), the comparisons are judged on
     * the stored runs, and only configurations in an undecided comparison get the next batch of seeds.
     */
    private SweepJob.Outcome runScheduled(SparkSession spark, Prepared prepared, double progressSeconds)
            throws IOException {
        Part p = prepared.part();
        SweepSpec spec = p.spec();
        SeedSchedule schedule = spec.schedule();
        ScheduledRuns scheduled = new ScheduledRuns(spec, p.runs(), p.store(), prepared.stored().verified());
        Set<String> active = scheduled.configKeys();
        SweepJob.Outcome total = null;
        for (int n : schedule.looks()) {
            List<PlannedRun> batch = scheduled.missing(active, n);
            if (!batch.isEmpty()) {
                out.printf("seeds until decided: %d runs to bring %d configurations to %d seeds%n", batch.size(),
                        active.size(), n);
                SweepJob.Outcome o = SweepJob.run(spark, p.store().location(), spec.name(), batch, progressSeconds, out);
                total = total == null ? o : total.plus(o);
                scheduled.stored(batch);
                if (!o.failed().isEmpty()) {
                    out.println("seeds until decided: stopped, runs failed (see below); run the sweep again to retry");
                    return total;
                }
            }
            List<SequentialJudgement> judged = scheduled.judge();
            active = SequentialJudgement.undecidedConfigs(judged);
            out.printf(Locale.ROOT, "after %d seeds: %s%n", n, SequentialJudgement.tally(judged));
            if (active.isEmpty()) {
                break;
            }
        }
        return total;
    }

    private static double progressSeconds(String value) {
        if (value == null) {
            return 10;
        }
        try {
            double s = Double.parseDouble(value);
            if (s > 0 && s <= 3600) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("sweep: --progress-seconds: '" + value + "' is not accepted; expected a number of "
                + "seconds > 0 and <= 3600");
    }

    /**
     * The output may hold only runs of this very spec, or with {@code extend} of an earlier version of it whose every
     * stored run this one plans too (more seeds, methods or grid values); anything else stops the sweep with nothing
     * touched.
     */
    private static Optional<SpecRecord> checkOutput(ResultStore store, SweepSpec spec, List<PlannedRun> runs,
                                                    boolean fresh, boolean extend) throws IOException {
        if (!store.emptyOrMissing() && !store.owned()) {
            throw new UsageException("sweep: output " + store.location() + " is not empty and no sweep created it (no "
                    + ResultStore.MARKER + "); nothing was written or deleted; choose a new or empty --out");
        }
        if (fresh) {
            return Optional.empty();
        }
        Optional<String> text = store.readSpec();
        String advice = "; use --fresh to delete its runs and start over, or choose another --out";
        if (text.isPresent()) {
            SpecRecord record;
            try {
                record = SpecRecord.parse(store.path(ResultStore.SPEC), text.get());
            } catch (InvalidSweepSpecException e) {
                throw new UsageException("sweep: output " + store.location() + " holds a spec.yaml that cannot be "
                        + "read (" + e.problems().get(0).format(e.file()) + ")" + advice);
            }
            if (!record.fingerprint().equals(spec.fingerprint()) && !sameTunedSpec(record.spec(), spec)) {
                String different = "sweep: output " + store.location() + " holds runs of a different spec ('"
                        + record.spec().name() + "', fingerprint " + abbreviate(record.fingerprint()) + "; this spec '"
                        + spec.name() + "' has " + abbreviate(spec.fingerprint()) + ")";
                List<String> foreign = spec.tuning() != null ? List.of() : notPlanned(store.resultIds(), runs);
                if (!extend) {
                    throw new UsageException(different + (spec.tuning() == null && foreign.isEmpty()
                            ? "; every run it holds is one of this spec's: use --extend to keep them and run the rest"
                            + ", --fresh to delete them and start over, or choose another --out" : advice));
                }
                if (spec.tuning() != null || !foreign.isEmpty()) {
                    throw new UsageException(different + " and cannot be extended: " + (spec.tuning() != null
                            ? "a tuned spec's runs are known only once tuning has chosen"
                            : foreign.size() + " of its runs are not part of this spec (e.g. " + foreign.get(0) + ")")
                            + advice);
                }
            }
            return Optional.of(record);
        }
        Set<String> ids = store.resultIds();
        if (!ids.isEmpty() && !(spec.tuning() != null && spec.methodParams().isEmpty())) {
            // (a tuned sweep's runs are known only once tuning has chosen: checked again then)
            List<String> foreign = notPlanned(ids, runs);
            if (!foreign.isEmpty()) {
                throw new UsageException("sweep: output " + store.location() + " holds " + foreign.size()
                        + " runs that are not part of this spec (e.g. " + foreign.get(0) + ") and no spec.yaml"
                        + advice);
            }
        }
        return Optional.empty();
    }

    /** The stored run ids that none of {@code runs} has, sorted. */
    private static List<String> notPlanned(Set<String> ids, List<PlannedRun> runs) {
        Set<String> planned = new java.util.HashSet<>();
        runs.forEach(r -> planned.add(r.id()));
        return ids.stream().filter(id -> !planned.contains(id)).sorted().toList();
    }

    /** A tuned sweep's output records the chosen settings too; before tuning has chosen, the rest must agree. */
    private static boolean sameTunedSpec(SweepSpec recorded, SweepSpec spec) {
        return spec.tuning() != null && spec.methodParams().isEmpty()
                && recorded.withMethodParams(Map.of()).fingerprint().equals(spec.fingerprint());
    }

    private static void checkWritable(ResultStore store) {
        try {
            store.checkWritable();
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new UsageException("sweep: output " + store.location() + " cannot be written (" + why + "); nothing "
                    + "was run or changed; choose another --out, or give this user write access to it");
        }
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }

    private void dryRun(List<PlannedRun> runs, ResultStore store, boolean fresh) throws IOException {
        Set<String> stored = fresh ? Set.of() : store.resultIds();
        long toRun = runs.stream().filter(r -> !stored.contains(r.id())).count();
        out.printf("dry run: nothing is started or written; output %s; %d of %d runs would run%s%n", store.location(),
                toRun, runs.size(), fresh && !store.sweepEntries().isEmpty()
                        ? " (--fresh would delete " + String.join(", ", store.sweepEntries()) + " first)" : "");
        Map<String, Integer> perMethod = new LinkedHashMap<>();
        runs.forEach(r -> perMethod.merge(r.spec().method() + "/" + r.spec().variant(), 1, Integer::sum));
        perMethod.forEach((k, n) -> out.printf("  %-32s %d runs%n", k, n));
        out.printf("first %d runs:%n", Math.min(DRY_RUN_ROWS, runs.size()));
        out.printf("  %-44s %-12s %-16s %6s  %s%n", "id", "method", "variant", "seed", "swept");
        for (PlannedRun r : runs.subList(0, Math.min(DRY_RUN_ROWS, runs.size()))) {
            out.printf("  %-44s %-12s %-16s %6d  %s%n", r.id(), r.spec().method(), r.spec().variant(), r.spec().seed(),
                    r.sweptLabel());
        }
    }

    private static String shape(SweepSpec spec, List<PlannedRun> runs) {
        int configurations = runs.size() / spec.seeds().size();
        return spec.seeds().size() + " seeds x " + configurations + " configurations" + spec.phases()
                + (spec.tuning() == null ? "" : " (listed below with defaults until tuning has chosen)");
    }

    private void printOutcome(SweepJob.Outcome o, int slots) {
        double ideal = o.runSeconds() / slots;
        out.printf(Locale.ROOT, "done: %d runs in %.1f s (%d diverged, %d failed, %d task attempts retried); "
                        + "the runs took %.1f s in all, %.1f s on %d slots: Spark overhead %.1f%%%n",
                o.finished() + o.failed().size(), o.wallSeconds(), o.diverged(), o.failed().size(), o.failedAttempts(),
                o.runSeconds(), ideal, slots, ideal > 0 ? 100 * (o.wallSeconds() / ideal - 1) : Double.NaN);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Map<String, Object> provenance(SparkSession spark, String created, String started, String finished) {
        Provenance p = Provenance.current();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project_version", p.projectVersion());
        m.put("git_commit", p.gitCommit());
        m.put("spark_version", spark.version());
        m.put("nd4j_version", p.nd4jVersion());
        m.put("java_version", p.javaVersion());
        m.put("omp_num_threads", p.ompNumThreads());
        m.put("master", spark.sparkContext().master());
        m.put("created", created);
        m.put("started", started);
        m.put("finished", finished);
        return m;
    }
}
