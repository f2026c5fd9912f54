package io.github.metasweep.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReproductionReportTest {

    static SweepReport.Config config(String method, String variant, Map<String, Object> swept) {
        String label = swept.isEmpty() ? "" : swept.toString();
        return new SweepReport.Config(method + "|" + variant + "|" + swept, method, variant, label, swept);
    }

    static RunRecord run(SweepReport.Config c, long seed, boolean ok, double best, double avg10) {
        double[] returns = {best - 100, best, avg10};
        double[][] gates = c.method().startsWith("nb") ? new double[][] {{0.5, 0.6}, {0.55, 0.61}, {0.56, 0.62}} : new double[0][];
        double[][] blocks = c.method().equals("nb-pro") ? gates : new double[gates.length][0];
        return new RunRecord(c.key(), seed, ok, ok ? best : Double.NaN, ok ? avg10 : Double.NaN, 1, returns, gates, blocks);
    }

    @Test
    void tablesVerdictsAndPlotsFollowFromTheRuns() throws Exception {
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
        SweepReport.Config maml = config("maml", "full", self);
        SweepReport.Config full = config("nb-pro", "full", self);
        SweepReport.Config noTarget = config("nb-pro", "no-k-target", self);
        double[] mamlBest = {-5000, -4000, -6000, -3000};
        double[] nbBest = {-3000, -3000, -3300, -3100};
        double[] ablBest = {-3300, -2700, -3300, -3100};
        List<RunRecord> runs = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            runs.add(run(maml, s, s != 3, mamlBest[s], mamlBest[s] - 500));
            runs.add(run(full, s, true, nbBest[s], nbBest[s] - 200));
            runs.add(run(noTarget, s, true, ablBest[s], ablBest[s] - 200));
        }
        ReproductionReport.Output out = new ReproductionReport(spec, List.of(maml, full, noTarget), runs,
                PublishedNumbers.neuralBattery()).build();
        String md = out.markdown();

        // seed 3's maml diverged: nb-pro is paired on seeds 0-2 only: improvements 40, 25, 45 -> mean 36.7, median 40.0
        assertTrue(md.contains("| maml {target=self} | nb-pro {target=self} | 3 (1) | 36.7 ["), md);
        // the verdict rows for the paper's mean improvement of nb-pro (37.1)
        assertTrue(md.contains("mean improvement of best return of nb-pro {target=self} over maml {target=self} (%) | paper Table 1 and results file | 37.1 | 36.7 ["), md);
        // Table 2: (-3300+3000)/3000 = -10, (-2700+3000)/3000 = +10, 0, 0 -> mean 0.0
        assertTrue(md.contains("| no-k-target | nb-pro {target=self} | 4 (0) | 0.0 ["), md);
        assertTrue(md.contains("mean change of best return caused by no-k-target (%) | paper Table 2 | -11.4 | 0.0 ["), md);
        assertTrue(md.contains("the median of its per-seed results file is 35.1%"), md);
        assertTrue(md.contains("**reproduced**") || md.contains("**inconclusive**") || md.contains("**not reproduced**"));
        assertTrue(out.plots().containsKey("curves-target-self.png"), out.plots().keySet().toString());
        assertTrue(out.plots().containsKey("gates-target-self.png"), out.plots().keySet().toString());
        assertTrue(out.plots().containsKey("improvement-best-maml-target-self.png"), out.plots().keySet().toString());
        assertTrue(out.plots().containsKey("improvement-avg10-maml-target-self.png"));
        for (String name : out.plots().keySet()) {
            assertTrue(md.contains("](plots/" + name + ")"), name);
            byte[] png = out.plots().get(name);
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
        }
    }

    @Test
    void aSweepWithoutNeuralBatteryHasNoPaperSections() throws Exception {
        SweepSpec spec = SpecParser.parse("t.yaml", """
                name: t
                benchmark: pendulum-transfer
                seeds: 2
                methods: [zero, expert]
                baseline: [zero]
                """);
        SweepReport.Config zero = config("zero", "full", Map.of());
        SweepReport.Config expert = config("expert", "full", Map.of());
        List<RunRecord> runs = List.of(run(zero, 0, true, -3500, -3800), run(zero, 1, true, -3600, -3900),
                run(expert, 0, true, -110, -115), run(expert, 1, true, -111, -114));
        String md = new ReproductionReport(spec, List.of(zero, expert), runs, PublishedNumbers.neuralBattery()).build().markdown();
        assertFalse(md.contains("Table 1"));
        assertFalse(md.contains("Verdicts"));
        assertTrue(md.contains("## Improvements over each baseline"));
    }
}
