package io.github.metasweep.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The maze's reward is 0 when the goal is reached, so its comparisons are differences: a claim against a method
 * that solves every maze is judged on every seed instead of none (a % of 0 is undefined).
 */
class MazeClaimTest {
    private static final Benchmark MAZE = Benchmarks.get("maze");

    private static Config config(String method) {
        Map<String, Object> swept = Map.of("maze_width", 12);
        return new Config(method + "|12", method, "full", swept.toString(), swept, swept);
    }

    private static ClaimCheck linearAgainst(String other, List<Config> configs, RunsByConfig runs) {
        return ClaimChecks.check(MAZE, configs, runs).stream()
                .filter(c -> c.claim().kind() == PublishedClaim.Kind.BETTER
                        && c.claim().reference().method().equals(other)).findFirst().orElseThrow();
    }

    @Test
    void linearAgainstASolvingMethodIsJudgedOnEverySeedInRewardUnits() {
        Config linear = config("linear");
        Config kernel = config("deep-kernel");
        Config max = config("max");
        List<Config> configs = List.of(linear, kernel, max);
        List<RunRecord> records = new ArrayList<>();
        double sum = 0;
        for (int s = 0; s < 12; s++) {
            double own = -0.4 - 0.01 * s;
            sum += own - (-0.6);
            records.add(run(linear, s, own));
            records.add(run(kernel, s, 0.0));
            records.add(run(max, s, s == 3 ? Double.NaN : -0.6));
        }
        RunsByConfig runs = new RunsByConfig(configs, records);
        ClaimCheck vsKernel = linearAgainst("deep-kernel", configs, runs);
        assertEquals(12, vsKernel.n());
        assertEquals(0, vsKernel.excluded());
        assertEquals(-0.455, vsKernel.estimate(), 1e-12, "the mean of -0.4 ... -0.51 against 0");
        assertEquals(ClaimVerdict.NOT_REPRODUCED, vsKernel.verdict());
        ClaimCheck vsMax = linearAgainst("max", configs, runs);
        assertEquals(11, vsMax.n(), "the seed whose max run diverged is left out");
        assertEquals(1, vsMax.excluded());
        assertEquals((sum - (-0.43 + 0.6)) / 11, vsMax.estimate(), 1e-12);
        assertEquals(ClaimVerdict.REPRODUCED, vsMax.verdict());
    }

    @Test
    void theReportSaysWhichMetricIsComparedByDifferenceAndWhySeedsAreLeftOut() {
        io.github.metasweep.spark.spec.SweepSpec spec = io.github.metasweep.spark.spec.SpecParser.parse("t.yaml", """
                name: t
                benchmark: maze
                seeds: 12
                methods: [linear, deep-kernel]
                grid:
                  maze_width: [12]
                baseline: [linear]
                """);
        Config linear = config("linear");
        Config kernel = config("deep-kernel");
        List<RunRecord> records = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            records.add(run(linear, s, s == 3 ? Double.NaN : -0.5));
            records.add(run(kernel, s, 0.0));
        }
        String md = new ReportPage(spec, MAZE, List.of(linear, kernel), new RunsByConfig(List.of(linear, kernel),
                records), new io.github.metasweep.spark.store.StoredRuns(java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of(), Map.of(), List.of())).build().markdown();
        assertTrue(md.contains("Except for final_reward, compared as a difference in its own units"), md);
        assertTrue(md.contains("### final_reward (higher is better, improvement in share of the start distance)"), md);
        assertTrue(md.contains("our mean improvement is -0.5 share of the start distance, 95% CI"), md);
        assertTrue(md.contains("from 11 seeds (1 left out: a run diverged)."), "a difference is never undefined: " + md);
        assertTrue(md.contains("positive when better: " + io.github.metasweep.model.core.MetricDef.PERCENT_FORMULA), md);
    }

    private static RunRecord run(Config c, long seed, double reward) {
        RunResult r = new RunResult(c.key() + seed, Double.isNaN(reward) ? RunStatus.DIVERGED : RunStatus.OK, "maze",
                c.method(), c.variant(), seed, new ParamSet(Map.of()), Map.of("final_reward", reward), Map.of(),
                Map.of(), 1.0, null, Provenance.current());
        return new RunRecord(c.key(), r);
    }
}
