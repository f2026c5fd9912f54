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
 * @param contents  the verified runs as read: their JSON and parsed result (the aggregation reads no file again)
 */
public record StoredRuns(Set<String> verified, Set<String> missing, Set<String> foreign, Map<String, String> damaged,
                         List<String> others, Map<String, Verified> contents) {

    /** A verified run's result as stored (its JSON, the seal removed) and parsed. */
    public record Verified(String json, RunResult result) {
    }

    /** Without contents (nothing read). */
    public StoredRuns(Set<String> verified, Set<String> missing, Set<String> foreign, Map<String, String> damaged,
                      List<String> others) {
        this(verified, missing, foreign, damaged, others, Map.of());
    }

    public static StoredRuns check(ResultStore store, Set<String> planned) throws IOException {
        return check(store, planned, Map.of());
    }

    /**
     * The same, taking the runs an earlier check of this output verified as they were (the output's lease keeps
     * other writers out, and a stored result is never rewritten), so only files stored since are read.
     */
    public static StoredRuns check(ResultStore store, Set<String> planned, Map<String, Verified> known)
            throws IOException {
        return check(store, store.resultIds(), planned, known, store.otherRunFiles());
    }

    /**
     * Only the planned runs {@code store} holds, each verified, its other files not read: what another sweep's
     * output can lend to this one ({@code sweep --reuse}).
     */
    public static StoredRuns plannedIn(ResultStore store, Set<String> planned) throws IOException {
        Set<String> held = new TreeSet<>(store.resultIds());
        held.retainAll(planned);
        return check(store, held, planned, Map.of(), List.of());
    }

    private static StoredRuns check(ResultStore store, Set<String> ids, Set<String> planned,
                                    Map<String, Verified> known, List<String> others) throws IOException {
        Set<String> verified = new TreeSet<>();
        Set<String> foreign = new TreeSet<>();
        Map<String, String> damaged = new LinkedHashMap<>();
        Map<String, Verified> contents = new java.util.HashMap<>();
        for (String id : new TreeSet<>(ids)) {
            Object checked = known.containsKey(id) ? known.get(id) : verify(id, store.readResult(id));
            if (checked instanceof String why) {
                damaged.put(id, why);
            } else if (planned.contains(id)) {
                verified.add(id);
                contents.put(id, (Verified) checked);
            } else {
                foreign.add(id);
            }
        }
        Set<String> missing = new TreeSet<>(planned);
        missing.removeAll(verified);
        return new StoredRuns(verified, missing, foreign, damaged, others, contents);
    }

    /** The verified run's JSON: as read by {@link #check}, else read from the store now. */
    public String json(ResultStore store, String id) throws IOException {
        Verified v = contents.get(id);
        return v != null ? v.json() : SealedResult.open(store.readResult(id));
    }

    /** The verified run's result: as read by {@link #check}, else read from the store now. */
    public RunResult result(ResultStore store, String id) throws IOException {
        Verified v = contents.get(id);
        return v != null ? v.result() : read(store, id);
    }

    /** The stored result of a verified run, parsed. */
    public static RunResult read(ResultStore store, String id) throws IOException {
        return RunResultJson.read(SealedResult.open(store.readResult(id)));
    }

    /** The run as {@link Verified} when the stored file is a trustworthy result of run {@code id}, else why not. */
    private static Object verify(String id, String text) {
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
            return new Verified(json, r);
        } catch (RuntimeException e) {
            return "not a run result (" + e.getMessage() + ")";
        }
    }

    /**
     * One line for the console, e.g. "48 verified, 1 missing, 2 damaged, 0 foreign, 0 other files"; under seeds until
     * decided the planned runs without a result are "not needed", since the schedule stopped adding seeds.
     */
    public String summary(boolean seedsUntilDecided) {
        return verified.size() + " verified, " + missing.size() + (seedsUntilDecided ? " not needed (seeds until "
                + "decided)" : " missing") + ", " + damaged.size() + " damaged, " + foreign.size() + " foreign, "
                + others.size() + " other files";
    }

    public List<String> examples(java.util.Collection<String> ids) {
        return new ArrayList<>(ids).subList(0, Math.min(5, ids.size()));
    }
}
