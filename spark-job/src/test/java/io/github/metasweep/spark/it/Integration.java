package io.github.metasweep.spark.it;

import io.github.metasweep.spark.cli.SessionFactory;
import io.github.metasweep.spark.exec.SparkSessions;
import io.github.metasweep.spark.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * What the integration tests share: the built jars (set by Failsafe, see spark-job/pom.xml), a Spark
 * home whose {@code jars/} holds Spark's own jars (for executors in other JVMs), and SparkSessions that
 * the commands start and stop themselves.
 */
final class Integration {
    private Integration() {
    }

    static Path repo() {
        return Path.of(required("metasweep.repo"));
    }

    static String appJar() {
        return existing(required("metasweep.appJar"));
    }

    static String testJar() {
        return existing(required("metasweep.testJar"));
    }

    static String executorJavaOptions(String... extra) {
        List<String> all = new ArrayList<>(ChildJvm.javaFlags());
        all.addAll(List.of(extra));
        return String.join(" ", all);
    }

    /**
     * The Spark home of {@code SPARK_HOME} (Failsafe sets it to target/spark-home) with {@code jars/}
     * linked to the jars of target/spark-classpath.txt: what a worker puts on an executor's class path.
     */
    static synchronized Path sparkHome() {
        String home = System.getenv("SPARK_HOME");
        if (home == null || System.getenv("SPARK_SCALA_VERSION") == null) {
            throw new IllegalStateException("SPARK_HOME and SPARK_SCALA_VERSION must be set (Failsafe sets them)");
        }
        Path jars = Path.of(home, "jars");
        try {
            Files.createDirectories(jars);
            for (String jar : Files.readString(Path.of(existing(required("metasweep.sparkClasspath")))).trim()
                    .split(java.io.File.pathSeparator)) {
                Path link = jars.resolve(Path.of(jar).getFileName());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, Path.of(jar));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Path.of(home);
    }

    /**
     * Sessions started for one command and stopped when it ends, with our settings plus
     * {@code settings}; {@code onStart} sees each new session (e.g. to add a listener).
     */
    static SessionFactory sessions(Map<String, String> settings, Consumer<SparkSession> onStart) {
        return (master, appName) -> {
            SparkConf conf = SparkSessions.configure(new SparkConf(), master, appName).set("spark.ui.enabled", "false");
            settings.forEach(conf::set);
            SparkSession s = SparkSession.builder().config(conf).getOrCreate();
            onStart.accept(s);
            return new SessionFactory.Lease(s, s::stop);
        };
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the integration tests "
                    + "through Maven (scripts/test.sh), which sets it");
        }
        return v;
    }

    private static String existing(String file) {
        if (!Files.exists(Path.of(file))) {
            throw new IllegalStateException(file + " does not exist: the integration tests run after `package`");
        }
        return file;
    }
}
