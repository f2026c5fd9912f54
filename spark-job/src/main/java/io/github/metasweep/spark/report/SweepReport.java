package io.github.metasweep.spark.report;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.stats.BootstrapInterval;
import io.github.metasweep.spark.stats.Summary;
import io.github.metasweep.spark.stats.WilcoxonSignedRank;
import io.github.metasweep.spark.store.ResultStore;
import io.github.metasweep.spark.store.StoredRuns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Aggregates a sweep's stored runs, driven by the metrics, curves and traces its benchmark declares:
 * with Spark SQL, {@code runs.parquet} (one row per run, a column per metric), {@code curves.parquet}
 * (one row per run, curve and point) and {@code traces.parquet} (one row per run, trace, series and
 * point); on the driver, {@code tables/metrics.*}, {@code tables/summary.*} and {@code tables/improvement.*}
 * (CSV, Markdown, LaTeX) and {@code REPORT.md} with its plots. Diverged runs are counted but left out of
 * every statistic.
 */
public final class SweepReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final ResultStore store;
    private final SweepSpec spec;
    private final Benchmark benchmark;
    private final StoredRuns stored;
    private static final long SLICE_CHARS = 512 * 1024;

    /** Aggregates the {@code stored} runs that are verified and planned by {@code spec}; nothing else is read. */
    public SweepReport(SparkSession spark, ResultStore store, SweepSpec spec, StoredRuns stored) {
        this.spark = spark;
        this.store = store;
        this.spec = spec;
        this.benchmark = Benchmarks.get(spec.benchmark());
        this.stored = stored;
    }

    /** How much went into the tables. */
    public record Written(int runs, int summaryRows, int improvementRows) {
    }

    /** Fails with {@link PreviousResultFormatException} when the output's runs are of the previous result format. */
    public static void checkFormat(ResultStore store) throws IOException {
        Optional<String> first = store.resultIds().stream().sorted().findFirst();
        if (first.isPresent() && RunResultJson.isPreviousFormat(store.readResult(first.get()))) {
            throw new PreviousResultFormatException(store.location(), first.get());
        }
    }

    /**
     * Writes the tables, Parquet files, report and plots anew; the old ones are deleted first, so a failed
     * aggregation leaves none rather than stale ones.
     */
    public Written write() throws IOException {
        checkFormat(store);
        store.deleteDerived();
        int count = stored.verified().size();
        // the verified runs' JSON as the check read it: no file is read again (Spark's file sources cost a Hadoop
        // Configuration per file, which dominated the aggregation of many small runs)
        List<String> json = new ArrayList<>(count);
        long chars = 0;
        for (String id : stored.verified()) {
            json.add(stored.json(store, id));
            chars += json.get(json.size() - 1).length();
        }
        // slices of at most about half a megabyte: a task carries its slice, and Spark warns above 1 MiB
        int slices = (int) Math.max(spark.sparkContext().defaultParallelism(), Math.min(count, chars / SLICE_CHARS + 1));
        Dataset<Row> raw = count == 0 ? spark.createDataFrame(List.of(), runSchema())
                : spark.read().schema(runSchema()).option("mode", "PERMISSIVE").json(spark.createDataset(
                        new JavaSparkContext(spark.sparkContext()).parallelize(json, slices).rdd(), Encoders.STRING()));
        Dataset<Row> runs = withConfiguration(raw).cache();
        try {
            writeParquet(runs);
            List<Config> configs = configurations(runs);
            RunsByConfig byConfig = new RunsByConfig(configs, records(runs));
            Table summary = summary(configs, byConfig);
            Table improvement = improvement(configs, byConfig);
            writeTable("metrics", metricsTable(benchmark));
            writeTable("summary", summary);
            writeTable("improvement", improvement);
            ReportPage.Output out = new ReportPage(spec, benchmark, configs, byConfig, stored)
                    .withTuning(spec.tuning() == null ? List.of() : TuningResults.chooseAll(store, spec)).build();
            for (Map.Entry<String, byte[]> plot : out.plots().entrySet()) {
                store.writeBinary(ResultStore.PLOTS + "/" + plot.getKey(), plot.getValue());
            }
            store.writeText(ResultStore.REPORT, out.markdown());
            return new Written(count, summary.rows().size(), improvement.rows().size());
        } finally {
            runs.unpersist();
        }
    }

    /** The schema of a result file: params and metrics typed from the benchmark's declarations. */
    StructType runSchema() {
        Map<String, DataType> params = new TreeMap<>();
        for (String m : spec.methods()) {
            for (ParamDef d : benchmark.params(m)) {
                params.put(d.name(), switch (d.type()) {
                    case INT -> DataTypes.LongType;
                    case DOUBLE -> DataTypes.DoubleType;
                    case BOOL -> DataTypes.BooleanType;
                    case CHOICE -> DataTypes.StringType;
                });
            }
        }
        List<StructField> paramFields = new ArrayList<>();
        params.forEach((k, t) -> paramFields.add(DataTypes.createStructField(k, t, true)));
        List<StructField> metricFields = new ArrayList<>();
        for (MetricDef m : benchmark.metrics()) {
            metricFields.add(DataTypes.createStructField(m.name(), DataTypes.DoubleType, true));
        }
        ArrayType doubles = DataTypes.createArrayType(DataTypes.DoubleType);
        StructType phase = new StructType().add("name", DataTypes.StringType).add("from", DataTypes.IntegerType)
                .add("to", DataTypes.IntegerType);
        StructType curve = new StructType().add("x_label", DataTypes.StringType).add("y_label", DataTypes.StringType)
                .add("x", doubles).add("y", doubles).add("phases", DataTypes.createArrayType(phase));
        StructType series = new StructType().add("name", DataTypes.StringType).add("style", DataTypes.StringType)
                .add("shared", DataTypes.BooleanType).add("x", doubles).add("y", doubles);
        StructType trace = new StructType().add("kind", DataTypes.StringType).add("x_label", DataTypes.StringType)
                .add("y_label", DataTypes.StringType).add("series", DataTypes.createArrayType(series));
        StructType provenance = new StructType()
                .add("project_version", DataTypes.StringType).add("git_commit", DataTypes.StringType)
                .add("java_version", DataTypes.StringType).add("nd4j_version", DataTypes.StringType)
                .add("omp_num_threads", DataTypes.StringType);
        return new StructType()
                .add("id", DataTypes.StringType).add("status", DataTypes.StringType)
                .add("benchmark", DataTypes.StringType).add("method", DataTypes.StringType)
                .add("variant", DataTypes.StringType).add("seed", DataTypes.LongType)
                .add("params", DataTypes.createStructType(paramFields))
                .add("metrics", DataTypes.createStructType(metricFields))
                .add("curves", DataTypes.createMapType(DataTypes.StringType, curve))
                .add("traces", DataTypes.createMapType(DataTypes.StringType, trace))
                .add("seconds", DataTypes.DoubleType).add("message", DataTypes.StringType)
                .add("provenance", provenance);
    }

    /** Adds {@code config} (the swept values, e.g. {@code lr=0.005 shots=10}) and {@code config_key}. */
    private Dataset<Row> withConfiguration(Dataset<Row> raw) {
        List<String> paramNames = List.of(((StructType) raw.schema().apply("params").dataType()).fieldNames());
        List<Column> labelParts = new ArrayList<>();
        for (String k : spec.sweptKeys()) {
            if (paramNames.contains(k)) {
                Column v = col("params." + k);
                labelParts.add(when(v.isNotNull(), concat(lit(k + "="), v.cast("string"))));
            }
        }
        Column label = labelParts.isEmpty() ? lit("") : concat_ws(" ", labelParts.toArray(new Column[0]));
        return raw.withColumn("config", label)
                .withColumn("params_json", to_json(col("params")))
                .withColumn("config_key", concat_ws("|", col("method"), col("variant"), col("params_json")));
    }

    private void writeParquet(Dataset<Row> runs) {
        List<Column> cols = new ArrayList<>(List.of(col("id"), col("status"), col("benchmark"), col("method"),
                col("variant"), col("seed"), col("config")));
        for (MetricDef m : benchmark.metrics()) {
            cols.add(col("metrics." + m.name()).as(m.name()));
        }
        cols.add(col("seconds"));
        cols.add(col("message"));
        for (String k : ((StructType) runs.schema().apply("params").dataType()).fieldNames()) {
            cols.add(col("params." + k).as("param_" + k));
        }
        for (String k : List.of("project_version", "git_commit", "java_version", "nd4j_version", "omp_num_threads")) {
            cols.add(col("provenance." + k).as(k));
        }
        // one file each, sorted in its one task: one shuffle and no range-partitioning job (repartition, not
        // coalesce, so that the task does not carry the parallelised JSON slices of its parents)
        runs.select(cols.toArray(new Column[0])).repartition(1).sortWithinPartitions("method", "variant", "config", "seed")
                .write().mode(SaveMode.Overwrite).parquet(store.path(ResultStore.RUNS_PARQUET));

        Column[] key = {col("id"), col("method"), col("variant"), col("config"), col("seed")};
        Dataset<Row> curves = runs.select(append(key, explode(col("curves")).as(new String[] {"curve", "c"})))
                .select(append(key, col("curve"), col("c.x_label").as("x_label"), col("c.y_label").as("y_label"),
                        col("c.phases").as("phases"), posexplode(arrays_zip(col("c.x"), col("c.y")))
                                .as(new String[] {"point", "xy"})))
                .withColumn("phase", expr("try_element_at(filter(phases, p -> p.`from` <= point AND point < p.`to`), 1).name"))
                .select(append(key, col("curve"), col("phase"), col("point"), col("x_label"), col("xy.x").as("x"),
                        col("y_label"), col("xy.y").as("y")));
        curves.repartition(1).sortWithinPartitions("method", "variant", "config", "seed", "curve", "point")
                .write().mode(SaveMode.Overwrite).parquet(store.path(ResultStore.CURVES_PARQUET));

        Dataset<Row> traces = runs.select(append(key, explode(col("traces")).as(new String[] {"trace", "t"})))
                .select(append(key, col("trace"), col("t.kind").as("kind"), col("t.x_label").as("x_label"),
                        col("t.y_label").as("y_label"), explode(col("t.series")).as("s")))
                .select(append(key, col("trace"), col("kind"), col("s.name").as("series"), col("s.style").as("style"),
                        col("s.shared").as("shared"), col("x_label"), col("y_label"),
                        posexplode(arrays_zip(col("s.x"), col("s.y"))).as(new String[] {"point", "xy"})))
                .select(append(key, col("trace"), col("kind"), col("series"), col("style"), col("shared"), col("point"),
                        col("x_label"), col("xy.x").as("x"), col("y_label"), col("xy.y").as("y")));
        traces.repartition(1).sortWithinPartitions("method", "variant", "config", "seed", "trace", "series", "point")
                .write().mode(SaveMode.Overwrite).parquet(store.path(ResultStore.TRACES_PARQUET));
    }

    private static Column[] append(Column[] a, Column... b) {
        Column[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private List<Config> configurations(Dataset<Row> runs) {
        List<Column> cols = new ArrayList<>(List.of(col("config_key"), col("method"), col("variant"), col("config"),
                col("params_json")));
        List<String> swept = new ArrayList<>();
        List<String> paramNames = List.of(((StructType) runs.schema().apply("params").dataType()).fieldNames());
        for (String k : spec.sweptKeys()) {
            if (paramNames.contains(k)) {
                swept.add(k);
                cols.add(col("params." + k).as("swept_" + k));
            }
        }
        List<Config> configs = new ArrayList<>();
        for (Row r : runs.select(cols.toArray(new Column[0])).distinct().collectAsList()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < swept.size(); i++) {
                if (!r.isNullAt(5 + i)) {
                    values.put(swept.get(i), r.get(5 + i));
                }
            }
            configs.add(new Config(r.getString(0), r.getString(1), r.getString(2), r.getString(3), values,
                    params(r.getString(4))));
        }
        configs.sort(configOrder(spec));
        return configs;
    }

    private static Map<String, Object> params(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the params of a run: " + json, e);
        }
    }

    static Comparator<Config> configOrder(SweepSpec spec) {
        return Comparator.<Config>comparingInt(c -> rank(spec.methods(), c.method()))
                .thenComparingInt(c -> rank(spec.variants().getOrDefault(c.method(), List.of()), c.variant()))
                .thenComparing(Config::label).thenComparing(Config::key);
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** Every verified run, as parsed by the check, with its configuration's key (from the Spark rows, by id). */
    private List<RunRecord> records(Dataset<Row> runs) throws IOException {
        if (stored.verified().isEmpty()) {
            return List.of();
        }
        Map<String, String> keyOf = new HashMap<>();
        for (Row r : runs.select("id", "config_key").collectAsList()) {
            keyOf.put(r.getString(0), r.getString(1));
        }
        List<RunRecord> records = new ArrayList<>();
        for (String id : stored.verified()) {
            records.add(new RunRecord(keyOf.get(id), stored.result(store, id)));
        }
        return records;
    }

    static Table metricsTable(Benchmark benchmark) {
        List<List<Object>> rows = new ArrayList<>();
        for (MetricDef m : benchmark.metrics()) {
            rows.add(List.of(m.name(), m.direction().label(), m.unit(), m.headline() ? "yes" : "no", m.meaning()));
        }
        return new Table("Metrics of " + benchmark.name(), List.of(TableColumn.text("metric"),
                TableColumn.text("direction"), TableColumn.text("unit"), TableColumn.text("headline"),
                TableColumn.text("meaning")), rows);
    }

    static final List<String> STATISTICS = List.of("mean", "sd", "sd0", "median", "min", "max", "iqm", "ci_low",
            "ci_high");

    private Table summary(List<Config> configs, RunsByConfig runs) {
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text("method"), TableColumn.text("variant"),
                TableColumn.text("hyper_parameters"), TableColumn.count("n"), TableColumn.count("diverged")));
        for (MetricDef m : benchmark.metrics()) {
            for (String s : STATISTICS) {
                columns.add(TableColumn.number(m.name() + "_" + s));
            }
        }
        runs.prepareMeanIntervals(configs, benchmark.metrics().stream().map(MetricDef::name).toList());
        List<List<Object>> rows = new ArrayList<>();
        for (Config c : configs) {
            List<Object> row = new ArrayList<>(List.of(c.method(), c.variant(), c.label()));
            row.add(runs.ok(c).size());
            row.add(runs.diverged(c));
            for (MetricDef m : benchmark.metrics()) {
                double[] x = runs.values(c, m.name());
                Summary s = Summary.of(x);
                BootstrapInterval ci = runs.meanInterval(c, m.name());
                row.addAll(List.of(s.mean(), s.sd(), s.sd0(), s.median(), s.min(), s.max(), s.iqm(), ci.low(), ci.high()));
            }
            rows.add(row);
        }
        return new Table("Summary of " + spec.name() + " (runs that did not diverge; " + directions() + ")", columns,
                rows);
    }

    private String directions() {
        List<String> parts = new ArrayList<>();
        benchmark.metrics().forEach(m -> parts.add(m.name() + ": " + m.direction().label()));
        return String.join("; ", parts);
    }

    private Table improvement(List<Config> configs, RunsByConfig runs) {
        List<TableColumn> columns = List.of(TableColumn.text("baseline"), TableColumn.text("method"),
                TableColumn.text("variant"), TableColumn.text("hyper_parameters"), TableColumn.text("metric"),
                TableColumn.text("direction"), TableColumn.count("n"), TableColumn.count("excluded"),
                TableColumn.number("mean"), TableColumn.number("sd"), TableColumn.number("sd0"),
                TableColumn.number("median"), TableColumn.number("min"), TableColumn.number("max"),
                TableColumn.number("ci_low"), TableColumn.number("ci_high"), TableColumn.probability("p_positive"),
                TableColumn.probability("wilcoxon_p"), TableColumn.text("wilcoxon"));
        List<List<Object>> rows = new ArrayList<>();
        for (Comparison pair : Comparison.of(spec, configs)) {
            Config b = pair.baseline();
            Config c = pair.config();
            for (MetricDef m : benchmark.metrics()) {
                RunsByConfig.Paired p = runs.pair(c, m.name(), b, m.name(), m);
                double[] x = p.improvement();
                Summary s = Summary.of(x);
                BootstrapInterval ci = BootstrapInterval.ofMean(x);
                WilcoxonSignedRank w = WilcoxonSignedRank.test(x);
                long positive = java.util.Arrays.stream(x).filter(v -> v > 0).count();
                rows.add(new ArrayList<>(List.of(b.display(), c.method(), c.variant(), c.label(), m.name(),
                        m.direction().label(), x.length, p.excluded(), s.mean(), s.sd(), s.sd0(), s.median(),
                        s.min(), s.max(), ci.low(), ci.high(),
                        x.length == 0 ? Double.NaN : (double) positive / x.length, w.p(),
                        w.n() == 0 ? "" : w.exact() ? "exact" : "normal")));
            }
        }
        List<String> byDifference = MetricDef.namesComparedByDifference(benchmark.metrics());
        return new Table("Paired improvement over each baseline, per seed, in % (positive = better): "
                + MetricDef.PERCENT_FORMULA
                + (byDifference.isEmpty() ? "" : "; " + String.join(", ", byDifference) + " as a difference in its own "
                + "units: " + MetricDef.DIFFERENCE_FORMULA), columns, rows);
    }

    private void writeTable(String name, Table t) throws IOException {
        store.writeText(ResultStore.TABLES + "/" + name + ".csv", t.csv());
        store.writeText(ResultStore.TABLES + "/" + name + ".md", t.markdown());
        store.writeText(ResultStore.TABLES + "/" + name + ".tex", t.latex());
    }
}
