package io.github.metasweep.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.spark.stats.Summary;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real NaN from the pendulum benchmark (fine-tuning with lr 1e30 and no clipping), through the
 * whole sweep: stored as {@code diverged}, counted in the sweep's output, the tables and REPORT.md,
 * and left out of every mean.
 */
class DivergedRunTest {
    @TempDir
    Path dir;

    @Test
    void aDivergedRunIsRecordedCountedAndLeftOutOfTheMeans() throws Exception {
        Path spec = SpecFiles.write(dir, "nan.yaml", """
                name: nan
                benchmark: pendulum-transfer
                seeds: 3
                methods: [finetune]
                params: {steps: 100, pretrain_episodes: 2, transfer_episodes: 4, grad_clip: false}
                grid:
                  lr: [0.001, 1.0e30]
                """);
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), "a diverged run is a result, not a failure: " + r.out() + r.err());
        assertTrue(r.out().contains("done: 6 runs") && r.out().contains("(3 diverged, 0 failed"), r.out());

        Map<String, List<RunResult>> byLr = new TreeMap<>();
        for (Path p : SpecFiles.runFiles(out)) {
            RunResult run = RunResultJson.read(Files.readString(p));
            byLr.computeIfAbsent(String.valueOf(run.params().getDouble("lr")), k -> new ArrayList<>()).add(run);
        }
        List<RunResult> stable = byLr.get("0.001");
        List<RunResult> nan = byLr.get("1.0E30");
        assertEquals(3, stable.size());
        assertEquals(3, nan.size());
        assertTrue(stable.stream().allMatch(x -> x.status() == RunStatus.OK));
        assertTrue(nan.stream().allMatch(x -> x.status() == RunStatus.DIVERGED && x.message() != null));

        List<String> summary = Files.readAllLines(out.resolve("tables").resolve("summary.csv"));
        List<String> header = List.of(summary.get(0).split(","));
        int n = header.indexOf("n");
        int diverged = header.indexOf("diverged");
        int mean = header.indexOf("best_return_mean");
        String[] stableRow = row(summary, "lr=0.001");
        String[] nanRow = row(summary, "lr=1.0E30");
        assertEquals("3", stableRow[n]);
        assertEquals("0", stableRow[diverged]);
        assertEquals("0", nanRow[n], "no diverged run enters the statistics");
        assertEquals("3", nanRow[diverged], "but each is counted");
        assertEquals("", nanRow[mean], "no mean from diverged runs");
        double expected = Summary.of(stable.stream().mapToDouble(x -> x.metric("best_return")).toArray()).mean();
        assertEquals(expected, Double.parseDouble(stableRow[mean]), 1e-6 * Math.abs(expected));

        String report = Files.readString(out.resolve("REPORT.md"));
        assertTrue(report.lines().anyMatch(l -> l.contains("lr=1.0E30") && l.contains("| 3 | 0 | 3 |")), report);
        assertTrue(report.lines().anyMatch(l -> l.contains("lr=0.001") && l.contains("| 3 | 3 | 0 |")), report);
    }

    private static String[] row(List<String> csv, String label) {
        return csv.stream().filter(l -> l.contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + String.join("\n", csv)))
                .split(",", -1);
    }
}
