package io.github.metasweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds until decided: a comparison with a large effect stops at the first look, one without an effect runs to the
 * maximum, and a configuration gets seeds only while one of its comparisons is undecided.
 */
class SeedsUntilDecidedTest {
    @TempDir
    Path dir;

    @Test
    void aClearDifferenceStopsEarlyAndANullOneRunsToTheMaximum() throws Exception {
        // alpha is far better than base (lr shifts returns by +125); beta equals alpha but for the noise
        Path spec = SpecFiles.write(dir, "seq.yaml", """
                name: seq
                benchmark: fake
                seeds: {from: 0, min: 4, max: 16, batch: 4, until: decided}
                methods: [base, alpha, beta]
                params: {lr: 0.5}
                baseline: [base, alpha]
                """);
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Map<String, Integer> perMethod = new TreeMap<>();
        for (Path p : SpecFiles.runFiles(out)) {
            RunResult x = RunResultJson.read(Files.readString(p));
            perMethod.merge(x.method(), 1, Integer::sum);
        }
        // base vs alpha and base vs beta are decided at 4 seeds; alpha vs beta (no effect) keeps both to 16
        assertEquals(Map.of("alpha", 16, "base", 4, "beta", 16), perMethod, r.out());
        // the 12 planned runs the schedule never added are not called missing
        assertTrue(r.out().contains("stored runs: 36 verified, 12 not needed (seeds until decided), 0 damaged"), r.out());
        String report = Files.readString(out.resolve("REPORT.md"));
        assertTrue(report.contains("## Seeds until decided"), report);
        assertTrue(report.contains("| alpha vs base | best_return | **better** | 4 |"), report);
        assertTrue(report.contains("| beta vs alpha | best_return | undecided at max | 16 |"), report);

        TestSpark.Result again = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("nothing to run: every run is stored"), again.out());
    }
}
