package io.github.metasweep.spark.exec;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * What the executors report back while a sweep runs, read by the driver's progress thread:
 * runs finished (ok or diverged), diverged, failed for good, and the summed run seconds.
 */
public record SweepCounters(LongAccumulator finished, LongAccumulator diverged, LongAccumulator failed,
                            DoubleAccumulator runSeconds) implements Serializable {

    public static SweepCounters register(SparkContext sc) {
        return new SweepCounters(sc.longAccumulator("metasweep runs finished"),
                sc.longAccumulator("metasweep runs diverged"), sc.longAccumulator("metasweep runs failed"),
                sc.doubleAccumulator("metasweep run seconds"));
    }
}
