package io.github.metasweep.spark.cli;

import io.github.metasweep.spark.report.SweepReport;
import io.github.metasweep.spark.spec.InvalidSweepSpecException;
import io.github.metasweep.spark.spec.SpecRecord;
import io.github.metasweep.spark.store.HadoopConf;
import io.github.metasweep.spark.spec.SweepExpansion;
import io.github.metasweep.spark.store.ResultStore;
import io.github.metasweep.spark.store.StoredRuns;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkConf;

/** {@code report DIR}: rebuilds the tables, Parquet files, REPORT.md and plots of an output from its stored runs. */
final class ReportCommand {
    private final PrintStream out;
    private final SessionFactory sessions;

    ReportCommand(PrintStream out, SessionFactory sessions) {
        this.out = out;
        this.sessions = sessions;
    }

    int execute(String[] argv) throws IOException {
        Args args = Args.parse("report", argv, 1, Set.of(), Set.of("--master"));
        String dir = args.single("report", "sweep output folder (e.g. results/smoke)");
        MasterUrl.check("report", args.option("--master"));
        ResultStore top = ResultStore.open(dir, HadoopConf.from(new SparkConf()));
        List<ResultStore> stores = new ArrayList<>();
        if (top.readSpec().isPresent()) {
            stores.add(top);
        } else {
            for (String child : top.sweepsBelow()) {
                stores.add(ResultStore.open(top.path(child), HadoopConf.from(new SparkConf())));
            }
        }
        if (stores.isEmpty()) {
            throw new UsageException("report: " + top.location() + " holds no spec.yaml (nor do its folders); accepted: "
                    + "the --out folder of a sweep or of a suite");
        }
        List<SpecRecord> records = new ArrayList<>();
        for (ResultStore store : stores) {
            try {
                records.add(SpecRecord.parse(store.path(ResultStore.SPEC), store.readSpec().orElseThrow()));
            } catch (InvalidSweepSpecException e) {
                throw new UsageException("report: " + e.getMessage());
            }
            SweepReport.checkFormat(store);
        }
        try (SessionFactory.Lease lease = sessions.open(args.option("--master"),
                "metasweep report " + records.get(0).spec().name())) {
            for (int i = 0; i < stores.size(); i++) {
                ResultStore store = stores.get(i);
                out.printf("report of %s: aggregating %s ...%n", records.get(i).spec().name(), store.location());
                java.util.Set<String> planned = new java.util.HashSet<>();
                SweepExpansion.expand(records.get(i).spec()).forEach(r -> planned.add(r.id()));
                StoredRuns stored = StoredRuns.check(store, planned);
                out.printf("stored runs: %s%n", stored.summary(records.get(i).spec().schedule() != null));
                stored.damaged().forEach((id, why) -> out.printf("  unreadable: runs/%s.json: %s%n", id, why));
                if (!stored.foreign().isEmpty()) {
                    out.printf("  foreign (left out): %s%n", String.join(", ", stored.examples(stored.foreign())));
                }
                if (!stored.others().isEmpty()) {
                    out.printf("warning: runs/ holds files that are not results, ignored: %s%n",
                            String.join(", ", stored.others()));
                }
                SweepReport.Written w = new SweepReport(lease.session(), store, records.get(i).spec(), stored).write();
                out.printf("tables: %s/{metrics,summary,improvement}.{csv,md,tex} (%d configurations, %d comparisons) "
                        + "from %d stored runs; report: %s, plots in %s%n", store.path(ResultStore.TABLES),
                        w.summaryRows(), w.improvementRows(), w.runs(), store.path(ResultStore.REPORT),
                        store.path(ResultStore.PLOTS));
            }
        }
        return ExitCode.DONE;
    }
}
