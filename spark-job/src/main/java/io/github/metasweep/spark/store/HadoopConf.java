package io.github.metasweep.spark.store;

import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;

/**
 * A Hadoop configuration with the {@code spark.hadoop.*} settings applied, as Spark builds it:
 * usable before a SparkSession exists (the driver checks the output first) and on executors.
 */
public final class HadoopConf {
    private static final String PREFIX = "spark.hadoop.";

    private HadoopConf() {
    }

    public static Configuration from(SparkConf sparkConf) {
        return from(Arrays.stream(sparkConf.getAll()).map(t -> Map.entry(t._1(), t._2())).toList());
    }

    public static Configuration from(Iterable<Map.Entry<String, String>> sparkSettings) {
        Configuration conf = new Configuration();
        for (Map.Entry<String, String> e : sparkSettings) {
            if (e.getKey().startsWith(PREFIX)) {
                conf.set(e.getKey().substring(PREFIX.length()), e.getValue());
            }
        }
        return conf;
    }
}
