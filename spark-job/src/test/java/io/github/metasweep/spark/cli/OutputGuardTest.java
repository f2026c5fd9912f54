package io.github.metasweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.spark.store.OutputLease;
import io.github.metasweep.spark.store.ResultStore;
import io.github.metasweep.spark.testing.FakeBenchmark;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output holds one spec's runs: another spec is refused with nothing touched, a grown one kept with --extend;
 * --fresh and --dry-run do what they say.
 */
class OutputGuardTest {
    private static final String SPEC = """
            name: guard
            benchmark: fake
            seeds: 2
            methods: [base, beta]
            """;

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(FakeBenchmark.LOG);
    }

    /** Every file under {@code root} with its size and modification time. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                m.put(root.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    @Test
    void anOutputOfAnotherSpecIsRefusedAndLeftAlone() throws Exception {
        Path out = dir.resolve("out");
        Path first = SpecFiles.write(dir, "a.yaml", SPEC);
        assertEquals(0, TestSpark.main(TestSpark.SHARED, "sweep", first.toString(), "--out", out.toString()).code());
        Map<String, String> before = snapshot(out);
        Path other = SpecFiles.write(dir, "b.yaml", SPEC.replace("seeds: 2", "seeds: 3"));
        TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", other.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds runs of a different spec") && r.err().contains("--fresh"), r.err());
        assertEquals(before, snapshot(out), "nothing was touched");

        TestSpark.Result again = TestSpark.main(TestSpark.SHARED, "sweep", first.toString(), "--out", out.toString());
        assertEquals(0, again.code());
        assertTrue(again.out().contains("nothing to run: every run is stored"), again.out());
    }

    /** More seeds for the same spec: refused as another spec, kept with --extend, which runs only the new seed. */
    @Test
    void anExtendedSpecKeepsTheStoredRunsAndRunsOnlyTheRest() throws Exception {
        Path out = dir.resolve("out");
        Path first = SpecFiles.write(dir, "a.yaml", SPEC);
        assertEquals(0, TestSpark.main(TestSpark.SHARED, "sweep", first.toString(), "--out", out.toString()).code());
        Path grown = SpecFiles.write(dir, "b.yaml", SPEC.replace("seeds: 2", "seeds: 3"));
        TestSpark.Result refused = TestSpark.main(TestSpark.FORBIDDEN, "sweep", grown.toString(), "--out",
                out.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("every run it holds is one of this spec's: use --extend"), refused.err());
        TestSpark.Result both = TestSpark.main(TestSpark.FORBIDDEN, "sweep", grown.toString(), "--out", out.toString(),
                "--fresh", "--extend");
        assertEquals(2, both.code());

        Path log = dir.resolve("ran.log");
        System.setProperty(FakeBenchmark.LOG, log.toString());
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", grown.toString(), "--out", out.toString(),
                "--extend");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("resume: 4 of 6 runs are stored already; 2 to run"), r.out());
        List<String> ran = Files.readAllLines(log);
        assertEquals(2, ran.size(), ran.toString());
        assertTrue(ran.stream().allMatch(id -> id.contains("-s2-")), ran.toString());
        assertTrue(Files.readString(out.resolve("REPORT.md")).contains(", 3 seeds, "), "the report is the grown spec's");
        // the output is now the grown spec's: it resumes without --extend, and the first spec is refused
        assertTrue(TestSpark.main(TestSpark.SHARED, "sweep", grown.toString(), "--out", out.toString()).out()
                .contains("nothing to run: every run is stored"));
        assertEquals(2, TestSpark.main(TestSpark.FORBIDDEN, "sweep", first.toString(), "--out", out.toString()).code());
    }

    /** --extend keeps only runs the new spec plans: an output holding others is refused with nothing touched. */
    @Test
    void anOutputWithRunsTheNewSpecDropsCannotBeExtended() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, TestSpark.main(TestSpark.SHARED, "sweep", SpecFiles.write(dir, "a.yaml", SPEC).toString(), "--out",
                out.toString()).code());
        Map<String, String> before = snapshot(out);
        Path other = SpecFiles.write(dir, "b.yaml", SPEC.replace("methods: [base, beta]", "methods: [base, alpha]"));
        TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", other.toString(), "--out", out.toString(),
                "--extend");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot be extended: 2 of its runs are not part of this spec (e.g. beta-"), r.err());
        assertEquals(before, snapshot(out), "nothing was touched");
    }

    @Test
    void runsWithoutASpecFileThatAreNotOursAreRefused() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("runs"));
        Files.writeString(out.resolve("runs").resolve("someone-elses-run.json"), "{}");
        Map<String, String> before = snapshot(out);
        TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", SpecFiles.write(dir, "a.yaml", SPEC).toString(),
                "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not empty and no sweep created it"), r.err());
        assertEquals(before, snapshot(out));
    }

    /** The reproduction of issue 12: a user's folder with a figure and a REPORT.md of their own, with and without --fresh. */
    @Test
    void aUsersFolderIsNeverWrittenNorCleaned() throws Exception {
        Path out = dir.resolve("u");
        Files.createDirectories(out.resolve("plots"));
        Files.writeString(out.resolve("plots/fig1.png"), "x");
        Files.writeString(out.resolve("REPORT.md"), "n");
        Map<String, String> before = snapshot(out);
        Path spec = SpecFiles.write(dir, "a.yaml", SPEC);
        for (String fresh : new String[] {"--fresh", "--progress-seconds=10"}) {
            TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", spec.toString(), "--out", out.toString(),
                    fresh);
            assertEquals(2, r.code(), fresh);
            assertTrue(r.err().contains("is not empty and no sweep created it"), r.err());
            assertEquals(before, snapshot(out), "nothing written or deleted (" + fresh + ")");
        }
    }

    /** One sweep per output: a live lease stops a second sweep with the holder named; a stale one is taken over. */
    @Test
    void aSecondSweepOnALeasedOutputIsRefusedAndAStaleLeaseIsTakenOver() throws Exception {
        Path out = dir.resolve("out");
        Path spec = SpecFiles.write(dir, "a.yaml", SPEC);
        assertEquals(0, TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString()).code());
        assertFalse(Files.exists(out.resolve(OutputLease.FILE)), "released at the end");
        ResultStore store = ResultStore.open(out.toString(), new org.apache.hadoop.conf.Configuration());
        try (OutputLease held = OutputLease.acquire(store)) {
            TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", spec.toString(), "--out", out.toString());
            assertEquals(2, r.code());
            assertTrue(r.err().contains("is in use by another sweep (host ") && r.err().contains("pid "
                    + ProcessHandle.current().pid()), r.err());
            OutputLease.HeldException again = org.junit.jupiter.api.Assertions.assertThrows(
                    OutputLease.HeldException.class, () -> OutputLease.acquire(store));
            assertTrue(again.getMessage().contains("renewed 0 s ago") || again.getMessage().contains("renewed 1 s ago"));
        }
        long longAgo = java.time.Instant.now().getEpochSecond() - OutputLease.STALE_SECONDS - 5;
        Files.writeString(out.resolve(OutputLease.FILE), "holder: host gone, pid 1, started 2026-01-01T00:00:00Z\n"
                + "renewed: " + longAgo + "\n");
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve(OutputLease.FILE)));
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeSparkStarts() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        Path spec = SpecFiles.write(dir, "a.yaml", SPEC);
        for (Path out : List.of(file, file.resolve("out"))) {
            TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", spec.toString(), "--out", out.toString());
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("output file:" + out + " cannot be written (") && r.err().contains("choose another "
                    + "--out"), r.err());
            assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
            assertEquals("not a folder", Files.readString(file));
        }
    }

    @Test
    void dryRunCountsAndWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", SpecFiles.write(dir, "a.yaml", SPEC).toString(),
                "--out", out.toString(), "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(": 4 runs = 2 seeds x 2 configurations"), r.out());
        assertTrue(r.out().contains("first 4 runs:") && r.out().contains("beta-full-s1-"), r.out());
        assertFalse(Files.exists(out));
    }

    /** A bad master is one line and exit 2 before Spark, for a dry run too; nothing is created. */
    @Test
    void aBadMasterIsRefusedBeforeSparkStarts() throws Exception {
        Path out = dir.resolve("out");
        Path spec = SpecFiles.write(dir, "a.yaml", SPEC);
        for (String master : new String[] {"local[0]", "bogus://x", "local[two]"}) {
            for (String dry : new String[] {"--dry-run", "--progress-seconds=5"}) {
                TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", spec.toString(), "--out",
                        out.toString(), "--master", master, dry);
                assertEquals(2, r.code(), master + ": " + r.err());
                assertTrue(r.err().contains("--master: '" + master + "' is not accepted; expected local"), r.err());
                assertEquals(1, r.err().lines().count(), r.err());
            }
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void freshSaysWhatItDeletesAndRunsEverythingAgain() throws Exception {
        Path out = dir.resolve("out");
        Path spec = SpecFiles.write(dir, "a.yaml", SPEC);
        assertEquals(0, TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString()).code());
        Files.writeString(out.resolve("notes.txt"), "mine");
        Path log = dir.resolve("log");
        System.setProperty(FakeBenchmark.LOG, log.toString());
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString(), "--fresh");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("fresh: deleting runs, tables, runs.parquet, curves.parquet, traces.parquet, REPORT.md, plots, spec.yaml"), r.out());
        assertTrue(r.out().contains("(4 stored runs)"), r.out());
        assertEquals(4, Files.readAllLines(log).size(), "every run was computed again");
        assertEquals(List.of(4), List.of(SpecFiles.runFiles(out).size()));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")), "files a sweep did not write are kept");
        String specYaml = Files.readString(out.resolve("spec.yaml"));
        for (String key : List.of("fingerprint:", "spark_version: ", "git_commit: ", "nd4j_version: ", "java_version: ",
                "started: ", "finished: ", "name: guard")) {
            assertTrue(specYaml.contains(key), key + " in\n" + specYaml);
        }
    }
}
