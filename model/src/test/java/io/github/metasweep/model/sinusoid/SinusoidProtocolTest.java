package io.github.metasweep.model.sinusoid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.cli.RunOneCommand;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.model.core.Trace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sinusoid protocol end to end: controls, determinism, common random numbers, bad input. */
class SinusoidProtocolTest {
    /** The short protocol of sweeps/sinusoid-short.yaml. */
    static final Map<String, Object> SHORT = Map.of("meta_iterations", 300, "eval_tasks", 50);
    static final List<String> LEARNERS = List.of("maml", "fomaml", "reptile", "meta-sgd", "cavia", "pretrained",
            "scratch", "zero");

    static List<String> methods() {
        return SinusoidRegression.METHODS;
    }

    static RunResult run(String method, Map<String, Object> params, long seed) {
        return Benchmarks.get("sinusoid").run(RunSpec.resolve("sinusoid", method, "full", params, seed),
                RunListener.SILENT);
    }

    @Test
    void theShortProtocolIsTheOneOfTheShortSweep() throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../sweeps/sinusoid-short.yaml"));
        SHORT.forEach((k, v) -> assertTrue(lines.stream().anyMatch(l -> l.strip().startsWith(k + ": " + v)),
                "sweeps/sinusoid-short.yaml sets " + k + ": " + v));
    }

    @Test
    void zeroControlMatchesTheClosedForm() {
        assertEquals(4.2517, SinusoidTask.ZERO_MSE, 1e-4);
        int tasks = 40_000;
        RunResult r = run("zero", Map.of("eval_tasks", tasks, "meta_iterations", 1), 0);
        // per-task MSE of predicting 0 is A^2 * mean(sin^2): standard deviation about 3.7, so the
        // standard error over 40000 tasks is about 0.019; allow 4 of them
        for (String m : List.of("mse_step0", "mse_step1", "mse_step5", "mse_step10")) {
            assertEquals(SinusoidTask.ZERO_MSE, r.metric(m), 0.075, m);
        }
        // predicting 0 has no units to lose: every dropout fraction gives the same MSE
        for (String m : List.of("mse_step10_drop10", "mse_step10_drop30", "mse_step10_drop50")) {
            assertEquals(r.metric("mse_step10"), r.metric(m), 1e-12, m);
        }
    }

    @Test
    void oracleBeatsEveryLearnerOnTheShortProtocol() {
        // the oracle trains ten times longer: at 300 iterations Meta-SGD's one learnt step already beats it
        Map<String, Object> longer = new HashMap<>(SHORT);
        longer.put("meta_iterations", 3000);
        RunResult oracle = run("oracle", longer, 1);
        assertEquals(RunStatus.OK, oracle.status(), oracle.message());
        Map<String, Double> seen = new LinkedHashMap<>();
        for (String m : LEARNERS) {
            RunResult r = run(m, SHORT, 1);
            seen.put(m, r.metric("mse_step10"));
            if (r.status() == RunStatus.DIVERGED) {
                continue; // a diverged learner is beaten by definition
            }
            for (String metric : List.of("mse_step1", "mse_step10")) {
                assertTrue(oracle.metric(metric) < r.metric(metric), "oracle " + metric + " " + oracle.metric(metric)
                        + " vs " + m + " " + r.metric(metric));
            }
        }
        System.out.println("short protocol, seed 1, mse_step10: oracle " + oracle.metric("mse_step10") + ", " + seen);
    }

    static String withoutSeconds(RunResult r) {
        return RunResultJson.write(new RunResult(r.id(), r.status(), r.benchmark(), r.method(), r.variant(), r.seed(),
                r.params(), r.metrics(), r.curves(), r.traces(), 0.0, r.message(), r.provenance()));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void rerunsAreBitIdenticalButForSeconds(String method) {
        Map<String, Object> p = Map.of("meta_iterations", 60, "eval_tasks", 20);
        RunResult a = run(method, p, 7);
        RunResult b = run(method, p, 7);
        assertEquals(withoutSeconds(a), withoutSeconds(b));
        assertFalse(withoutSeconds(a).equals(withoutSeconds(run(method, p, 8))), "another seed, another result");
    }

    @Test
    void everyMethodOfASeedSeesTheSameEvaluationTasks() {
        Map<String, Object> p = Map.of("meta_iterations", 20, "eval_tasks", 5);
        Map<String, double[]> reference = new HashMap<>();
        for (String m : methods()) {
            RunResult r = run(m, p, 11);
            for (int t = 1; t <= SinusoidRegression.EXAMPLE_TASKS; t++) {
                Trace trace = r.traces().get("task-" + t);
                for (Trace.Series s : trace.series()) {
                    if (!s.shared()) {
                        continue;
                    }
                    String key = t + "/" + s.name();
                    double[] xy = concat(s.x(), s.y());
                    double[] seen = reference.putIfAbsent(key, xy);
                    if (seen != null) {
                        assertArrayEquals(seen, xy, 0.0, m + " " + key);
                    }
                }
            }
        }
        assertEquals(2 * SinusoidRegression.EXAMPLE_TASKS, reference.size());
        assertEquals(10, reference.get("1/support").length / 2, "K support points");
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void aDivergedRunIsAResultNotAnException() {
        RunResult r = run("maml", Map.of("meta_iterations", 300, "eval_tasks", 5, "inner_lr", 10.0, "outer_lr", 1.0), 0);
        assertEquals(RunStatus.DIVERGED, r.status());
        assertTrue(r.message() != null && !r.message().isBlank());
        r.metrics().values().forEach(v -> assertTrue(Double.isNaN(v)));
    }

    @Test
    void metaSgdAdaptsForTheStepsItWasTrainedForUnlessToldAll() {
        Map<String, Object> p = new HashMap<>(Map.of("meta_iterations", 200, "eval_tasks", 5, "inner_steps", 2));
        RunResult trained = run("meta-sgd", p, 0);
        double[] byStep = trained.curves().get("mse_by_step").y();
        assertTrue(byStep[2] != byStep[1] && byStep[1] != byStep[0], "two steps with the learnt rates");
        for (int s = 3; s < byStep.length; s++) {
            assertEquals(byStep[2], byStep[s], 0.0, "no update after the trained steps, step " + s);
        }
        p.put("test_steps", "all");
        double[] all = run("meta-sgd", p, 0).curves().get("mse_by_step").y();
        assertArrayEquals(java.util.Arrays.copyOf(byStep, 3), java.util.Arrays.copyOf(all, 3), 0.0);
        assertTrue(all[3] != byStep[3], "all: the third step updates");
        assertFalse(Benchmarks.get("sinusoid").params("maml").stream().anyMatch(d -> d.name().equals("test_steps")));
    }

    @Test
    void anEvaluationMseAboveTheBlowUpBoundIsDivergedLikeANonFiniteOne() {
        assertTrue(SinusoidRegression.bounded(SinusoidTask.ZERO_MSE));
        assertTrue(SinusoidRegression.bounded(SinusoidRegression.BLOWN_UP_MSE));
        assertFalse(SinusoidRegression.bounded(Math.nextUp(SinusoidRegression.BLOWN_UP_MSE)));
        assertFalse(SinusoidRegression.bounded(8.5e41)); // MAML, K = 5, seed 26 of the NeuronML sweep: step 10
        assertFalse(SinusoidRegression.bounded(Double.NaN));
        assertFalse(SinusoidRegression.bounded(Double.POSITIVE_INFINITY));
    }

    @Test
    void resultCarriesTheDeclaredMetricsCurvesAndTraces() {
        RunResult r = run("maml", Map.of("meta_iterations", 250, "eval_tasks", 5), 0);
        assertNull(r.message());
        assertEquals(List.of("mse_step0", "mse_step1", "mse_step5", "mse_step10", "mse_step10_drop10",
                "mse_step10_drop30", "mse_step10_drop50", "mse_drop50_increase"), List.copyOf(r.metrics().keySet()));
        assertEquals(r.metric("mse_step10_drop50") - r.metric("mse_step10"), r.metric("mse_drop50_increase"), 0.0);
        assertEquals(11, r.curves().get("mse_by_step").x().length);
        double[] byDropout = r.curves().get("mse_by_dropout").y();
        assertArrayEquals(new double[] {r.metric("mse_step10"), r.metric("mse_step10_drop10"),
                r.metric("mse_step10_drop30"), r.metric("mse_step10_drop50")}, byDropout, 0.0);
        double[] x = r.curves().get("meta_train_loss").x();
        assertEquals(100, x.length);
        assertEquals(250, x[x.length - 1]);
        assertEquals(11, run("maml", Map.of("meta_iterations", 11, "eval_tasks", 1), 0)
                .curves().get("meta_train_loss").x().length);
        assertEquals(List.of("task-1", "task-2", "task-3"), List.copyOf(r.traces().keySet()));
        assertEquals(Trace.Kind.EXAMPLE, r.traces().get("task-1").kind());
        assertEquals(List.of("true", "support", "after 1 step", "after 10 steps"),
                r.traces().get("task-1").series().stream().map(Trace.Series::name).toList());
        RunResult back = RunResultJson.read(RunResultJson.write(r));
        assertEquals(withoutSeconds(r), withoutSeconds(back));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void aBadParameterThroughRunOneIsExitCodeTwoAndOneLine(String method) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new RunOneCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(new String[]{"--benchmark", "sinusoid", "--method", method, "--set", "bad=1", "--quiet"});
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("run-one: --set bad: unknown hyper-parameter for method " + method + "; accepted: "), e);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void methodSpecificParametersOnlyWhereTheyApply() {
        var b = Benchmarks.get("sinusoid");
        assertTrue(b.params("reptile").stream().anyMatch(d -> d.name().equals("epsilon")));
        assertFalse(b.params("maml").stream().anyMatch(d -> d.name().equals("epsilon")));
        assertTrue(b.params("cavia").stream().anyMatch(d -> d.name().equals("context_lr")));
        assertFalse(b.params("zero").stream().anyMatch(d -> d.name().equals("context_lr")));
        for (String m : methods()) {
            assertTrue(b.params(m).stream().anyMatch(d -> d.name().equals("shots")), m);
        }
    }
}
