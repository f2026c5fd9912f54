package io.github.metasweep.spark.exec;

import io.github.metasweep.spark.spec.PlannedRun;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark job of a sweep: one task per run (numSlices = number of runs), only encoded run specs
 * and short outcome lines cross the wire, results land on the output's file system from the
 * executors, and a driver thread prints progress.
 */
public final class SweepJob {
    private SweepJob() {
    }

    /** What happened: counts, the runs that failed every attempt, and timings for the overhead figure. */
    public record Outcome(int finished, int diverged, List<String> failed, long failedAttempts, double wallSeconds,
                          double runSeconds) {
        /** Two jobs of one sweep (the batches of seeds until decided) as one. */
        public Outcome plus(Outcome o) {
            List<String> both = new ArrayList<>(failed);
            both.addAll(o.failed);
            return new Outcome(finished + o.finished, diverged + o.diverged, both, failedAttempts + o.failedAttempts,
                    wallSeconds + o.wallSeconds, runSeconds + o.runSeconds);
        }
    }

    public static Outcome run(SparkSession spark, String out, String sweepName, List<PlannedRun> runs,
                              double progressSeconds, PrintStream log) {
        SparkContext sc = spark.sparkContext();
        List<String> encoded = new ArrayList<>(runs.size());
        for (PlannedRun r : runs) {
            encoded.add(RunSpecCodec.encode(r.spec()));
        }
        SweepCounters counters = SweepCounters.register(sc);
        TaskFailureCounter failures = new TaskFailureCounter();
        sc.addSparkListener(failures);
        int maxAttempts = MaxAttempts.of(sc);
        sc.setJobDescription("metasweep " + sweepName + ": " + runs.size() + " runs");
        List<String> outcomes;
        double wall;
        try (ProgressReporter progress = new ProgressReporter(log, runs.size(), counters, failures::failedAttempts,
                progressSeconds)) {
            outcomes = JavaSparkContext.fromSparkContext(sc)
                    .parallelize(encoded, Math.max(1, encoded.size()))
                    .map(new RunTask(out, maxAttempts, counters))
                    .collect();
            wall = progress.elapsedSeconds();
            progress.print();
        } finally {
            sc.removeSparkListener(failures);
            sc.setJobDescription(null);
        }
        List<String> failed = new ArrayList<>();
        int finished = 0;
        int diverged = 0;
        for (String line : outcomes) {
            String[] f = line.split("\t", 3);
            switch (f[1]) {
                case "failed" -> failed.add(f[0] + ": " + f[2]);
                case "diverged" -> {
                    finished++;
                    diverged++;
                }
                default -> finished++;
            }
        }
        return new Outcome(finished, diverged, failed, failures.failedAttempts(), wall, counters.runSeconds().value());
    }
}
