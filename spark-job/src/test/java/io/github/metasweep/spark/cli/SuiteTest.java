package io.github.metasweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite file runs several sweep specs as one command, each into its own folder below the output. */
class SuiteTest {
    @TempDir
    Path dir;

    private void parts() {
        SpecFiles.write(dir, "one.yaml", """
                name: one
                benchmark: fake
                seeds: 2
                methods: [base, alpha]
                baseline: base
                """);
        SpecFiles.write(dir, "two.yaml", """
                name: two
                benchmark: fake
                seeds: 3
                methods: [beta]
                """);
    }

    @Test
    void everyPartRunsIntoItsOwnFolderAndReportsAgain() throws Exception {
        parts();
        Path suite = SpecFiles.write(dir, "both.yaml", "name: both\nsuite: [one.yaml, two.yaml]\n");
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", suite.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(4, SpecFiles.runFiles(out.resolve("one")).size());
        assertEquals(3, SpecFiles.runFiles(out.resolve("two")).size());
        assertTrue(Files.exists(out.resolve("one/REPORT.md")) && Files.exists(out.resolve("two/tables/summary.csv")));
        assertTrue(r.out().contains("sweep one") && r.out().contains("sweep two"), r.out());

        assertEquals(0, TestSpark.main(TestSpark.FORBIDDEN, "validate", suite.toString()).code());
        Files.delete(out.resolve("two/tables/summary.csv"));
        TestSpark.Result report = TestSpark.main(TestSpark.SHARED, "report", out.toString());
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.exists(out.resolve("two/tables/summary.csv")), "report of a suite's output rebuilds each part");
    }

    @Test
    void aBadPartStopsTheWholeSuiteBeforeAnythingRuns() throws Exception {
        parts();
        SpecFiles.write(dir, "bad.yaml", "name: bad\nbenchmark: fake\nseeds: 2\nmethods: [gamma]\n");
        Path suite = SpecFiles.write(dir, "s.yaml", "name: s\nsuite: [one.yaml, bad.yaml, missing.yaml]\n");
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", suite.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing.yaml") && r.err().contains("suite[2]"), r.err());
        Path onlyBad = SpecFiles.write(dir, "s2.yaml", "suite: [one.yaml, bad.yaml]\nbenchmark: fake\n");
        TestSpark.Result r2 = TestSpark.main(TestSpark.FORBIDDEN, "sweep", onlyBad.toString(), "--out", out.toString());
        assertEquals(2, r2.code());
        assertTrue(r2.err().contains("benchmark") && r2.err().contains("unknown key in a suite"), r2.err());
        SpecFiles.write(dir, "s3.yaml", "suite: [one.yaml, bad.yaml]\n");
        TestSpark.Result r3 = TestSpark.main(TestSpark.FORBIDDEN, "sweep", dir.resolve("s3.yaml").toString());
        assertEquals(2, r3.code());
        assertTrue(r3.err().contains("unknown method 'gamma'"), r3.err());
        assertFalse(Files.exists(out), "nothing was written");
    }
}
