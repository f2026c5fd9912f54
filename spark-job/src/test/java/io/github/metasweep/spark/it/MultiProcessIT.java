package io.github.metasweep.spark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metasweep.spark.cli.SessionFactory;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepExpansion;
import io.github.metasweep.spark.testing.FakeBenchmark;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors in their own JVMs ({@code local-cluster[2,1,1024]}: a standalone master and two workers
 * in this JVM, each starting an executor process from the Spark home's jars plus the application jar).
 */
class MultiProcessIT {
    private static final String LOCAL_CLUSTER = "local-cluster[2,1,1024]";

    @TempDir
    Path dir;

    /** Workers copy the 130 MB application jar into SPARK_HOME/work for every executor: not kept. */
    @AfterEach
    void deleteExecutorFolders() throws Exception {
        Path work = Integration.sparkHome().resolve("work");
        if (Files.isDirectory(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Which executors ran tasks, and how many task attempts failed. */
    private static final class TaskLog extends SparkListener {
        final Set<String> executors = ConcurrentHashMap.newKeySet();
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            executors.add(e.taskInfo().executorId());
            if (e.taskInfo().failed()) {
                failed.incrementAndGet();
            }
        }

        void attach(SparkSession s) {
            s.sparkContext().addSparkListener(this);
        }
    }

    private static SessionFactory cluster(TaskLog log, String... executorFlags) {
        Integration.sparkHome();
        return Integration.sessions(Map.of(
                "spark.jars", Integration.appJar() + "," + Integration.testJar(),
                "spark.executor.extraJavaOptions", Integration.executorJavaOptions(executorFlags),
                "spark.executor.memory", "1g"), log::attach);
    }

    private TestSpark.Result sweep(SessionFactory sessions, Path spec, Path out, String master) {
        return TestSpark.main(sessions, "sweep", spec.toString(), "--out", out.toString(), "--master", master);
    }

    @Test
    void theSmokeSweepGivesBitIdenticalRunsOnOneThreadTwoThreadsAndTwoExecutorJvms() {
        Path smoke = Integration.repo().resolve("sweeps").resolve("smoke-pendulum.yaml");
        TaskLog clusterLog = new TaskLog();
        TestSpark.Result onCluster = sweep(cluster(clusterLog), smoke, dir.resolve("cluster"), LOCAL_CLUSTER);
        assertEquals(0, onCluster.code(), onCluster.out() + onCluster.err());
        assertEquals(Set.of("0", "1"), clusterLog.executors, "both executor JVMs ran tasks, the driver none");

        TaskLog twoThreads = new TaskLog();
        TestSpark.Result local2 = sweep(Integration.sessions(Map.of(), twoThreads::attach), smoke, dir.resolve("local2"),
                "local[2]");
        assertEquals(0, local2.code(), local2.out() + local2.err());
        assertEquals(Set.of("driver"), twoThreads.executors);
        TestSpark.Result local1 = sweep(Integration.sessions(Map.of(), s -> { }), smoke, dir.resolve("local1"),
                "local[1]");
        assertEquals(0, local1.code(), local1.out() + local1.err());

        Map<String, JsonNode> expected = StoredRuns.read(dir.resolve("local2").toString());
        Set<String> planned = SweepExpansion.expand(SpecParser.parseFile(smoke)).stream().map(PlannedRun::id)
                .collect(Collectors.toSet());
        assertEquals(planned, expected.keySet());
        assertTrue(expected.values().stream().anyMatch(r -> r.get("method").asText().equals("nb-pro")));
        assertRunsEqual(expected, StoredRuns.read(dir.resolve("cluster").toString()), LOCAL_CLUSTER);
        assertRunsEqual(expected, StoredRuns.read(dir.resolve("local1").toString()), "local[1]");
    }

    private static void assertRunsEqual(Map<String, JsonNode> expected, Map<String, JsonNode> actual, String where) {
        assertEquals(expected.keySet(), actual.keySet(), where + ": the same runs");
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), where + ": run " + e.getKey() + " differs");
        }
    }

    @Test
    void anExecutorJvmHaltedMidRunIsReplacedAndEveryRunIsStoredOnce() throws Exception {
        Path markers = dir.resolve("markers");
        Path spec = SpecFiles.write(dir, "halt.yaml", """
                name: halt
                benchmark: fake
                seeds: 4
                methods: [base, alpha]
                params: {sleep_ms: 400, fault: halt, fault_seed: 1}
                """);
        Path out = dir.resolve("out");
        TaskLog log = new TaskLog();
        TestSpark.Result r = sweep(cluster(log, "-D" + FakeBenchmark.MARKERS + "=" + markers), spec, out, LOCAL_CLUSTER);
        assertEquals(0, r.code(), r.out() + r.err());

        Set<String> ids = SweepExpansion.expand(SpecParser.parseFile(spec)).stream().map(PlannedRun::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> halted = ids.stream().filter(id -> id.contains("-s1-")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(2, halted.size(), "base and alpha with seed 1");
        try (Stream<Path> s = Files.list(markers)) {
            assertEquals(halted, s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)),
                    "each chosen run halted its executor once");
        }
        assertTrue(log.failed.get() >= halted.size(), "Spark lost a task attempt per halt: " + log.failed.get());
        assertTrue(log.executors.size() > 2, "halted executors were replaced by new ones: " + log.executors);
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            assertEquals(ids, s.map(p -> p.getFileName().toString().replace(".json", ""))
                    .collect(Collectors.toCollection(TreeSet::new)), "every run exactly once, no temporary files");
        }
        StoredRuns.read(out.toString()).forEach((id, run) -> assertEquals(id, run.get("id").asText()));
        assertTrue(r.out().contains("0 failed"), r.out());
    }
}
