package io.github.metasweep.spark.cli;

import io.github.metasweep.spark.report.SweepReport;
import io.github.metasweep.spark.spec.InvalidSweepSpecException;
import io.github.metasweep.spark.spec.SpecRecord;
import io.github.metasweep.spark.store.HadoopConf;
import io.github.metasweep.spark.store.ResultStore;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
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
        ResultStore store = ResultStore.open(dir, HadoopConf.from(new SparkConf()));
        Optional<String> text = store.readSpec();
        if (text.isEmpty()) {
            throw new UsageException("report: " + store.location() + " holds no spec.yaml; accepted: the --out folder "
                    + "of a sweep");
        }
        SpecRecord record;
        try {
            record = SpecRecord.parse(store.path(ResultStore.SPEC), text.get());
        } catch (InvalidSweepSpecException e) {
            throw new UsageException("report: " + e.getMessage());
        }
        try (SessionFactory.Lease lease = sessions.open(args.option("--master"),
                "metasweep report " + record.spec().name())) {
            SweepReport.Written w = new SweepReport(lease.session(), store, record.spec()).write();
            out.printf("tables: %s/{summary,improvement}.{csv,md,tex} (%d configurations, %d comparisons) from %d "
                    + "stored runs%n", store.path(ResultStore.TABLES), w.summaryRows(), w.improvementRows(), w.runs());
        }
        return ExitCode.DONE;
    }
}
