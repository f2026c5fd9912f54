package io.github.metasweep.spark.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.stats.BootstrapInterval;
import io.github.metasweep.spark.stats.PairedImprovement;
import io.github.metasweep.spark.stats.Summary;
import io.github.metasweep.spark.stats.WilcoxonSignedRank;
import io.github.metasweep.spark.store.ResultStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Aggregates a sweep's stored runs with Spark SQL: {@code runs.parquet} (one row per run),
 * {@code curves.parquet} (one row per run and episode, with the gates), and the tables
 * {@code tables/summary.*} and {@code tables/improvement.*} (CSV, Markdown, LaTeX).
 * Diverged runs are counted but left out of every statistic.
 */
public final class SweepReport {
    static final String OK = "ok";
    /** The two metrics of protocol section 4, as (column prefix, JSON field). */
    static final Map<String, String> METRICS = Map.of("best", "best_return", "avg10", "avg10_return");
    static final List<String> METRIC_ORDER = List.of("best", "avg10");

    private final SparkSession spark;
    private final ResultStore store;
    private final SweepSpec spec;

    public SweepReport(SparkSession spark, ResultStore store, SweepSpec spec) {
        this.spark = spark;
        this.store = store;
        this.spec = spec;
    }

    /** How much went into the tables. */
    public record Written(int runs, int summaryRows, int improvementRows) {
    }

    public Written write() throws IOException {
        int stored = store.resultCount();
        Dataset<Row> raw = stored == 0 ? spark.createDataFrame(List.of(), runSchema())
                : spark.read().schema(runSchema()).option("mode", "FAILFAST")
                .json(store.path(ResultStore.RUNS));
        Dataset<Row> runs = withConfiguration(raw).cache();
        try {
            writeParquet(runs);
            List<Config> configs = configurations(runs);
            Table summary = summary(runs, configs);
            Table improvement = improvement(runs, configs);
            writeTable("summary", summary);
            writeTable("improvement", improvement);
            writeReport(runs, configs);
            return new Written(stored, summary.rows().size(), improvement.rows().size());
        } finally {
            runs.unpersist();
        }
    }

    /** The schema of a result file; params holds every hyper-parameter of the spec's methods, typed. */
    StructType runSchema() {
        Benchmark b = Benchmarks.get(spec.benchmark());
        Map<String, DataType> params = new java.util.TreeMap<>();
        for (String m : spec.methods()) {
            for (ParamDef d : b.params(m)) {
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
        ArrayType doubles = DataTypes.createArrayType(DataTypes.DoubleType);
        StructType gate = new StructType()
                .add("episode", DataTypes.IntegerType).add("phase", DataTypes.StringType)
                .add("layer", doubles).add("block_mean", doubles).add("target", doubles);
        StructType provenance = new StructType()
                .add("project_version", DataTypes.StringType).add("git_commit", DataTypes.StringType)
                .add("java_version", DataTypes.StringType).add("nd4j_version", DataTypes.StringType)
                .add("omp_num_threads", DataTypes.StringType);
        return new StructType()
                .add("id", DataTypes.StringType).add("status", DataTypes.StringType)
                .add("benchmark", DataTypes.StringType).add("method", DataTypes.StringType)
                .add("variant", DataTypes.StringType).add("seed", DataTypes.LongType)
                .add("params", DataTypes.createStructType(paramFields))
                .add("best_return", DataTypes.DoubleType).add("avg10_return", DataTypes.DoubleType)
                .add("pretrain_returns", doubles).add("transfer_returns", doubles)
                .add("k_trace", DataTypes.createArrayType(gate))
                .add("seconds", DataTypes.DoubleType).add("message", DataTypes.StringType)
                .add("provenance", provenance);
    }

    /** Adds {@code config} (the swept values, e.g. {@code k_lr=0.005 target=expert}) and {@code config_key}. */
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
                .withColumn("config_key", concat_ws("|", col("method"), col("variant"), to_json(col("params"))));
    }

    private void writeParquet(Dataset<Row> runs) {
        List<Column> cols = new ArrayList<>(List.of(col("id"), col("status"), col("benchmark"), col("method"),
                col("variant"), col("seed"), col("config"), col("best_return"), col("avg10_return"),
                size(col("pretrain_returns")).as("pretrain_episodes_done"),
                size(col("transfer_returns")).as("transfer_episodes_done"), col("seconds"), col("message")));
        for (String k : ((StructType) runs.schema().apply("params").dataType()).fieldNames()) {
            cols.add(col("params." + k).as("param_" + k));
        }
        for (String k : List.of("project_version", "git_commit", "java_version", "nd4j_version", "omp_num_threads")) {
            cols.add(col("provenance." + k).as(k));
        }
        runs.select(cols.toArray(new Column[0])).orderBy("method", "variant", "config", "seed").coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(store.path(ResultStore.RUNS_PARQUET));

        Column[] key = {col("id"), col("method"), col("variant"), col("config"), col("seed")};
        Dataset<Row> pretrain = runs.select(append(key, posexplode(col("pretrain_returns"))))
                .withColumnRenamed("pos", "episode_in_phase").withColumnRenamed("col", "return")
                .withColumn("phase", lit("pretrain")).withColumn("episode", col("episode_in_phase"));
        Dataset<Row> transfer = runs.select(append(key, size(col("pretrain_returns")).as("offset"),
                        posexplode(col("transfer_returns"))))
                .withColumnRenamed("pos", "episode_in_phase").withColumnRenamed("col", "return")
                .withColumn("phase", lit("transfer")).withColumn("episode", col("offset").plus(col("episode_in_phase")))
                .drop("offset");
        Dataset<Row> gates = runs.select(col("id"), posexplode(col("k_trace")))
                .select(col("id"), col("col.episode").as("episode"), col("col.layer").as("gate_layer"),
                        col("col.block_mean").as("gate_block_mean"), col("col.target").as("k_target"));
        Dataset<Row> curves = pretrain.unionByName(transfer)
                .join(gates, scala.jdk.javaapi.CollectionConverters.asScala(List.of("id", "episode")).toSeq(), "left")
                .select("id", "method", "variant", "config", "seed", "phase", "episode", "episode_in_phase", "return",
                        "gate_layer", "gate_block_mean", "k_target");
        curves.orderBy("method", "variant", "config", "seed", "episode").coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(store.path(ResultStore.CURVES_PARQUET));
    }

    private static Column[] append(Column[] a, Column... b) {
        Column[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A configuration: method, variant and every hyper-parameter value; swept values for labels and matching. */
    record Config(String key, String method, String variant, String label, Map<String, Object> swept) {
        String display() {
            return method + ("full".equals(variant) ? "" : "/" + variant) + (label.isEmpty() ? "" : " " + label);
        }
    }

    private List<Config> configurations(Dataset<Row> runs) {
        List<Column> cols = new ArrayList<>(List.of(col("config_key"), col("method"), col("variant"), col("config")));
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
                if (!r.isNullAt(4 + i)) {
                    values.put(swept.get(i), r.get(4 + i));
                }
            }
            configs.add(new Config(r.getString(0), r.getString(1), r.getString(2), r.getString(3), values));
        }
        configs.sort(configOrder());
        return configs;
    }

    private Comparator<Config> configOrder() {
        return Comparator.<Config>comparingInt(c -> rank(spec.methods(), c.method()))
                .thenComparingInt(c -> rank(spec.variants().getOrDefault(c.method(), List.of()), c.variant()))
                .thenComparing(Config::label).thenComparing(Config::key);
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private Table summary(Dataset<Row> runs, List<Config> configs) {
        Dataset<Row> grouped = runs.groupBy("config_key").agg(
                count(lit(1)).as("runs"),
                sum(when(col("status").equalTo(OK), 0).otherwise(1)).as("diverged"),
                collect_list(when(col("status").equalTo(OK), col("best_return"))).as("best"),
                collect_list(when(col("status").equalTo(OK), col("avg10_return"))).as("avg10"));
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row r : grouped.collectAsList()) {
            byKey.put(r.getString(0), r);
        }
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text("method"), TableColumn.text("variant"),
                TableColumn.text("hyper_parameters"), TableColumn.count("n"), TableColumn.count("diverged")));
        for (String m : METRIC_ORDER) {
            for (String s : List.of("mean", "sd", "sd0", "median", "min", "max", "iqm", "ci_low", "ci_high")) {
                columns.add(TableColumn.number(m + "_" + s));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Config c : configs) {
            Row r = byKey.get(c.key());
            List<Object> row = new ArrayList<>(List.of(c.method(), c.variant(), c.label()));
            double[] best = doubles(r.getList(r.fieldIndex("best")));
            row.add(best.length);
            row.add(r.getLong(r.fieldIndex("diverged")));
            for (String m : METRIC_ORDER) {
                double[] x = doubles(r.getList(r.fieldIndex(m)));
                Summary s = Summary.of(x);
                BootstrapInterval ci = BootstrapInterval.ofMean(x);
                row.addAll(List.of(s.mean(), s.sd(), s.sd0(), s.median(), s.min(), s.max(), s.iqm(), ci.low(), ci.high()));
            }
            rows.add(row);
        }
        return new Table("Summary of " + spec.name() + " (runs that did not diverge)", columns, rows);
    }

    private static double[] doubles(List<Object> values) {
        return values.stream().filter(Objects::nonNull).mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    /** Whether {@code c} is compared with baseline configuration {@code b}: equal on every swept value both have. */
    static boolean matches(Config c, Config b) {
        for (Map.Entry<String, Object> e : b.swept().entrySet()) {
            Object v = c.swept().get(e.getKey());
            if (v != null && !v.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private Table improvement(Dataset<Row> runs, List<Config> configs) {
        List<Row> pairs = new ArrayList<>();
        for (String baseline : spec.baselines()) {
            for (Config b : configs) {
                if (!b.method().equals(baseline)) {
                    continue;
                }
                for (Config c : configs) {
                    if (!c.key().equals(b.key()) && matches(c, b)) {
                        pairs.add(RowFactory.create(baseline, b.key(), c.key()));
                    }
                }
            }
        }
        StructType pairSchema = new StructType().add("baseline", DataTypes.StringType)
                .add("base_key", DataTypes.StringType).add("config_key", DataTypes.StringType);
        Dataset<Row> side = runs.select(col("config_key"), col("seed"), col("status"), col("best_return"),
                col("avg10_return"));
        Dataset<Row> base = side.select(col("config_key").as("base_key"), col("seed"), col("status").as("b_status"),
                col("best_return").as("b_best"), col("avg10_return").as("b_avg10"));
        Dataset<Row> joined = spark.createDataFrame(pairs, pairSchema)
                .join(side, "config_key")
                .join(base, scala.jdk.javaapi.CollectionConverters.asScala(List.of("base_key", "seed")).toSeq());
        Dataset<Row> grouped = joined.groupBy("baseline", "base_key", "config_key").agg(collect_list(struct(
                col("seed"), col("status"), col("b_status"), col("best_return"), col("b_best"), col("avg10_return"),
                col("b_avg10"))).as("seeds"));
        Map<String, Config> byKey = new LinkedHashMap<>();
        configs.forEach(c -> byKey.put(c.key(), c));
        List<Object[]> found = new ArrayList<>();
        for (Row r : grouped.collectAsList()) {
            found.add(new Object[] {r.getString(0), byKey.get(r.getString(1)), byKey.get(r.getString(2)), r.getList(3)});
        }
        Comparator<Config> order = configOrder();
        found.sort(Comparator.<Object[]>comparingInt(f -> spec.baselines().indexOf((String) f[0]))
                .thenComparing(f -> (Config) f[1], order).thenComparing(f -> (Config) f[2], order));
        List<TableColumn> columns = List.of(TableColumn.text("baseline"), TableColumn.text("method"), TableColumn.text("variant"),
                TableColumn.text("hyper_parameters"), TableColumn.text("metric"), TableColumn.count("n"), TableColumn.count("excluded"),
                TableColumn.number("mean"), TableColumn.number("sd"), TableColumn.number("sd0"), TableColumn.number("median"),
                TableColumn.number("min"), TableColumn.number("max"), TableColumn.number("ci_low"), TableColumn.number("ci_high"),
                TableColumn.probability("p_positive"), TableColumn.probability("wilcoxon_p"), TableColumn.text("wilcoxon"));
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] f : found) {
            Config b = (Config) f[1];
            Config c = (Config) f[2];
            @SuppressWarnings("unchecked")
            List<Row> seeds = (List<Row>) f[3];
            for (int m = 0; m < METRIC_ORDER.size(); m++) {
                List<Double> improvements = new ArrayList<>();
                int excluded = 0;
                for (Row s : seeds) {
                    double pct = OK.equals(s.getString(1)) && OK.equals(s.getString(2)) && !s.isNullAt(3 + 2 * m)
                            && !s.isNullAt(4 + 2 * m) ? PairedImprovement.percent(s.getDouble(3 + 2 * m),
                            s.getDouble(4 + 2 * m)) : Double.NaN;
                    if (Double.isNaN(pct)) {
                        excluded++;
                    } else {
                        improvements.add(pct);
                    }
                }
                double[] x = improvements.stream().mapToDouble(Double::doubleValue).toArray();
                Summary s = Summary.of(x);
                BootstrapInterval ci = BootstrapInterval.ofMean(x);
                WilcoxonSignedRank w = WilcoxonSignedRank.test(x);
                long positive = improvements.stream().filter(v -> v > 0).count();
                rows.add(new ArrayList<>(List.of(b.display(), c.method(), c.variant(), c.label(),
                        METRICS.get(METRIC_ORDER.get(m)), x.length, excluded, s.mean(), s.sd(), s.sd0(), s.median(),
                        s.min(), s.max(), ci.low(), ci.high(), x.length == 0 ? Double.NaN : (double) positive / x.length,
                        w.p(), w.n() == 0 ? "" : w.exact() ? "exact" : "normal")));
            }
        }
        return new Table("Paired improvement over each baseline, 100*(R - R_base)/|R_base| per seed, in %",
                columns, rows);
    }

    /** {@code REPORT.md} and {@code plots/*.png}: the reproduction report, built on the driver from every run. */
    private void writeReport(Dataset<Row> runs, List<Config> configs) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        for (Row r : runs.select(col("config_key"), col("seed"), col("status"), col("best_return"),
                col("avg10_return"), col("pretrain_returns"), col("transfer_returns"), col("k_trace.layer"),
                col("k_trace.block_mean")).collectAsList()) {
            double[] pretrain = doubles(r.getList(5));
            double[] transfer = doubles(r.getList(6));
            double[] all = java.util.Arrays.copyOf(pretrain, pretrain.length + transfer.length);
            System.arraycopy(transfer, 0, all, pretrain.length, transfer.length);
            records.add(new RunRecord(r.getString(0), r.getLong(1), OK.equals(r.getString(2)),
                    r.isNullAt(3) ? Double.NaN : r.getDouble(3), r.isNullAt(4) ? Double.NaN : r.getDouble(4),
                    pretrain.length, all, matrix(r, 7), matrix(r, 8)));
        }
        ReproductionReport.Output out = new ReproductionReport(spec, configs, records,
                PublishedNumbers.neuralBattery()).build();
        for (Map.Entry<String, byte[]> plot : out.plots().entrySet()) {
            store.writeBinary(ResultStore.PLOTS + "/" + plot.getKey(), plot.getValue());
        }
        store.writeText(ResultStore.REPORT, out.markdown());
    }

    /** A list-of-lists column (one inner list per episode) as a matrix; empty for a run without gates. */
    private static double[][] matrix(Row r, int field) {
        if (r.isNullAt(field)) {
            return new double[0][];
        }
        List<Object> outer = r.getList(field);
        double[][] m = new double[outer.size()][];
        for (int i = 0; i < m.length; i++) {
            @SuppressWarnings("unchecked")
            List<Object> inner = outer.get(i) == null ? List.of() : scala.jdk.javaapi.CollectionConverters.asJava(
                    (scala.collection.Seq<Object>) outer.get(i));
            m[i] = doubles(inner);
        }
        return m;
    }

    private void writeTable(String name, Table t) throws IOException {
        store.writeText(ResultStore.TABLES + "/" + name + ".csv", t.csv());
        store.writeText(ResultStore.TABLES + "/" + name + ".md", t.markdown());
        store.writeText(ResultStore.TABLES + "/" + name + ".tex", t.latex());
    }
}
