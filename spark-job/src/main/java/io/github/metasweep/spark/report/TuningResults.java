package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SweepExpansion;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.spec.Tuning;
import io.github.metasweep.spark.store.ResultStore;
import io.github.metasweep.spark.store.StoredRuns;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where a tuned sweep keeps its selection phase, and the choices its stored runs give. */
public final class TuningResults {
    private TuningResults() {
    }

    /** The output of {@code method}'s selection phase, below the sweep's output. */
    public static ResultStore store(ResultStore sweep, String method) {
        return sweep.child(ResultStore.TUNING + "/" + method);
    }

    /** The choice for one tuned method from the verified runs stored for its selection phase. */
    public static TuningChoice choose(ResultStore sweep, SweepSpec spec, String method) throws IOException {
        Tuning tuning = spec.tuning();
        SweepSpec selection = tuning.selectionSpec(spec, method);
        List<PlannedRun> runs = SweepExpansion.expand(selection);
        ResultStore store = store(sweep, method);
        Set<String> planned = new HashSet<>();
        runs.forEach(r -> planned.add(r.id()));
        Map<String, RunResult> results = new LinkedHashMap<>();
        StoredRuns stored = StoredRuns.check(store, planned);
        for (String id : stored.verified()) {
            results.put(id, stored.result(store, id)); // as the check read it, not read again
        }
        return TuningChoice.judge(tuning, method, metric(spec), runs, results);
    }

    /** Every tuned method's choice, in the spec's order. */
    public static List<TuningChoice> chooseAll(ResultStore sweep, SweepSpec spec) throws IOException {
        List<TuningChoice> all = new java.util.ArrayList<>();
        for (String m : spec.tuning().spaces().keySet()) {
            all.add(choose(sweep, spec, m));
        }
        return all;
    }

    public static MetricDef metric(SweepSpec spec) {
        Benchmark b = Benchmarks.get(spec.benchmark());
        return b.metrics().stream().filter(d -> d.name().equals(spec.tuning().metric())).findFirst().orElseThrow();
    }
}
