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
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.store.StoredRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Table 4's published values come from other physics: the report shows each beside our estimate and says why it
 * gives no verdict, while the paper's rankings are still judged.
 */
class ShownValueTest {
    private static final Benchmark DOUBLE_PENDULUM = Benchmarks.get("double-pendulum");

    private static Config config(String method, double sigma) {
        Map<String, Object> swept = Map.of("noise_sigma", sigma);
        return new Config(method + "|" + sigma, method, "full", swept.toString(), swept, swept);
    }

    @Test
    void aPublishedValueFromOtherPhysicsIsShownWithOurEstimateAndNoVerdict() {
        Config linear = config("linear", 3.0);
        Config max = config("max", 3.0);
        List<Config> configs = List.of(linear, max);
        List<RunRecord> records = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            records.add(run(linear, s, 0.02 + 0.001 * s));
            records.add(run(max, s, 0.03 + 0.001 * s));
        }
        List<ClaimCheck> checks = ClaimChecks.check(DOUBLE_PENDULUM, configs, new RunsByConfig(configs, records));
        ClaimCheck shown = checks.stream().filter(c -> c.claim().kind() == PublishedClaim.Kind.VALUE
                && c.claim().subject().method().equals("linear")).findFirst().orElseThrow();
        assertEquals(0.41, shown.claim().value(), 0.0, "the paper's linear encoder at sigma 3");
        assertEquals(0.0255, shown.estimate(), 1e-12, "the mean of 0.020 ... 0.031");
        assertEquals(ClaimVerdict.NOT_COMPARABLE, shown.verdict());
        assertEquals("not comparable (protocol differs: MuJoCo's cart-poles vs this project's physics)",
                shown.verdictLabel());
        ClaimCheck ranking = checks.stream().filter(c -> c.claim().kind() == PublishedClaim.Kind.BETTER
                && c.claim().reference().method().equals("max")).findFirst().orElseThrow();
        assertEquals(ClaimVerdict.REPRODUCED, ranking.verdict(), "linear is lower on every seed");

        SweepSpec spec = SpecParser.parse("t.yaml", """
                name: t
                benchmark: double-pendulum
                seeds: 12
                methods: [linear, max]
                grid:
                  noise_sigma: [3.0]
                baseline: [linear]
                """);
        String md = new ReportPage(spec, DOUBLE_PENDULUM, configs, new RunsByConfig(configs, records),
                new StoredRuns(Set.of(), Set.of(), Set.of(), Map.of(), List.of())).build().markdown();
        assertTrue(md.contains("linear: query MSE 0.41 (sd 0.05) at noise sigma 3.0"), md);
        assertTrue(md.contains("**not comparable (protocol differs: MuJoCo's cart-poles vs this project's physics)** | - |"),
                md);
        assertTrue(!md.contains("- **not comparable"), "no sentence repeats an unjudged value: " + md);
        assertTrue(md.contains("- **reproduced**"), "the judged ranking keeps its sentence: " + md);
    }

    @Test
    void everyPublishedCellIsShownAndNoneIsJudged() {
        List<PublishedClaim> values = DOUBLE_PENDULUM.claims().stream()
                .filter(c -> c.kind() == PublishedClaim.Kind.VALUE).toList();
        assertEquals(36, values.size(), "7 encoders x 5 noise levels and the predict-the-current-state reference");
        assertTrue(values.stream().allMatch(c -> !c.incomparable().isEmpty()));
        PublishedClaim reference = values.stream().filter(c -> c.subject().method().equals("predict-current-state"))
                .findFirst().orElseThrow();
        assertEquals(3.23, reference.value(), 0.0);
        assertTrue(reference.where().isEmpty(), "the reference holds at every noise level");
    }

    private static RunRecord run(Config c, long seed, double mse) {
        RunResult r = new RunResult(c.key() + seed, RunStatus.OK, "double-pendulum", c.method(), c.variant(), seed,
                new ParamSet(Map.of()), Map.of("query_mse", mse), Map.of(), Map.of(), 1.0, null, Provenance.current());
        return new RunRecord(c.key(), r);
    }
}
