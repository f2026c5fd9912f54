package io.github.metasweep.spark.cli;

import java.util.regex.Pattern;

/** Checks a {@code --master} value before any Spark starts, so a typo costs one line, not a Spark trace. */
final class MasterUrl {
    private static final Pattern ACCEPTED = Pattern.compile(
            "local|local\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?]|local\\[\\*,[1-9][0-9]*]"
                    + "|local-cluster\\[[1-9][0-9]*, *[1-9][0-9]*, *[1-9][0-9]*]"
                    + "|spark://[^/\\s]+(:[0-9]+)?(,[^/\\s]+(:[0-9]+)?)*|yarn|k8s://\\S+|mesos://\\S+");

    private MasterUrl() {
    }

    /** The value when Spark accepts its form; a {@link UsageException} naming the accepted forms otherwise. */
    static String check(String command, String master) {
        if (master != null && !ACCEPTED.matcher(master).matches()) {
            throw new UsageException(command + ": --master: '" + master + "' is not accepted; expected local, "
                    + "local[N] (N >= 1) or local[*], local-cluster[workers,cores,memory MB], "
                    + "spark://host:port, yarn or k8s://https://host:port");
        }
        return master;
    }
}
