package io.github.metasweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tuned sweep: every tuned method's space is tried on the selection seeds (stored below tuning/), the best
 * configuration by the stated statistic is chosen (a diverged run counting as the worst), and only the chosen
 * configurations run on the reporting seeds.
 */
class TuningSweepTest {
    private static final String SPEC = """
            name: tuned
            benchmark: fake
            seeds: {from: 0, count: 4}
            methods: [base, alpha, beta]
            baseline: [base]
            tune:
              seeds: {from: 100, count: 3}
              metric: best_return
              statistic: mean
              budgets: {beta: 4}
              space:
                alpha: {lr: [0.01, 0.2]}
                beta: {lr: [0.01, 0.2], diverge_seed: [101, -1]}
            """;

    @TempDir
    Path dir;

    private static List<RunResult> results(Path out) throws Exception {
        List<RunResult> all = new ArrayList<>();
        for (Path p : SpecFiles.runFiles(out)) {
            all.add(RunResultJson.read(Files.readString(p)));
        }
        return all;
    }

    /** The mean best return of each configuration, computed here from the stored selection runs. */
    private static Map<String, Double> meanByConfig(List<RunResult> runs) {
        Map<String, List<Double>> by = new TreeMap<>();
        for (RunResult r : runs) {
            double v = r.status() == RunStatus.OK ? r.metric("best_return") : Double.NEGATIVE_INFINITY;
            by.computeIfAbsent("lr=" + r.params().get("lr") + " d=" + r.params().asMap().getOrDefault("diverge_seed",
                    -1), k -> new ArrayList<>()).add(v);
        }
        Map<String, Double> mean = new TreeMap<>();
        by.forEach((k, v) -> mean.put(k, v.stream().mapToDouble(Double::doubleValue).sum() / v.size()));
        return mean;
    }

    @Test
    void eachTunedMethodRunsOnlyItsBestSelectionConfigurationOnTheReportingSeeds() throws Exception {
        Path spec = SpecFiles.write(dir, "tuned.yaml", SPEC);
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());

        List<RunResult> alphaSel = results(out.resolve("tuning/alpha"));
        List<RunResult> betaSel = results(out.resolve("tuning/beta"));
        assertEquals(2 * 3, alphaSel.size(), "alpha: 2 configurations x 3 selection seeds");
        assertEquals(4 * 3, betaSel.size(), "beta: its stated budget of 4 x 3 selection seeds");
        assertTrue(alphaSel.stream().allMatch(x -> x.seed() >= 100 && x.seed() <= 102));
        String alphaBest = best(meanByConfig(alphaSel));
        String betaBest = best(meanByConfig(betaSel));
        // lr 0.2 shifts returns up, but the configuration that diverged on seed 101 must lose: a diverged run is the worst value
        assertEquals("lr=0.2 d=-1", alphaBest);
        assertEquals("lr=0.2 d=-1", betaBest);

        List<RunResult> reported = results(out);
        assertEquals(3 * 4, reported.size(), "one configuration per method on the 4 reporting seeds");
        assertEquals(Set.of(0L, 1L, 2L, 3L), reported.stream().map(RunResult::seed).collect(Collectors.toSet()));
        for (RunResult x : reported) {
            if (!x.method().equals("base")) {
                assertEquals(0.2, x.params().getDouble("lr"), x.method());
            }
        }
        String report = Files.readString(out.resolve("REPORT.md"));
        assertTrue(report.contains("## Tuning"), report);
        assertTrue(report.contains("lr=0.2 is the largest value tried"), "edge warning: " + report);
        assertTrue(r.out().contains("tuning beta: chose {lr=0.2, diverge_seed=-1}"), r.out());

        TestSpark.Result again = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertEquals(3, again.out().split("nothing to run: every run is stored", -1).length - 1, again.out());
        TestSpark.Result report2 = TestSpark.main(TestSpark.SHARED, "report", out.toString());
        assertEquals(0, report2.code(), report2.out() + report2.err());
        assertTrue(Files.readString(out.resolve("REPORT.md")).contains("## Tuning"));
    }

    @Test
    void aTunedSweepWithRandomSpacesResumes() throws Exception {
        // method names whose hash is negative once drawn from: their selection spec must still read back on resume
        Path spec = SpecFiles.write(dir, "random.yaml", """
                name: tuned-random
                benchmark: fake
                seeds: 2
                methods: [alpha, beta]
                tune:
                  seeds: {from: 50, count: 2}
                  metric: error
                  statistic: median
                  budget: 3
                  seed: 13
                  space:
                    all: {lr: {log_uniform: [0.001, 0.5]}}
                """);
        Path out = dir.resolve("random");
        TestSpark.Result first = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, first.code(), first.out() + first.err());
        assertEquals(3 * 2, results(out.resolve("tuning/beta")).size());
        TestSpark.Result again = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertEquals(3, again.out().split("nothing to run: every run is stored", -1).length - 1, again.out());
    }

    private static String best(Map<String, Double> means) {
        return means.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
