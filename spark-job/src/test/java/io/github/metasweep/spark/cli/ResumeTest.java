package io.github.metasweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepExpansion;
import io.github.metasweep.spark.testing.ChildJvm;
import io.github.metasweep.spark.testing.FakeBenchmark;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed part-way (a separate JVM, driver and executors, killed hard) and started again
 * computes only the runs it is missing, and ends with every run stored exactly once; no partial
 * result is ever visible, not even while the first sweep writes.
 */
class ResumeTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(FakeBenchmark.LOG);
    }

    private static String id(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - ".json".length());
    }

    /** A result is visible only once it is whole: each file under runs/ parses and names its own run. */
    private static int assertEveryVisibleResultIsWhole(Path out) throws Exception {
        List<Path> files = SpecFiles.runFiles(out);
        for (Path p : files) {
            assertEquals(id(p), RunResultJson.read(Files.readString(p)).id());
        }
        return files.size();
    }

    @Test
    void aStoppedSweepComputesOnlyTheMissingRuns() throws Exception {
        Path spec = SpecFiles.write(dir, "resume.yaml", """
                name: resume
                benchmark: fake
                seeds: 10
                methods: [base, alpha]
                params: {sleep_ms: 400}
                """);
        Path out = dir.resolve("out");
        Set<String> all = SweepExpansion.expand(SpecParser.parseFile(spec)).stream().map(PlannedRun::id)
                .collect(Collectors.toSet());

        List<String> command = ChildJvm.command(List.of("-D" + FakeBenchmark.LOG + "=" + dir.resolve("first.log")),
                Main.class.getName(), "sweep", spec.toString(), "--out", out.toString(), "--master", "local[2]");
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int checked = 0;
        while (SpecFiles.runFiles(out).size() < 4 && child.isAlive() && System.nanoTime() < deadline) {
            checked += assertEveryVisibleResultIsWhole(out);
            Thread.sleep(20);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(checked > 0, "results were read while the sweep wrote them");
        assertEveryVisibleResultIsWhole(out);
        Set<String> first = SpecFiles.runFiles(out).stream().map(ResumeTest::id).collect(Collectors.toSet());
        assertTrue(first.size() >= 4 && first.size() < all.size(),
                "the first sweep stopped part-way: " + first.size() + " of " + all.size() + "\n"
                        + Files.readString(dir.resolve("first.out")));
        Map<String, String> before = new HashMap<>();
        for (Path p : SpecFiles.runFiles(out)) {
            before.put(id(p), Files.readString(p));
        }

        Path log = dir.resolve("second.log");
        System.setProperty(FakeBenchmark.LOG, log.toString());
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("resume: " + first.size() + " of " + all.size() + " runs are stored already"), r.out());

        List<String> computed = Files.readAllLines(log);
        Set<String> missing = new HashSet<>(all);
        missing.removeAll(first);
        assertEquals(missing.size(), computed.size(), "each missing run was computed once: " + computed);
        assertEquals(missing, new HashSet<>(computed), "only the missing runs were computed");

        List<Path> files = SpecFiles.runFiles(out);
        assertEquals(all.size(), files.size());
        assertEquals(all, files.stream().map(ResumeTest::id).collect(Collectors.toSet()));
        for (Path p : files) {
            assertEquals(id(p), RunResultJson.read(Files.readString(p)).id());
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            assertEquals(e.getValue(), Files.readString(out.resolve("runs").resolve(e.getKey() + ".json")),
                    "stored results are left as they were");
        }
        try (var s = Files.list(out.resolve("runs"))) {
            assertEquals(all.size(), s.count(), "no temporary files are left");
        }
    }
}
