package io.github.metasweep.spark.exec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/** A driver thread that prints runs done / total, diverged, failed and an ETA every few seconds. */
final class ProgressReporter implements AutoCloseable {
    private final Thread thread;
    private final PrintStream out;
    private final int total;
    private final SweepCounters counters;
    private final LongSupplier failedAttempts;
    private final long start = System.nanoTime();

    ProgressReporter(PrintStream out, int total, SweepCounters counters, LongSupplier failedAttempts,
                     double intervalSeconds) {
        this.out = out;
        this.total = total;
        this.counters = counters;
        this.failedAttempts = failedAttempts;
        long intervalMillis = Math.max(1, Math.round(intervalSeconds * 1000));
        thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(intervalMillis);
                    print();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "metasweep-progress");
        thread.setDaemon(true);
        thread.start();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    void print() {
        long finished = counters.finished().value();
        long failed = counters.failed().value();
        long done = finished + failed;
        double elapsed = elapsedSeconds();
        String eta = done == 0 ? "unknown" : duration(elapsed / done * (total - done));
        out.printf(Locale.ROOT, "progress: %d/%d runs done, %d diverged, %d failed, %d task attempts retried; "
                        + "%s elapsed, ETA %s%n", done, total, counters.diverged().value(), failed,
                failedAttempts.getAsLong(), duration(elapsed), eta);
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
