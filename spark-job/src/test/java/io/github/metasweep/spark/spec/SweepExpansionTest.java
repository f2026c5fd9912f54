package io.github.metasweep.spark.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.RunSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SweepExpansionTest {
    private static final String FULL = """
            name: expand
            benchmark: pendulum-transfer
            seeds: {from: 10, count: 3}
            methods: [nb-pro, finetune, zero]
            variants:
              nb-pro: [full, no-k-target]
            grid:
              target: [self, expert]
              pairing: [reference, aligned]
            random:
              n: 4
              seed: 3
              k_lr: {log_uniform: [0.0001, 0.05]}
            baseline: [zero]
            """;

    private static Set<String> accepted(Benchmark b, String method) {
        return b.params(method).stream().map(ParamDef::name).collect(Collectors.toSet());
    }

    @Test
    void countsFollowSeedsTimesMethodsTimesVariantsTimesGridTimesRandom() {
        SweepSpec spec = SpecParser.parse("expand.yaml", FULL);
        List<PlannedRun> runs = SweepExpansion.expand(spec);
        Benchmark b = Benchmarks.get("pendulum-transfer");
        int expected = 0;
        for (String m : spec.methods()) {
            Set<String> acc = accepted(b, m);
            int perVariant = 1;
            for (Map.Entry<String, List<Object>> g : spec.grid().entrySet()) {
                perVariant *= acc.contains(g.getKey()) ? g.getValue().size() : 1;
            }
            perVariant *= acc.contains("k_lr") ? spec.random().n() : 1;
            expected += spec.variants().get(m).size() * perVariant;
        }
        expected *= spec.seeds().size();
        assertEquals(List.of(10L, 11L, 12L), spec.seeds());
        assertEquals(expected, runs.size());
        assertEquals(runs.size(), runs.stream().map(PlannedRun::id).distinct().count(), "ids are unique");
        for (PlannedRun r : runs) {
            RunSpec again = RunSpec.resolve("pendulum-transfer", r.spec().method(), r.spec().variant(), r.swept(),
                    r.spec().seed());
            assertEquals(again.id(), r.id(), "the id is the model's id of (method, variant, swept values, seed)");
            assertTrue(r.id().startsWith(r.spec().method() + "-" + r.spec().variant() + "-s" + r.spec().seed() + "-"));
        }
    }

    @Test
    void randomDrawsAreDeterministicInRangeAndSharedByMethods() {
        List<PlannedRun> a = SweepExpansion.expand(SpecParser.parse("a.yaml", FULL));
        List<PlannedRun> b = SweepExpansion.expand(SpecParser.parse("b.yaml", FULL));
        assertEquals(a.stream().map(PlannedRun::id).toList(), b.stream().map(PlannedRun::id).toList(),
                "the same spec expands to the same runs in the same order");
        Set<Object> klr = a.stream().filter(r -> r.swept().containsKey("k_lr")).map(r -> r.swept().get("k_lr"))
                .collect(Collectors.toSet());
        assertEquals(4, klr.size());
        for (Object v : klr) {
            double d = (Double) v;
            assertTrue(d >= 0.0001 && d <= 0.05, "draw " + d);
        }
        assertTrue(a.stream().filter(r -> r.spec().method().equals("finetune")).noneMatch(r -> r.swept().containsKey("k_lr")),
                "finetune does not take k_lr");
        SweepSpec other = SpecParser.parse("c.yaml", FULL.replace("seed: 3", "seed: 4"));
        Set<Object> otherKlr = SweepExpansion.expand(other).stream().filter(r -> r.swept().containsKey("k_lr"))
                .map(r -> r.swept().get("k_lr")).collect(Collectors.toSet());
        assertNotEquals(klr, otherKlr, "another random seed draws other values");
        SweepSpec two = SpecParser.parse("d.yaml", FULL.replace("methods: [nb-pro, finetune, zero]",
                "methods: [nb, nb-pro]").replace("variants:\n  nb-pro: [full, no-k-target]\n", "").replace("baseline: [zero]", "baseline: [nb]"));
        Map<String, Set<Object>> perMethod = new LinkedHashMap<>();
        for (PlannedRun r : SweepExpansion.expand(two)) {
            perMethod.computeIfAbsent(r.spec().method(), k -> new HashSet<>()).add(r.swept().get("k_lr"));
        }
        assertEquals(perMethod.get("nb"), perMethod.get("nb-pro"), "every method sees the same random points");
    }

    @Test
    void aVariantsFixedValueWinsOverTheGrid() {
        SweepSpec spec = SpecParser.parse("v.yaml", """
                name: v
                benchmark: pendulum-transfer
                seeds: 1
                methods: [nb-pro]
                variants: {nb-pro: [full, no-grad-clip]}
                grid: {grad_clip: [true, false]}
                """);
        List<PlannedRun> runs = SweepExpansion.expand(spec);
        assertEquals(2, runs.stream().filter(r -> r.spec().variant().equals("full")).count());
        List<PlannedRun> fixed = runs.stream().filter(r -> r.spec().variant().equals("no-grad-clip")).toList();
        assertEquals(1, fixed.size());
        assertEquals(false, fixed.get(0).spec().params().getBool("grad_clip"));
    }

    @Test
    void seedFormsAndParamsApplyToMethodsThatTakeThem() {
        String base = """
                name: s
                benchmark: pendulum-transfer
                seeds: SEEDS
                methods: [zero, nb]
                params: {steps: 50, k_lr: 0.01}
                """;
        assertEquals(List.of(0L, 1L, 2L), SpecParser.parse("s", base.replace("SEEDS", "3")).seeds());
        assertEquals(List.of(5L, 1L), SpecParser.parse("s", base.replace("SEEDS", "[5, 1]")).seeds());
        assertEquals(List.of(4L, 5L), SpecParser.parse("s", base.replace("SEEDS", "{from: 4, count: 2}")).seeds());
        for (PlannedRun r : SweepExpansion.expand(SpecParser.parse("s", base.replace("SEEDS", "2")))) {
            assertEquals(50, r.spec().params().getInt("steps"));
            assertEquals(r.spec().method().equals("nb"), r.spec().params().asMap().containsKey("k_lr"));
        }
    }

    @Test
    void theSpecRecordRoundTripsWithTheSameFingerprint() {
        SweepSpec spec = SpecParser.parse("expand.yaml", FULL);
        String yaml = new SpecRecord(spec.fingerprint(), spec, Map.of("started", "now")).toYaml("expand.yaml", 1);
        SpecRecord back = SpecRecord.parse("spec.yaml", yaml);
        assertEquals(spec.fingerprint(), back.fingerprint());
        assertEquals(spec.fingerprint(), back.spec().fingerprint());
        assertEquals(SweepExpansion.expand(spec).stream().map(PlannedRun::id).toList(),
                SweepExpansion.expand(back.spec()).stream().map(PlannedRun::id).toList());
        assertNotEquals(spec.fingerprint(), SpecParser.parse("x", FULL.replace("count: 3", "count: 4")).fingerprint());
    }

    /** The count from the axes equals the expansion for every sweep in the repository (no random collisions there). */
    @Test
    void theCountFromTheAxesEqualsTheExpansion() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("..", "sweeps"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                if (SuiteFile.parts(f).isPresent()) {
                    continue;
                }
                SweepSpec spec = SpecParser.parseFile(f);
                assertEquals(SweepExpansion.expand(spec).size(), SweepExpansion.count(spec), f.toString());
            }
        }
    }

    /** A million-seed spec is refused from its count, before anything is expanded (it used to run out of memory). */
    @Test
    void aSpecAboveTheLimitIsRefusedByItsCountAndMaxRunsRaisesTheLimit() {
        String huge = """
                name: huge
                benchmark: pendulum-transfer
                seeds: 1000000
                methods: [maml, fomaml, nb, nb-pro, finetune, zero, frozen-init, expert]
                variants:
                  nb-pro: [full, no-k-target, no-grad-clip, no-hierarchical]
                """;
        InvalidSweepSpecException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSweepSpecException.class,
                () -> SpecParser.parse("huge.yaml", huge));
        assertTrue(e.getMessage().contains("max_runs: the spec expands to 11000000 runs, more than 1000000 (the default "
                + "limit)"), e.getMessage());
        assertTrue(e.getMessage().contains("max_runs: 11000000"), e.getMessage());
        SweepSpec raised = SpecParser.parse("huge.yaml", huge + "max_runs: 11000000\n");
        assertEquals(11_000_000L, SweepExpansion.count(raised));
    }
}
