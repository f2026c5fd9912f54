package io.github.metasweep.spark.store;

import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.RunSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an output's {@code runs/} holds against a sweep's planned runs, each file read and verified:
 * whole (its checksum matches), a run result, under its own id, of a spec that resolves to that id.
 *
 * @param verified  planned runs stored and whole
 * @param missing   planned runs not stored
 * @param foreign   whole results of runs this sweep does not plan
 * @param damaged   result files that fail verification, with the reason
 * @param others    files in runs/ that are not result files (ignored)
 */
public record StoredRuns(Set<String> verified, Set<String> missing, Set<String> foreign, Map<String, String> damaged,
                         List<String> others) {

    public static StoredRuns check(ResultStore store, Set<String> planned) throws IOException {
        Set<String> verified = new TreeSet<>();
        Set<String> foreign = new TreeSet<>();
        Map<String, String> damaged = new LinkedHashMap<>();
        for (String id : new TreeSet<>(store.resultIds())) {
            String why = problem(id, store.readResult(id));
            if (why != null) {
                damaged.put(id, why);
            } else if (planned.contains(id)) {
                verified.add(id);
            } else {
                foreign.add(id);
            }
        }
        Set<String> missing = new TreeSet<>(planned);
        missing.removeAll(verified);
        return new StoredRuns(verified, missing, foreign, damaged, store.otherRunFiles());
    }

    /** The stored result of a verified run, parsed. */
    public static RunResult read(ResultStore store, String id) throws IOException {
        return RunResultJson.read(SealedResult.open(store.readResult(id)));
    }

    /** Why a stored file is not a trustworthy result of run {@code id}, or null when it is. */
    static String problem(String id, String text) {
        String json;
        try {
            json = SealedResult.open(text);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        try {
            RunResult r = RunResultJson.read(json);
            if (!r.id().equals(id)) {
                return "it holds run " + r.id() + ", not " + id;
            }
            String resolved = new RunSpec(r.benchmark(), r.method(), r.variant(), r.seed(), r.params()).id();
            if (!resolved.equals(id)) {
                return "its spec resolves to " + resolved + ", not " + id;
            }
            return null;
        } catch (RuntimeException e) {
            return "not a run result (" + e.getMessage() + ")";
        }
    }

    /** One line for the console, e.g. "48 verified, 1 missing, 2 damaged (quarantined), 0 foreign". */
    public String summary() {
        return verified.size() + " verified, " + missing.size() + " missing, " + damaged.size() + " damaged, "
                + foreign.size() + " foreign, " + others.size() + " other files";
    }

    public List<String> examples(java.util.Collection<String> ids) {
        return new ArrayList<>(ids).subList(0, Math.min(5, ids.size()));
    }
}
