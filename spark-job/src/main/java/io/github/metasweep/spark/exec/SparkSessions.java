package io.github.metasweep.spark.exec;

import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.sql.SparkSession;

/** The Spark settings every sweep runs with, whether started by the scripts, spark-submit or a test. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * Our settings on top of {@code conf}: Kryo with required registration, one BLAS thread per executor,
     * few shuffle partitions (the tables are small), no console progress bar. {@code master} wins when
     * given; else spark-submit's; else {@code local[*]}.
     */
    public static SparkConf configure(SparkConf conf, String master, String appName) {
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", appName);
        conf.set("spark.serializer", KryoSerializer.class.getName());
        conf.set("spark.kryo.registrationRequired", "true");
        conf.set("spark.kryo.registrator", SweepKryoRegistrator.class.getName());
        conf.set("spark.executorEnv.OMP_NUM_THREADS", "1");
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "200"); // the run schema is wide; no truncation warning
        return conf;
    }

    public static SparkSession start(String master, String appName) {
        return SparkSession.builder().config(configure(new SparkConf(), master, appName)).getOrCreate();
    }
}
