package io.github.metasweep.spark.exec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;

/**
 * How many times Spark tries a task: {@code F} for master {@code local[N,F]}, 1 for other local
 * masters (local mode does not retry), else {@code spark.task.maxFailures} (default 4).
 */
final class MaxAttempts {
    private static final Pattern LOCAL_WITH_RETRIES = Pattern.compile("local\\[\\s*(\\d+|\\*)\\s*,\\s*(\\d+)\\s*]");

    private MaxAttempts() {
    }

    static int of(SparkContext sc) {
        return of(sc.master(), sc.getConf().getInt("spark.task.maxFailures", 4));
    }

    static int of(String master, int maxFailures) {
        Matcher m = LOCAL_WITH_RETRIES.matcher(master);
        if (m.matches()) {
            return Integer.parseInt(m.group(2));
        }
        if (master.equals("local") || master.startsWith("local[")) {
            return 1;
        }
        return maxFailures;
    }
}
