package io.github.metasweep.spark.spec;

import io.github.metasweep.model.core.RunSpec;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One run of an expanded sweep: its resolved spec and the values of the swept hyper-parameters it
 * took (those of the grid and the random search that its method accepts).
 */
public record PlannedRun(RunSpec spec, Map<String, Object> swept) {

    public String id() {
        return spec.id();
    }

    /** {@code lr=0.005 shots=10}, or empty when nothing is swept for this run's method. */
    public String sweptLabel() {
        StringJoiner j = new StringJoiner(" ");
        swept.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
