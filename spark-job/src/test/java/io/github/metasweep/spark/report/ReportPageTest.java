package io.github.metasweep.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.model.core.Trace;
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.store.StoredRuns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report page of the pendulum benchmark from hand-made runs: every number checked is computed here by hand. */
class ReportPageTest {
    private static final Benchmark PENDULUM = Benchmarks.get("pendulum-transfer");
    private static final StoredRuns NOTHING_STORED = new StoredRuns(java.util.Set.of(), java.util.Set.of(),
            java.util.Set.of(), Map.of(), List.of());

    static Config config(String method, String variant, Map<String, Object> swept) {
        return config(method, variant, swept, Map.of());
    }

    static Config config(String method, String variant, Map<String, Object> swept, Map<String, Object> fixed) {
        String label = swept.isEmpty() ? "" : swept.toString();
        Map<String, Object> params = new LinkedHashMap<>(swept);
        params.putAll(fixed);
        params.putIfAbsent("pairing", "reference");
        return new Config(method + "|" + variant + "|" + swept, method, variant, label, swept, params);
    }

    static RunRecord run(Config c, long seed, boolean ok, double best, double avg10) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("best_return", ok ? best : Double.NaN);
        metrics.put("avg10_return", ok ? avg10 : Double.NaN);
        double[] returns = {best - 100, best, avg10};
        Curve curve = new Curve("episode", "return", new double[] {1, 2, 3}, returns,
                List.of(new Curve.Phase("pretrain", 0, 1), new Curve.Phase("transfer", 1, 3)));
        Map<String, Trace> traces = c.method().startsWith("nb") ? Map.of("gates", new Trace(Trace.Kind.BAND, "episode",
                "gate", List.of(new Trace.Series("layer 1 sigmoid(k)", Trace.Style.LINE, false, new double[] {1, 2, 3},
                new double[] {0.5, 0.55, 0.56})))) : Map.of();
        RunResult r = new RunResult(c.key() + seed, ok ? RunStatus.OK : RunStatus.DIVERGED, "pendulum-transfer",
                c.method(), c.variant(), seed, new ParamSet(Map.of()), metrics, Map.of("returns", curve), traces, 1.0,
                ok ? null : "diverged", Provenance.current());
        return new RunRecord(c.key(), r);
    }

    /** The plot is a real image of some size, and the report links it. */
    private static void assertDrawnAndLinked(ReportPage.Output out, String plot) throws java.io.IOException {
        byte[] png = out.plots().get(plot);
        assertTrue(png != null, plot + " in " + out.plots().keySet());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100, plot);
        assertTrue(out.markdown().contains("](plots/" + plot + ")"), plot);
    }

    @Test
    void tablesVerdictsAndPlotsFollowFromTheRuns() {
        SweepSpec spec = SpecParser.parse("test.yaml", """
                name: t
                benchmark: pendulum-transfer
                seeds: 4
                methods: [maml, nb-pro]
                variants:
                  nb-pro: [full, no-k-target]
                grid:
                  target: [self]
                baseline: [maml]
                """);
        Map<String, Object> self = Map.of("target", "self");
        Config maml = config("maml", "full", self);
        Config full = config("nb-pro", "full", self);
        Config noTarget = config("nb-pro", "no-k-target", self);
        double[] mamlBest = {-5000, -4000, -6000, -3000};
        double[] nbBest = {-3000, -3000, -3300, -3100};
        double[] ablBest = {-3300, -2700, -3300, -3100};
        List<RunRecord> runs = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            runs.add(run(maml, s, s != 3, mamlBest[s], mamlBest[s] - 500));
            runs.add(run(full, s, true, nbBest[s], nbBest[s] - 200));
            runs.add(run(noTarget, s, true, ablBest[s], ablBest[s] - 200));
        }
        List<Config> configs = List.of(maml, full, noTarget);
        ReportPage.Output out = new ReportPage(spec, PENDULUM, configs, new RunsByConfig(configs, runs), NOTHING_STORED).build();
        String md = out.markdown();

        // seed 3's maml diverged: nb-pro is paired on seeds 0-2 only: improvements 40, 25, 45 -> mean 36.7
        assertTrue(md.contains("| maml {target=self} | nb-pro {target=self} | 3 (1) | 36.7 ["), md);
        // 3 pairs are fewer than the minimum for a verdict
        String improvement = line(md, "| nb-pro {target=self} vs maml {target=self} | mean improvement of best return");
        assertTrue(improvement.contains("| paper Table 1 and results file | 37.1 | 36.7 [")
                && improvement.contains("**inconclusive (n too small: 3 < 10)**"), improvement);
        assertTrue(md.contains("the median of its per-seed results file is 35.1%"), md);
        assertTrue(md.contains("| best_return | higher is better |"), md);
        for (String plot : List.of("curve-returns-target-self.png", "trace-gates-target-self.png",
                "improvement-best_return-maml-target-self.png", "improvement-avg10_return-maml-target-self.png")) {
            assertTrue(out.plots().containsKey(plot), plot + " in " + out.plots().keySet());
        }
        for (String name : out.plots().keySet()) {
            assertTrue(md.contains("](plots/" + name + ")"), name);
        }
    }

    /**
     * An example trace is drawn for the first method and its baselines, and, when the panel holds more
     * configurations, a second figure with all of them; one seed, the lowest that has the trace.
     */
    @Test
    void exampleTracesGetTheFirstMethodsFigureAndOneWithEveryConfiguration() throws java.io.IOException {
        SweepSpec spec = SpecParser.parse("test.yaml", """
                name: t
                benchmark: pendulum-transfer
                seeds: 2
                methods: [maml, nb, nb-pro]
                baseline: [nb]
                """);
        List<Config> configs = List.of(config("maml", "full", Map.of()), config("nb", "full", Map.of()),
                config("nb-pro", "full", Map.of()));
        List<RunRecord> runs = new ArrayList<>();
        for (Config c : configs) {
            for (int s = 0; s < 2; s++) {
                RunRecord r = run(c, s, true, -3000, -3500);
                Trace example = new Trace(Trace.Kind.EXAMPLE, "x", "y", List.of(
                        new Trace.Series("truth", Trace.Style.LINE, true, new double[] {0, 1}, new double[] {0, 1}),
                        new Trace.Series("fit", Trace.Style.LINE, false, new double[] {0, 1}, new double[] {s, 1})));
                RunResult x = r.result();
                runs.add(new RunRecord(r.configKey(), new RunResult(x.id(), x.status(), x.benchmark(), x.method(),
                        x.variant(), x.seed(), x.params(), x.metrics(), x.curves(), Map.of("task-1", example),
                        x.seconds(), x.message(), x.provenance())));
            }
        }
        ReportPage.Output out = new ReportPage(spec, PENDULUM, configs, new RunsByConfig(configs, runs),
                NOTHING_STORED).build();
        for (String plot : List.of("example-task-1.png", "example-task-1-all.png")) {
            assertDrawnAndLinked(out, plot);
        }
        // with only the first method and its baselines in the sweep, the second figure would repeat the first
        List<Config> two = configs.subList(0, 2);
        ReportPage.Output small = new ReportPage(SpecParser.parse("test.yaml", """
                name: t
                benchmark: pendulum-transfer
                seeds: 2
                methods: [maml, nb]
                baseline: [nb]
                """), PENDULUM, two, new RunsByConfig(two, runs.subList(0, 4)), NOTHING_STORED).build();
        assertTrue(small.plots().containsKey("example-task-1.png"), small.plots().keySet().toString());
        assertFalse(small.plots().containsKey("example-task-1-all.png"), small.plots().keySet().toString());
    }

    /** A numeric grid axis gets each headline metric plotted against it, one line per method, in the report. */
    @Test
    void aNumericGridAxisGetsItsMetricAgainstAxisPlots() throws java.io.IOException {
        SweepSpec spec = SpecParser.parse("test.yaml", """
                name: t
                benchmark: pendulum-transfer
                seeds: 3
                methods: [maml, nb]
                grid:
                  lr: [0.001, 0.01]
                baseline: [maml]
                """);
        List<Config> configs = new ArrayList<>();
        List<RunRecord> runs = new ArrayList<>();
        for (String method : List.of("maml", "nb")) {
            for (double lr : new double[] {0.001, 0.01}) {
                Config c = config(method, "full", Map.of("lr", lr));
                configs.add(c);
                for (int s = 0; s < 3; s++) {
                    runs.add(run(c, s, true, -3000 - 1000 * lr * s, -3500));
                }
            }
        }
        ReportPage.Output out = new ReportPage(spec, PENDULUM, configs, new RunsByConfig(configs, runs),
                NOTHING_STORED).build();
        for (String plot : List.of("metric-best_return-by-lr.png", "metric-avg10_return-by-lr.png")) {
            assertDrawnAndLinked(out, plot);
        }
        // a grid of words (target: [self, expert]) gets none
        assertTrue(out.plots().keySet().stream().noneMatch(k -> k.contains("-by-target")));
    }

    /** 12 seeds: nb-pro improves on maml by 38 and 36.2% on alternate seeds; the ablation changes nothing. */
    @Test
    void verdictsOnEnoughSeedsAndNoneOnAnotherProtocol() {
        SweepSpec spec = SpecParser.parse("test.yaml", """
                name: t
                benchmark: pendulum-transfer
                seeds: 12
                methods: [maml, nb-pro]
                variants:
                  nb-pro: [full, no-k-target]
                baseline: [maml]
                """);
        for (int steps : new int[] {1000, 200}) {
            Map<String, Object> setting = Map.of("steps", steps);
            Config maml = config("maml", "full", Map.of(), setting);
            Config full = config("nb-pro", "full", Map.of(), setting);
            Config noTarget = config("nb-pro", "no-k-target", Map.of(), setting);
            List<RunRecord> runs = new ArrayList<>();
            for (int s = 0; s < 12; s++) {
                double nb = s % 2 == 0 ? -3100 : -3190;
                runs.add(run(maml, s, true, -5000, -5200));
                runs.add(run(full, s, true, nb, nb - 100));
                runs.add(run(noTarget, s, true, nb * (s % 2 == 0 ? 1.01 : 0.99), nb - 100));
            }
            List<Config> configs = List.of(maml, full, noTarget);
            String md = new ReportPage(spec, PENDULUM, configs, new RunsByConfig(configs, runs), NOTHING_STORED).build().markdown();
            String improvement = line(md, "| nb-pro vs maml | mean improvement of best return of nb-pro");
            String ablation = line(md, "| against nb-pro | mean change of best return caused by no-k-target");
            if (steps == 1000) {
                assertTrue(improvement.contains("| 37.1 | 37.1 [") && improvement.contains("**reproduced**"),
                        improvement);
                assertTrue(ablation.contains("| -11.4 | 0.0 [") && ablation.contains("**not reproduced**"), ablation);
            } else {
                assertTrue(improvement.contains("**not comparable (protocol differs: steps 200 vs 1000)**"),
                        improvement);
                assertTrue(ablation.contains("**not comparable (protocol differs: steps 200 vs 1000)**"), ablation);
            }
        }
    }

    @Test
    void claimsOfAnotherRecipeAreNotJudged() {
        SweepSpec spec = SpecParser.parse("t.yaml", """
                name: t
                benchmark: pendulum-transfer
                seeds: 2
                methods: [maml, nb]
                grid:
                  target: [expert]
                baseline: [maml]
                """);
        Map<String, Object> expert = Map.of("target", "expert");
        Config maml = config("maml", "full", expert);
        Config nb = config("nb", "full", expert);
        List<RunRecord> runs = List.of(run(maml, 0, true, -110, -115), run(maml, 1, true, -111, -114),
                run(nb, 0, true, -109, -113), run(nb, 1, true, -110, -115));
        List<Config> configs = List.of(maml, nb);
        String md = new ReportPage(spec, PENDULUM, configs, new RunsByConfig(configs, runs), NOTHING_STORED).build().markdown();
        assertFalse(md.contains("Verdicts"), "the paper's claims are about target=self only");
        assertTrue(md.contains("## Improvements over each baseline"));
    }

    private static String line(String md, String start) {
        return md.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + start + " in\n" + md));
    }
}
