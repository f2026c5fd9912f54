package io.github.metasweep.spark.cli;

import io.github.metasweep.spark.exec.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** Where commands get their SparkSession: a new one (stopped at the end) or, in tests, a shared one. */
public interface SessionFactory {
    /** Starts our own session with {@code master} (null: spark-submit's, else local[*]) and stops it when closed. */
    SessionFactory NEW = (master, appName) -> {
        SparkSession s = SparkSessions.start(master, appName);
        return new Lease(s, s::stop);
    };

    Lease open(String master, String appName);

    /** A session for the length of one command. */
    record Lease(SparkSession session, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }
}
