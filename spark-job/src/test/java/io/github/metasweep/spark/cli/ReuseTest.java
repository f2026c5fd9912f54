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

/**
 * A sweep that repeats part of another (a check beside a main sweep) copies the verified results of the runs it
 * plans from that sweep's output with --reuse and runs only the rest; damaged results there are run again.
 */
class ReuseTest {
    private static final String MAIN = """
            name: main
            benchmark: fake
            seeds: 2
            methods: [base, beta]
            """;
    private static final String CHECK = """
            name: check
            benchmark: fake
            seeds: 3
            methods: [base, alpha]
            """;

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(FakeBenchmark.LOG);
    }

    @Test
    void theRunsBothPlanAreCopiedNotRunAndTheRestRun() throws Exception {
        Path main = dir.resolve("main");
        assertEquals(0, TestSpark.main(TestSpark.SHARED, "sweep", SpecFiles.write(dir, "main.yaml", MAIN).toString(),
                "--out", main.toString()).code());
        List<Path> mainRuns = SpecFiles.runFiles(main);
        Path base0 = mainRuns.stream().filter(p -> p.getFileName().toString().startsWith("base-full-s0-")).findFirst()
                .orElseThrow();
        Path base1 = mainRuns.stream().filter(p -> p.getFileName().toString().startsWith("base-full-s1-")).findFirst()
                .orElseThrow();
        Files.writeString(base1, Files.readString(base1).replace("\"seed\"", "\"seed \"")); // damaged there
        Path beta0 = mainRuns.stream().filter(p -> p.getFileName().toString().startsWith("beta-full-s0-")).findFirst()
                .orElseThrow();
        Files.writeString(beta0, ""); // damaged too, but no run the check plans: neither read nor counted
        Path check = dir.resolve("check");
        Path log = dir.resolve("ran.log");
        System.setProperty(FakeBenchmark.LOG, log.toString());
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", SpecFiles.write(dir, "check.yaml", CHECK)
                .toString(), "--out", check.toString(), "--reuse", main.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("reuse: 1 of the 6 runs not stored here copied from ")
                && r.out().contains("(1 damaged there, left out: they run here)"), r.out());
        assertTrue(r.out().contains("resume: 1 of 6 runs are stored already; 5 to run"), r.out());
        List<String> ran = Files.readAllLines(log);
        assertEquals(5, ran.size(), ran.toString());
        assertFalse(ran.stream().anyMatch(id -> id.startsWith("base-full-s0-")), "the copied run is not run: " + ran);
        assertEquals(Files.readString(base0), Files.readString(check.resolve("runs").resolve(base0.getFileName())),
                "copied as stored");
        assertFalse(SpecFiles.runFiles(check).stream().anyMatch(p -> p.getFileName().toString().startsWith("beta")),
                "a run the check does not plan stays where it was");
        assertEquals(6, SpecFiles.runFiles(check).size());
    }

    @Test
    void aReuseFolderWithoutResultsOrWithASuiteIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path spec = SpecFiles.write(dir, "check.yaml", CHECK);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", spec.toString(), "--out", out.toString(),
                "--reuse", empty.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--reuse") && r.err().contains("holds no results"), r.err());
        assertFalse(Files.exists(out), "nothing was written");
        Path suite = SpecFiles.write(dir, "suite.yaml", "suite:\n  - check.yaml\n");
        TestSpark.Result s = TestSpark.main(TestSpark.FORBIDDEN, "sweep", suite.toString(), "--out", out.toString(),
                "--reuse", empty.toString());
        assertEquals(2, s.code());
        assertTrue(s.err().contains("not a suite's"), s.err());
    }
}
