package io.github.metasweep.spark.cli;

import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.spark.report.Config;
import io.github.metasweep.spark.report.RunRecord;
import io.github.metasweep.spark.report.RunsByConfig;
import io.github.metasweep.spark.report.SequentialJudgement;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SweepSpec;
import io.github.metasweep.spark.store.ResultStore;
import io.github.metasweep.spark.store.StoredRuns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs of a sweep with seeds until decided, by configuration, and which of them are stored: what the next
 * look needs and the judgement of the stored ones. Stored results are read once (they never change).
 */
final class ScheduledRuns {
    private final SweepSpec spec;
    private final ResultStore store;
    private final Map<String, Config> configs = new LinkedHashMap<>();
    private final Map<String, String> configOfRun = new HashMap<>();
    private final Map<Long, Integer> seedIndex = new HashMap<>();
    private final List<PlannedRun> runs;
    private final Set<String> stored = new HashSet<>();
    private final Map<String, RunResult> results = new HashMap<>();

    ScheduledRuns(SweepSpec spec, List<PlannedRun> runs, ResultStore store, Set<String> verified) {
        this.spec = spec;
        this.runs = runs;
        this.store = store;
        List<Long> seeds = spec.seeds();
        for (int i = 0; i < seeds.size(); i++) {
            seedIndex.put(seeds.get(i), i);
        }
        for (PlannedRun r : runs) {
            String key = r.spec().method() + "|" + r.spec().variant() + "|" + r.sweptLabel();
            configs.computeIfAbsent(key, k -> new Config(k, r.spec().method(), r.spec().variant(), r.sweptLabel(),
                    r.swept(), r.spec().params().asMap()));
            configOfRun.put(r.id(), key);
        }
        stored.addAll(verified);
    }

    Set<String> configKeys() {
        return new LinkedHashSet<>(configs.keySet());
    }

    /** The runs not yet stored of the active configurations among the first {@code n} seeds. */
    List<PlannedRun> missing(Set<String> active, int n) {
        List<PlannedRun> out = new ArrayList<>();
        for (PlannedRun r : runs) {
            if (seedIndex.get(r.spec().seed()) < n && active.contains(configOfRun.get(r.id()))
                    && !stored.contains(r.id())) {
                out.add(r);
            }
        }
        return out;
    }

    /** Notes which runs of a finished batch are stored now. */
    void stored(List<PlannedRun> batch) throws IOException {
        Set<String> now = store.resultIds();
        batch.stream().map(PlannedRun::id).filter(now::contains).forEach(stored::add);
    }

    /** Every comparison on every headline metric, judged at the looks its stored runs reach. */
    List<SequentialJudgement> judge() throws IOException {
        List<RunRecord> records = new ArrayList<>();
        for (String id : stored) {
            RunResult r = results.get(id);
            if (r == null) {
                r = StoredRuns.read(store, id);
                results.put(id, r);
            }
            records.add(new RunRecord(configOfRun.get(id), r));
        }
        List<Config> list = new ArrayList<>(configs.values());
        return SequentialJudgement.judge(spec, Benchmarks.get(spec.benchmark()), list, new RunsByConfig(list, records));
    }
}
