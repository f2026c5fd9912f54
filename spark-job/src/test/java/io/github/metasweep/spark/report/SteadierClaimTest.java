package io.github.metasweep.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cos-sin benchmark's "gradient encoders stay flat while pooling degrades" claims on hand-made runs: each
 * configuration at noise sigma 1.5 is paired with its own counterpart at 0 (same epochs), seed by seed.
 */
class SteadierClaimTest {
    private static final Benchmark COS_SIN = Benchmarks.get("cos-sin");

    private static Config config(String method, double sigma, int epochs) {
        Map<String, Object> swept = new LinkedHashMap<>();
        swept.put("noise_sigma", sigma);
        swept.put("epochs", epochs);
        Map<String, Object> params = new LinkedHashMap<>(swept);
        params.put("lr", 0.0005);
        return new Config(method + "|" + swept, method, "full", swept.toString(), swept, params);
    }

    private static RunRecord run(Config c, long seed, double mse) {
        RunResult r = new RunResult(c.key() + seed, Double.isNaN(mse) ? RunStatus.DIVERGED : RunStatus.OK, "cos-sin",
                c.method(), c.variant(), seed, new ParamSet(Map.of()), Map.of("query_mse", mse), Map.of(), Map.of(), 1.0,
                null, Provenance.current());
        return new RunRecord(c.key(), r);
    }

    private record Sweep(List<Config> configs, RunsByConfig runs) {
    }

    private static List<ClaimCheck> checks(boolean maxDiverges) {
        Sweep sweep = sweep(maxDiverges);
        return ClaimChecks.check(COS_SIN, sweep.configs(), sweep.runs()).stream()
                .filter(c -> c.claim().kind() == PublishedClaim.Kind.STEADIER).toList();
    }

    /** linear rises by 20% (epochs 50) or 50% (epochs 100), max by 100% or 60%; seed 11's max at 1.5 diverged. */
    private static Sweep sweep(boolean maxDiverges) {
        List<Config> configs = new ArrayList<>();
        List<RunRecord> runs = new ArrayList<>();
        for (int epochs : new int[] {50, 100}) {
            for (String method : List.of("linear", "max")) {
                Config clean = config(method, 0.0, epochs);
                Config noisy = config(method, 1.5, epochs);
                configs.add(clean);
                configs.add(noisy);
                double rise = method.equals("linear") ? (epochs == 50 ? 1.2 : 1.5) : (epochs == 50 ? 2.0 : 1.6);
                for (int s = 0; s < 12; s++) {
                    double base = (method.equals("linear") ? 0.4 : 0.5) + 0.01 * s;
                    runs.add(run(clean, s, base));
                    runs.add(run(noisy, s, maxDiverges && method.equals("max") && s == 11 ? Double.NaN : base * rise));
                }
            }
        }
        return new Sweep(configs, new RunsByConfig(configs, runs));
    }

    /** The mean over seeds of max's rise minus linear's, each rising by the given share of its clean value. */
    private static double meanDifference(double maxShare, double linearShare) {
        double sum = 0;
        for (int s = 0; s < 12; s++) {
            sum += maxShare * (0.5 + 0.01 * s) - linearShare * (0.4 + 0.01 * s);
        }
        return sum / 12;
    }

    @Test
    void eachNoisyConfigurationIsMeasuredFromItsOwnCleanOne() {
        List<ClaimCheck> steadier = checks(false);
        // only linear and max ran: one check per epochs value, for linear against max
        assertEquals(2, steadier.size());
        ClaimCheck fifty = steadier.stream().filter(c -> c.context().contains("epochs=50")).findFirst().orElseThrow();
        ClaimCheck hundred = steadier.stream().filter(c -> c.context().contains("epochs=100")).findFirst().orElseThrow();
        assertEquals("linear", fifty.claim().subject().method());
        assertEquals("max", fifty.claim().reference().method());
        assertEquals(meanDifference(1.0, 0.2), fifty.estimate(), 1e-12);
        assertEquals(ClaimVerdict.REPRODUCED, fifty.verdict());
        assertEquals(meanDifference(0.6, 0.5), hundred.estimate(), 1e-12);
        assertEquals(12, hundred.n());
        assertEquals(0, hundred.excluded());
    }

    @Test
    void theReportStatesTheClaimAndHowItIsJudged() {
        io.github.metasweep.spark.spec.SweepSpec spec = io.github.metasweep.spark.spec.SpecParser.parse("t.yaml", """
                name: t
                benchmark: cos-sin
                seeds: 12
                methods: [linear, max]
                grid:
                  noise_sigma: [0.0, 1.5]
                  epochs: [50, 100]
                """);
        Sweep sweep = sweep(false);
        String md = new ReportPage(spec, COS_SIN, sweep.configs(), sweep.runs(), new io.github.metasweep.spark.store
                .StoredRuns(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), Map.of(), List.of())).build()
                .markdown();
        String row = md.lines().filter(l -> l.startsWith("| linear {noise_sigma=1.5, epochs=50} vs max")
                && l.contains("rises less than max pooling's")).findFirst()
                .orElseThrow();
        assertEquals(true, row.contains("| steadier | 0.464 [") && row.contains("| 12 (0) | **reproduced** |"), row);
        assertEquals(true, md.contains("worsens less from one setting to another"), md);
        assertEquals(true, md.contains("per seed, the reference's worsening minus the subject's (each from its value"
                + " at {noise_sigma=0.0}) is 0.464 on average"), md);
    }

    @Test
    void aDivergedRunLeavesItsSeedOut() {
        ClaimCheck fifty = checks(true).stream().filter(c -> c.context().contains("epochs=50")).findFirst()
                .orElseThrow();
        assertEquals(11, fifty.n());
        assertEquals(1, fifty.excluded());
    }

    @Test
    void aConfigurationWithoutItsCleanCounterpartHasNone() {
        Config noisy = config("linear", 1.5, 50);
        List<Config> configs = List.of(noisy, config("linear", 0.0, 100), config("max", 0.0, 50));
        assertNull(ClaimChecks.counterpart(configs, noisy, Map.of("noise_sigma", 0.0)));
        assertEquals(configs.get(1), ClaimChecks.counterpart(configs, config("linear", 1.5, 100),
                Map.of("noise_sigma", 0.0)));
    }

    @Test
    void aSteadierClaimNeedsTheSettingItIsMeasuredFrom() {
        PublishedClaim.Side a = new PublishedClaim.Side("linear", "full", "query_mse");
        PublishedClaim.Side b = new PublishedClaim.Side("max", "full", "query_mse");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PublishedClaim.steadier(
                "t", "s", a, b, Map.of(), Map.of("noise_sigma", 1.5), "no setting to measure from"));
    }
}
