package io.github.metasweep.spark.testing;

import io.github.metasweep.spark.cli.Main;
import io.github.metasweep.spark.cli.SessionFactory;
import io.github.metasweep.spark.exec.SparkSessions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * One SparkSession for the whole test suite, {@code local[2,2]}: two task threads, and a failed
 * task is tried twice, so retries happen in local mode. Kryo with required registration, as in production.
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            SparkConf conf = SparkSessions.configure(new SparkConf(), "local[2,2]", "metasweep-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "2");
            session = SparkSession.builder().config(conf).getOrCreate();
        }
        return session;
    }

    /** Hands out the shared session and never stops it. */
    public static final SessionFactory SHARED = (master, appName) -> new SessionFactory.Lease(session(), () -> { });

    /** A factory that must not be used: for commands that must stop before Spark starts. */
    public static final SessionFactory FORBIDDEN = (master, appName) -> {
        throw new AssertionError("a SparkSession was requested for input that should have been rejected");
    };

    /** A command's exit code and what it printed. */
    public record Result(int code, String out, String err) {
    }

    public static Result main(SessionFactory sessions, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Main(o, e, sessions).execute(args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
