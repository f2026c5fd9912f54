package io.github.metasweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed specs: each gets its own message naming the file, key path, what was found and accepted; exit 2; nothing written or started. */
class SpecValidationTest {
    private static final String VALID = """
            name: valid
            benchmark: pendulum-transfer
            seeds: 2
            methods: [nb, nb-pro, zero]
            variants:
              nb-pro: [full, no-k-target]
            grid:
              k_lr: [0.005, 0.01]
            baseline: [zero]
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("broken YAML", "name: x\nmethods: [nb, nb-pro\nseeds: 2\n", List.of("not valid YAML", ".yaml:")),
                Arguments.of("unknown method", VALID.replace("[nb, nb-pro, zero]", "[nb, mamll, zero]"),
                        List.of(":4: methods[1]: unknown method 'mamll'", "accepted: maml, fomaml, nb, nb-pro")),
                Arguments.of("unknown variant", VALID.replace("[full, no-k-target]", "[full, no-such]"),
                        List.of(":6: variants.nb-pro[1]: unknown variant 'no-such' of nb-pro", "no-k-target")),
                Arguments.of("unknown key", VALID.replace("seeds: 2", "seeds: 2\nrepeats: 3"),
                        List.of("repeats: unknown key; accepted: name, description, benchmark, seeds")),
                Arguments.of("seeds of the wrong type", VALID.replace("seeds: 2", "seeds: five"),
                        List.of("seeds: found 'five'; accepted: a count N from 1 to 1000000")),
                Arguments.of("too many seeds", VALID.replace("seeds: 2", "seeds: 10000000"),
                        List.of("seeds: found '10000000'; accepted: a count N from 1 to 1000000")),
                Arguments.of("empty baseline", VALID.replace("baseline: [zero]", "baseline: []"),
                        List.of("baseline: found an empty list; accepted: at least one listed method")),
                Arguments.of("a name too long", VALID.replace("name: ", "name: " + "x".repeat(250) + "-"),
                        List.of("accepted: 1 to 100 letters, digits, '.', '_' and '-', starting with a letter or digit")),
                Arguments.of("empty seeds", VALID.replace("seeds: 2", "seeds: []"), List.of("seeds: found an empty list")),
                Arguments.of("zero seeds", VALID.replace("seeds: 2", "seeds: 0"), List.of("seeds: found '0'")),
                Arguments.of("duplicate seeds", VALID.replace("seeds: 2", "seeds: [3, 1, 3]"),
                        List.of("seeds[2]: seed 3 is listed twice (first as seeds[0])")),
                Arguments.of("baseline not among the methods", VALID.replace("baseline: [zero]", "baseline: [maml]"),
                        List.of("baseline[0]: baseline 'maml' is not in methods; accepted: nb, nb-pro, zero")),
                Arguments.of("grid over an unknown hyper-parameter", VALID.replace("k_lr: [", "k_lrr: ["),
                        List.of("grid.k_lrr: no listed method accepts hyper-parameter 'k_lrr'; accepted: ")),
                Arguments.of("grid over a hyper-parameter no listed method takes",
                        VALID.replace("[nb, nb-pro, zero]", "[zero]").replace("variants:\n  nb-pro: [full, no-k-target]\n", ""),
                        List.of("grid.k_lr: no listed method accepts hyper-parameter 'k_lr' (only nb, nb-pro, not in methods)")),
                Arguments.of("grid value of the wrong type", VALID.replace("[0.005, 0.01]", "[0.005, fast]"),
                        List.of("grid.k_lr[1]: found 'fast'; accepted: a number > 0")),
                Arguments.of("duplicate grid value", VALID.replace("[0.005, 0.01]", "[0.005, 0.005]"),
                        List.of("grid.k_lr[1]: value 0.005 is listed twice")),
                Arguments.of("duplicate method", VALID.replace("[nb, nb-pro, zero]", "[nb, nb-pro, nb, zero]"),
                        List.of("methods[2]: 'nb' is listed twice (first as methods[0])")),
                Arguments.of("duplicate key", VALID + "name: again\n", List.of("name: duplicate key (first at line 1)")),
                Arguments.of("unknown benchmark", VALID.replace("benchmark: pendulum-transfer", "benchmark: pendulum"),
                        List.of("benchmark: unknown benchmark 'pendulum'; accepted: one of ", "pendulum-transfer")),
                Arguments.of("params value out of range", VALID + "params: {steps: -5}\n",
                        List.of("params.steps: found '-5'; accepted: an integer from 1 to 1000000")),
                Arguments.of("name that cannot be a folder", VALID.replace("name: valid", "name: my sweep"),
                        List.of("name: found 'my sweep'; accepted: 1 to 100 letters, digits")),
                Arguments.of("variants of a method that is not listed", VALID.replace("nb-pro: [full", "finetune: [full"),
                        List.of("variants.finetune: method 'finetune' is not in methods")),
                Arguments.of("unknown distribution", VALID.replace("grid:\n  k_lr: [0.005, 0.01]\n", "") + "random: {n: 2, k_lr: {normal: [0, 1]}}\n",
                        List.of("random.k_lr: found keys [normal]; accepted: one of {uniform: [lo, hi]}")),
                Arguments.of("log-uniform from zero", VALID.replace("grid:\n  k_lr: [0.005, 0.01]\n", "")
                        + "random: {n: 2, k_lr: {log_uniform: [0, 0.1]}}\n",
                        List.of("random.k_lr.log_uniform: found [0.0, 0.1]; accepted: lo < hi and lo > 0")),
                Arguments.of("a key both fixed and swept", VALID + "params: {k_lr: 0.01}\n",
                        List.of("grid.k_lr: k_lr is also set in params; keep one of the two")),
                Arguments.of("a key both in the grid and drawn", VALID + "random: {n: 2, k_lr: {uniform: [0.001, 0.01]}}\n",
                        List.of(":10: random.k_lr: k_lr is also set in params or grid; keep one")),
                Arguments.of("selection seeds that overlap the reporting seeds", VALID.replace("grid:\n  k_lr: [0.005, 0.01]\n", "")
                        + "tune: {seeds: {from: 1, count: 3}, metric: best_return, space: {nb: {k_lr: [0.005, 0.01]}}}\n",
                        List.of("tune.seeds: selection seeds overlap the reporting seeds (e.g. [1])")),
                Arguments.of("a tuning metric the benchmark does not declare", VALID.replace("grid:\n  k_lr: [0.005, 0.01]\n", "")
                        + "tune: {seeds: {from: 100, count: 3}, metric: best, space: {nb: {k_lr: [0.005, 0.01]}}}\n",
                        List.of("tune.metric: 'best' is not a metric of pendulum-transfer; accepted: best_return")),
                Arguments.of("unequal tuning budgets", VALID.replace("grid:\n  k_lr: [0.005, 0.01]\n", "")
                        + "tune: {seeds: {from: 100, count: 3}, metric: best_return, space: {nb: {k_lr: [0.005, 0.01]},"
                        + " nb-pro: {k_lr: [0.005, 0.01, 0.02]}}}\n",
                        List.of("tune.budget: the tuned methods get unequal budgets {nb=2, nb-pro=3}", "budgets: {method: N}")),
                Arguments.of("a random space without a budget", VALID.replace("grid:\n  k_lr: [0.005, 0.01]\n", "")
                        + "tune: {seeds: {from: 100, count: 3}, metric: best_return, space: {nb: {k_lr: {log_uniform: [0.001, 0.1]}}}}\n",
                        List.of("tune.budget: nb has a random search space but no budget")),
                Arguments.of("tuning a hyper-parameter the method lacks", VALID.replace("grid:\n  k_lr: [0.005, 0.01]\n", "")
                        + "tune: {seeds: {from: 100, count: 3}, metric: best_return, space: {zero: {k_lr: [0.005, 0.01]}}}\n",
                        List.of("tune.space.zero.k_lr: zero has no tunable hyper-parameter 'k_lr'")),
                Arguments.of("tune with a grid", VALID
                        + "tune: {seeds: {from: 100, count: 3}, metric: best_return, space: {nb: {lr: [0.005, 0.01]}}}\n",
                        List.of("tune: tune and grid cannot be combined")),
                Arguments.of("an unknown key of tune", VALID.replace("grid:\n  k_lr: [0.005, 0.01]\n", "")
                        + "tune: {seeds: {from: 100, count: 3}, metric: best_return, trials: 4, space: {nb: {lr: [0.005, 0.01]}}}\n",
                        List.of("tune.trials: unknown key of tune; accepted: seeds, metric, statistic, budget")),
                Arguments.of("seeds until decided with min above max", VALID.replace("seeds: 2",
                        "seeds: {min: 20, max: 10, batch: 5, until: decided}"),
                        List.of("seeds.min: found min 20 > max 10; accepted: min <= max")),
                Arguments.of("seeds until something else", VALID.replace("seeds: 2",
                        "seeds: {min: 10, max: 20, batch: 5, until: tired}"),
                        List.of("seeds.until: found 'tired'; accepted: decided")),
                Arguments.of("seeds until decided without its batch", VALID.replace("seeds: 2",
                        "seeds: {min: 10, max: 20, until: decided}"),
                        List.of("seeds.batch: missing; seeds until decided needs min, max, batch and until: decided")),
                Arguments.of("seeds until decided without a baseline", VALID.replace("seeds: 2",
                        "seeds: {min: 10, max: 20, batch: 5, until: decided}").replace("baseline: [zero]\n", ""),
                        List.of("seeds.until: seeds until decided needs comparisons; accepted: a baseline:")),
                Arguments.of("a list where a mapping belongs", "- name: x\n", List.of("found a list; accepted: a mapping")),
                Arguments.of("an empty file", "", List.of("the file is empty")),
                Arguments.of("missing keys", "description: nothing else\n",
                        List.of("name: missing", "benchmark: missing", "methods: missing", "seeds: missing")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedSpecStopsWithItsOwnMessageAndExitCode2(String what, String yaml, List<String> fragments)
            throws IOException {
        Path spec = SpecFiles.write(dir, "bad.yaml", yaml);
        Path out = dir.resolve("out");
        TestSpark.Result sweep = TestSpark.main(TestSpark.FORBIDDEN, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(2, sweep.code(), what + ": " + sweep.err());
        for (String f : fragments) {
            assertTrue(sweep.err().contains(f), what + ": expected '" + f + "' in:\n" + sweep.err());
        }
        assertTrue(sweep.err().startsWith(spec.toString()), "the message names the file: " + sweep.err());
        assertFalse(Files.exists(out), "nothing is written");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(spec), files.toList());
        }
        TestSpark.Result validate = TestSpark.main(TestSpark.FORBIDDEN, "validate", spec.toString());
        assertEquals(2, validate.code());
        assertEquals(sweep.err(), validate.err());
    }

    @Test
    void everyErrorIsReportedTogether() {
        Path spec = SpecFiles.write(dir, "bad.yaml", VALID.replace("seeds: 2", "seeds: []")
                .replace("[nb, nb-pro, zero]", "[nb, nb-pro, zero, reptile]").replace("k_lr: [", "k_lrr: [") + "colour: red\n");
        TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", spec.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("4 errors, nothing was started"), r.err());
        assertEquals(5, r.err().strip().lines().count(), r.err());
    }

    @Test
    void badCommandLinesExitWith2() {
        Path spec = SpecFiles.write(dir, "ok.yaml", VALID);
        assertEquals(2, TestSpark.main(TestSpark.FORBIDDEN, "sweep", spec.toString(), "--outt", "x").code());
        assertEquals(2, TestSpark.main(TestSpark.FORBIDDEN, "sweep").code());
        assertEquals(2, TestSpark.main(TestSpark.FORBIDDEN, "sweep", dir.resolve("missing.yaml").toString()).code());
        assertEquals(2, TestSpark.main(TestSpark.FORBIDDEN, "frobnicate").code());
        assertEquals(2, TestSpark.main(TestSpark.FORBIDDEN, "report", dir.toString()).code(), "no spec.yaml there");
        assertEquals(0, TestSpark.main(TestSpark.FORBIDDEN, "validate", spec.toString()).code());
    }

    @Test
    void everySweepInTheRepositoryIsValid() throws IOException {
        try (Stream<Path> specs = Files.list(Path.of("..", "sweeps"))) {
            List<Path> all = specs.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertFalse(all.isEmpty());
            for (Path p : all) {
                TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "validate", p.toString());
                assertEquals(0, r.code(), p + ": " + r.err());
            }
        }
    }
}
