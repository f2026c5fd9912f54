package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunStatus;

/** One stored run as the report reads it: its configuration's key and the parsed result. */
public record RunRecord(String configKey, RunResult result) {
    public long seed() {
        return result.seed();
    }

    public boolean ok() {
        return result.status() == RunStatus.OK;
    }

    /** The metric's value, NaN when the run has none or diverged. */
    public double metric(String name) {
        return ok() ? result.metric(name) : Double.NaN;
    }
}
