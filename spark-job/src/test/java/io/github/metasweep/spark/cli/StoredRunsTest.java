package io.github.metasweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.spark.testing.FakeBenchmark;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored runs are verified, not trusted: damaged ones are quarantined and run again, foreign ones left out. */
class StoredRunsTest {
    private static final String SPEC = """
            name: verify
            benchmark: fake
            seeds: 4
            methods: [base, alpha]
            baseline: base
            """;

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(FakeBenchmark.LOG);
    }

    private static Path run(Path out, int index) {
        return SpecFiles.runFiles(out).get(index);
    }

    @Test
    void damagedResultsAreQuarantinedAndRunAgain() throws Exception {
        Path out = dir.resolve("out");
        Path spec = SpecFiles.write(dir, "a.yaml", SPEC);
        assertEquals(0, TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString()).code());
        String summaryBefore = Files.readString(out.resolve("tables/summary.csv"));
        Path empty = run(out, 0);
        Path broken = run(out, 1);
        Path edited = run(out, 2);
        Files.writeString(empty, "");
        Files.writeString(broken, Files.readString(broken).substring(0, 40));
        String text = Files.readString(edited);
        int at = text.indexOf("\"best_return\":") + "\"best_return\":".length();
        Files.writeString(edited, text.substring(0, at) + "-1" + text.substring(at)); // a hand-edited number
        Path log = dir.resolve("log");
        System.setProperty(FakeBenchmark.LOG, log.toString());

        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the file is empty"), r.out());
        assertTrue(r.out().contains("no checksum"), r.out());
        assertTrue(r.out().contains("the checksum does not match the content"), r.out());
        assertTrue(r.out().contains("resume: 5 of 8 runs are stored already; 3 to run"), r.out());
        assertTrue(r.out().contains("3 quarantined this session"), r.out());
        assertEquals(3, Files.readAllLines(log).size(), "exactly the three damaged runs were computed again");
        for (Path p : List.of(empty, broken, edited)) {
            String name = p.getFileName().toString();
            assertTrue(Files.exists(out.resolve("quarantine").resolve(name)), name);
            assertTrue(Files.exists(out.resolve("quarantine").resolve(name.replace(".json", ".reason.txt"))));
        }
        assertEquals(summaryBefore, Files.readString(out.resolve("tables/summary.csv")),
                "the recomputed runs are the same runs: the tables are as before");
    }

    @Test
    void reportListsMissingForeignAndOtherFilesAndLeavesForeignRunsOut() throws Exception {
        Path out = dir.resolve("out");
        Path spec = SpecFiles.write(dir, "a.yaml", SPEC);
        assertEquals(0, TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString()).code());
        String summaryBefore = Files.readString(out.resolve("tables/summary.csv"));
        Path other = dir.resolve("other");
        Path otherSpec = SpecFiles.write(dir, "b.yaml", SPEC.replace("name: verify", "name: other")
                .replace("seeds: 4", "seeds: [9]"));
        assertEquals(0, TestSpark.main(TestSpark.SHARED, "sweep", otherSpec.toString(), "--out", other.toString())
                .code());
        Path foreign = run(other, 0);
        Files.copy(foreign, out.resolve("runs").resolve(foreign.getFileName()));
        Files.delete(run(out, 0));
        Files.writeString(out.resolve("runs/notes.txt"), "mine");

        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "report", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stored runs: 7 verified, 1 missing, 0 damaged, 1 foreign, 1 other files"), r.out());
        assertTrue(r.out().contains("not results, ignored: notes.txt"), r.out());
        String report = Files.readString(out.resolve("REPORT.md"));
        assertTrue(report.contains("7 of 8 planned runs are stored and whole"), report);
        assertTrue(report.contains("**foreign**: 1 results are not runs of this spec"), report);
        assertTrue(report.contains("**missing**: 1 planned runs have no result"), report);
        String summary = Files.readString(out.resolve("tables/summary.csv"));
        assertEquals(3, summary.lines().count(), "two configurations, the foreign seed-9 run adds none: " + summary);
        assertFalse(summary.equals(summaryBefore), "one run fewer changes a configuration's statistics");
    }
}
