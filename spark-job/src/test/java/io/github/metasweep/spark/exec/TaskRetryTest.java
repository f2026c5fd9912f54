package io.github.metasweep.spark.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepExpansion;
import io.github.metasweep.spark.testing.FakeBenchmark;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures cost one run: a task that fails once is retried by Spark; one that always fails is recorded and skipped. */
class TaskRetryTest {
    @TempDir
    Path dir;

    private static final String SPEC = """
            name: faults
            benchmark: fake
            seeds: 3
            methods: [base, alpha]
            params: {fault: FAULT, fault_seed: 1}
            baseline: [base]
            """;

    @AfterEach
    void clearMarkers() {
        System.clearProperty(FakeBenchmark.MARKERS);
    }

    private static Set<String> expectedIds(Path spec) {
        return SweepExpansion.expand(SpecParser.parseFile(spec)).stream().map(PlannedRun::id).collect(Collectors.toSet());
    }

    private static List<String> fileNames(Path d) throws Exception {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndItsRunStoredOnce() throws Exception {
        Path markers = dir.resolve("markers");
        System.setProperty(FakeBenchmark.MARKERS, markers.toString());
        Path spec = SpecFiles.write(dir, "faults.yaml", SPEC.replace("FAULT", "once"));
        Path out = dir.resolve("out");
        SparkContext sc = TestSpark.session().sparkContext();
        AtomicInteger failedTasks = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd e) {
                if (e.taskInfo().failed()) {
                    failedTasks.incrementAndGet();
                }
            }
        };
        sc.addSparkListener(listener);
        TestSpark.Result r;
        try {
            r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
            sc.listenerBus().waitUntilEmpty();
        } finally {
            sc.removeSparkListener(listener);
        }
        assertEquals(0, r.code(), r.out() + r.err());
        Set<String> ids = expectedIds(spec);
        Set<String> faulty = ids.stream().filter(id -> id.contains("-s1-")).collect(Collectors.toSet());
        assertEquals(faulty, Set.copyOf(fileNames(markers)), "exactly the chosen runs failed once");
        assertEquals(faulty.size(), failedTasks.get(), "Spark saw one failed attempt per chosen run and retried it");
        List<String> files = fileNames(out.resolve("runs"));
        assertEquals(ids, files.stream().map(f -> f.replace(".json", "")).collect(Collectors.toSet()));
        assertEquals(ids.size(), files.size(), "each run exactly once, no temporary files: " + files);
        for (String id : ids) {
            assertEquals(id, RunResultJson.read(Files.readString(out.resolve("runs").resolve(id + ".json"))).id());
        }
        assertTrue(r.out().contains("0 failed"), r.out());
    }

    @Test
    void aRunThatFailsEveryAttemptCostsOnlyThatRun() throws Exception {
        Path spec = SpecFiles.write(dir, "faults.yaml", SPEC.replace("FAULT", "always"));
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        Set<String> ids = expectedIds(spec);
        Set<String> faulty = ids.stream().filter(id -> id.contains("-s1-")).collect(Collectors.toSet());
        Set<String> stored = fileNames(out.resolve("runs")).stream().map(f -> f.replace(".json", ""))
                .collect(Collectors.toSet());
        Set<String> others = ids.stream().filter(id -> !faulty.contains(id)).collect(Collectors.toSet());
        assertEquals(others, stored, "every other run completed");
        assertEquals(faulty, fileNames(out.resolve("failures")).stream().map(f -> f.replace(".txt", ""))
                .collect(Collectors.toSet()));
        for (String id : faulty) {
            String why = Files.readString(out.resolve("failures").resolve(id + ".txt"));
            assertTrue(why.contains("injected fault") && why.contains("attempt 2 of 2"), why);
        }
        assertTrue(r.out().contains(faulty.size() + " runs failed on every attempt"), r.out());
        assertTrue(Files.exists(out.resolve("tables").resolve("summary.csv")), "tables are built from what ran");
    }

    @Test
    void whenEveryRunFailsTheTablesAreEmptyButWritten() throws Exception {
        Path spec = SpecFiles.write(dir, "faults.yaml", SPEC.replace("FAULT", "always").replace("fault_seed: 1", "fault_seed: -1"));
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(List.of(), fileNames(out.resolve("runs")));
        assertEquals(expectedIds(spec).size(), fileNames(out.resolve("failures")).size());
        assertEquals(1, Files.readAllLines(out.resolve("tables").resolve("summary.csv")).size(), "the header only");
    }
}
