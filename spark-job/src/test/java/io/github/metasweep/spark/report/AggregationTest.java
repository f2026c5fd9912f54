package io.github.metasweep.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables against a computation of their own, straight from the run files: plain loops, no
 * code shared with the report. Four seeds, so medians are of an even count; one beta seed diverges.
 */
class AggregationTest {
    @TempDir
    static Path dir;
    static Path out;
    static List<JsonNode> runs = new ArrayList<>();

    @BeforeAll
    static void sweep() throws Exception {
        Path spec = SpecFiles.write(dir, "agg.yaml", """
                name: agg
                benchmark: fake
                seeds: [0, 1, 2, 3]
                methods: [base, alpha, beta]
                variants:
                  alpha: [full, no-decay]
                grid:
                  lr: [0.01, 0.03]
                params:
                  diverge_seed: 2
                  x: 1.5
                baseline: [base, beta]
                """);
        out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        ObjectMapper m = new ObjectMapper();
        for (Path p : SpecFiles.runFiles(out)) {
            runs.add(m.readTree(Files.readString(p)));
        }
    }

    static List<Map<String, String>> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<String> header = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The label a configuration has: lr=value for the methods that take lr. */
    private static String label(JsonNode run) {
        JsonNode lr = run.get("params").get("lr");
        return lr == null ? "" : "lr=" + lr.asDouble();
    }

    private static List<JsonNode> runsOf(String method, String variant, String label) {
        return runs.stream().filter(r -> r.get("method").asText().equals(method)
                && r.get("variant").asText().equals(variant) && label(r).equals(label)).toList();
    }

    private static void close(double expected, String actual, String what) {
        double a = Double.parseDouble(actual);
        assertEquals(expected, a, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 0 ? (s[n / 2 - 1] + s[n / 2]) / 2 : s[n / 2];
    }

    /** mean, sd (ddof 1), sd0 (ddof 0), median, min, max as separate loops. */
    private static void checkStats(double[] x, Map<String, String> row, String prefix, String what) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        double ss = 0;
        for (double v : x) {
            ss += Math.pow(v - mean, 2);
        }
        close(mean, row.get(prefix + "mean"), what + " mean");
        close(Math.sqrt(ss / (n - 1)), row.get(prefix + "sd"), what + " sd");
        close(Math.sqrt(ss / n), row.get(prefix + "sd0"), what + " sd0");
        close(median(x), row.get(prefix + "median"), what + " median");
        close(Arrays.stream(x).min().orElseThrow(), row.get(prefix + "min"), what + " min");
        close(Arrays.stream(x).max().orElseThrow(), row.get(prefix + "max"), what + " max");
        double low = Double.parseDouble(row.get(prefix + "ci_low"));
        double high = Double.parseDouble(row.get(prefix + "ci_high"));
        assertTrue(low <= mean && mean <= high, what + " CI " + low + ".." + high + " holds the mean " + mean);
    }

    @Test
    void summaryEqualsAnIndependentComputation() throws Exception {
        List<Map<String, String>> rows = csv(out.resolve("tables/summary.csv"));
        assertEquals(7, rows.size(), "base, alpha x2 variants x2 lr, beta x2 lr");
        int diverged = 0;
        for (Map<String, String> row : rows) {
            List<JsonNode> group = runsOf(row.get("method"), row.get("variant"), row.get("hyper_parameters"));
            assertEquals(4, group.size());
            List<JsonNode> ok = group.stream().filter(r -> r.get("status").asText().equals("ok")).toList();
            assertEquals(String.valueOf(ok.size()), row.get("n"));
            assertEquals(String.valueOf(group.size() - ok.size()), row.get("diverged"));
            diverged += group.size() - ok.size();
            String what = row.get("method") + "/" + row.get("variant") + " " + row.get("hyper_parameters");
            for (String metric : List.of("best_return", "avg10_return", "error")) {
                checkStats(ok.stream().mapToDouble(r -> r.get("metrics").get(metric).asDouble()).toArray(), row,
                        metric + "_", what);
            }
            if (ok.size() == 4) {
                double[] sorted = ok.stream().mapToDouble(r -> r.get("metrics").get("best_return").asDouble()).sorted()
                        .toArray();
                close((sorted[1] + sorted[2]) / 2, row.get("best_return_iqm"), what + " iqm of 4 = mean of the middle two");
                close((sorted[1] + sorted[2]) / 2, row.get("best_return_median"), what + " median of an even count");
            }
        }
        assertEquals(2, diverged, "beta's seed-2 runs diverged and were left out");
    }

    /** Two-sided exact signed-rank p by enumerating every sign pattern (no ties in these data). */
    private static double signedRankP(double[] d) {
        int n = d.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(d[a]), Math.abs(d[b])));
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[order[i]] = i + 1;
        }
        int t = 0;
        for (int i = 0; i < n; i++) {
            t += d[i] > 0 ? rank[i] : 0;
        }
        int below = 0;
        int above = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            int s = 0;
            for (int i = 0; i < n; i++) {
                s += (mask >> i & 1) * (i + 1);
            }
            below += s <= t ? 1 : 0;
            above += s >= t ? 1 : 0;
        }
        return Math.min(1, 2.0 * Math.min(below, above) / (1 << n));
    }

    @Test
    void pairedImprovementEqualsAnIndependentComputation() throws Exception {
        List<Map<String, String>> rows = csv(out.resolve("tables/improvement.csv"));
        int checked = 0;
        for (Map<String, String> row : rows) {
            String[] base = row.get("baseline").split(" ", 2);
            String baseLabel = base.length > 1 ? base[1] : "";
            String metric = row.get("metric");
            Map<Long, JsonNode> b = new TreeMap<>();
            runsOf(base[0], "full", baseLabel).forEach(r -> b.put(r.get("seed").asLong(), r));
            List<Double> imp = new ArrayList<>();
            int excluded = 0;
            for (JsonNode r : runsOf(row.get("method"), row.get("variant"), row.get("hyper_parameters"))) {
                JsonNode rb = b.get(r.get("seed").asLong());
                if (!r.get("status").asText().equals("ok") || !rb.get("status").asText().equals("ok")) {
                    excluded++;
                    continue;
                }
                double rv = r.get("metrics").get(metric).asDouble();
                double bv = rb.get("metrics").get(metric).asDouble();
                // direction-aware: error is lower-is-better, so a drop in it is a positive improvement
                imp.add(metric.equals("error") ? 100 * (bv - rv) / Math.abs(bv) : 100 * (rv - bv) / Math.abs(bv));
                assertEquals(metric.equals("error") ? "lower is better" : "higher is better", row.get("direction"));
            }
            double[] x = imp.stream().mapToDouble(Double::doubleValue).toArray();
            String what = row.get("baseline") + " vs " + row.get("method") + "/" + row.get("variant") + " "
                    + row.get("hyper_parameters") + " " + metric;
            assertEquals(String.valueOf(x.length), row.get("n"), what);
            assertEquals(String.valueOf(excluded), row.get("excluded"), what);
            checkStats(x, row, "", what);
            close(Arrays.stream(x).filter(v -> v > 0).count() / (double) x.length, row.get("p_positive"), what);
            close(signedRankP(x), row.get("wilcoxon_p"), what + " Wilcoxon");
            checked++;
        }
        // base vs 6 configurations of alpha and beta; beta lr=0.01 and lr=0.03 each vs base and the 2 alpha variants of the same lr
        assertEquals(3 * (6 + 2 * 3), checked, "every pairing, all three metrics");
        assertTrue(rows.stream().noneMatch(r -> r.get("baseline").equals("beta lr=0.01")
                && "lr=0.03".equals(r.get("hyper_parameters"))), "configurations are matched on lr");
    }

    @Test
    void parquetHoldsEveryRunEveryCurvePointAndEveryTracePoint() throws Exception {
        Dataset<Row> runsPq = TestSpark.session().read().parquet(out.resolve("runs.parquet").toString());
        assertEquals(runs.size(), runsPq.count());
        JsonNode alpha = runs.stream().filter(r -> r.get("method").asText().equals("alpha")).findFirst().orElseThrow();
        Row run = runsPq.where("id = '" + alpha.get("id").asText() + "'").collectAsList().get(0);
        assertEquals(alpha.get("metrics").get("error").asDouble(), run.getDouble(run.fieldIndex("error")));
        Dataset<Row> curves = TestSpark.session().read().parquet(out.resolve("curves.parquet").toString());
        long points = runs.stream().mapToLong(r -> r.get("curves").get("returns").get("y").size()).sum();
        assertEquals(points, curves.count());
        JsonNode returns = alpha.get("curves").get("returns");
        int pre = returns.get("phases").get(0).get("to").asInt();
        Row row = curves.where("id = '" + alpha.get("id").asText() + "' and curve = 'returns' and point = " + (pre + 2))
                .collectAsList().get(0);
        assertEquals("transfer", row.getString(row.fieldIndex("phase")));
        assertEquals(returns.get("y").get(pre + 2).asDouble(), row.getDouble(row.fieldIndex("y")));
        assertEquals(pre + 3.0, row.getDouble(row.fieldIndex("x")));
        assertEquals("pretrain", curves.where("id = '" + alpha.get("id").asText() + "' and point = 0").collectAsList()
                .get(0).getAs("phase"));
        Dataset<Row> traces = TestSpark.session().read().parquet(out.resolve("traces.parquet").toString());
        long tracePoints = runs.stream().filter(r -> r.get("traces").has("gates"))
                .mapToLong(r -> r.get("traces").get("gates").get("series").get(0).get("y").size()).sum();
        assertEquals(tracePoints, traces.count());
        Row gate = traces.where("id = '" + alpha.get("id").asText() + "' and trace = 'gates' and point = 2")
                .collectAsList().get(0);
        assertEquals(alpha.get("traces").get("gates").get("series").get(0).get("y").get(2).asDouble(),
                gate.getDouble(gate.fieldIndex("y")));
        assertEquals("band", gate.getString(gate.fieldIndex("kind")));
    }

    @Test
    void metricsTableSaysWhichWayEachMetricIsBetter() throws Exception {
        List<Map<String, String>> rows = csv(out.resolve("tables/metrics.csv"));
        assertEquals(List.of("best_return", "avg10_return", "error"), rows.stream().map(r -> r.get("metric")).toList());
        assertEquals("lower is better", rows.get(2).get("direction"));
        assertEquals("higher is better", rows.get(0).get("direction"));
        assertTrue(Files.readString(out.resolve("tables/summary.md")).contains("error: lower is better"));
    }

    @Test
    void reportRebuildsTheSameTables() throws Exception {
        String summary = Files.readString(out.resolve("tables/summary.csv"));
        String improvement = Files.readString(out.resolve("tables/improvement.csv"));
        Files.delete(out.resolve("tables/summary.csv"));
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "report", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(summary, Files.readString(out.resolve("tables/summary.csv")));
        assertEquals(improvement, Files.readString(out.resolve("tables/improvement.csv")));
        assertTrue(Files.readString(out.resolve("tables/summary.md")).contains("| alpha | no-decay | lr=0.03 |"));
        assertTrue(Files.readString(out.resolve("tables/improvement.tex")).contains("\\toprule"));
    }
}
