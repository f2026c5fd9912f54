package io.github.metasweep.spark.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated sweep spec: everything resolved (seeds as a list, a variant list for every method,
 * hyper-parameter values typed as the benchmark accepts them). Built only by {@link SpecParser}.
 *
 * @param variants  every listed method to its variants, in spec order ({@code [full]} when not given)
 * @param params    fixed hyper-parameters, applied to every method that accepts them
 * @param grid      hyper-parameter to its values; the cartesian product is swept
 * @param baselines methods that paired improvements are computed against
 * @param maxRuns   the most runs the spec may expand to ({@link #DEFAULT_MAX_RUNS} unless the spec says)
 * @param tuning    the {@code tune:} section, or null
 * @param schedule  seeds until decided ({@code seeds: {min, max, batch, until: decided}}), or null for fixed seeds
 * @param methodParams hyper-parameters of one method only (the settings tuning chose), over {@code params}
 */
public record SweepSpec(String name, String description, String benchmark, List<Long> seeds, List<String> methods,
                        Map<String, List<String>> variants, Map<String, Object> params,
                        Map<String, List<Object>> grid, RandomSearch random, List<String> baselines, long maxRuns,
                        Tuning tuning, SeedSchedule schedule, Map<String, Map<String, Object>> methodParams) {
    /** Above this many runs a spec must say {@code max_runs:} explicitly. */
    public static final long DEFAULT_MAX_RUNS = 1_000_000;

    /** The same spec with other seeds (e.g. one seed, to check every configuration resolves). */
    public SweepSpec withSeeds(List<Long> other) {
        return new SweepSpec(name, description, benchmark, other, methods, variants, params, grid, random, baselines,
                maxRuns, tuning, schedule, methodParams);
    }

    /** The same spec with the settings tuning chose for each method. */
    public SweepSpec withMethodParams(Map<String, Map<String, Object>> chosen) {
        return new SweepSpec(name, description, benchmark, seeds, methods, variants, params, grid, random, baselines,
                maxRuns, tuning, schedule, chosen);
    }

    /** How the seeds and tuning of this spec shape its runs, for the console: empty for a plain sweep. */
    public String phases() {
        StringBuilder b = new StringBuilder();
        if (schedule != null) {
            b.append("; seeds until decided: ").append(schedule.min()).append(" to ").append(schedule.max())
                    .append(" seeds per configuration, ").append(schedule.batch()).append(" at a time");
        }
        if (tuning != null) {
            long selection = 0;
            for (int budget : tuning.budgets().values()) {
                selection += (long) budget * tuning.seeds().size();
            }
            b.append("; first a selection phase of ").append(selection).append(" runs (").append(tuning.budgets())
                    .append(" configurations x ").append(tuning.seeds().size()).append(" selection seeds)");
        }
        return b.toString();
    }

    /** The hyper-parameters this sweep varies (grid and random keys): what configurations are labelled and matched by. */
    public Set<String> sweptKeys() {
        Set<String> keys = new LinkedHashSet<>(grid.keySet());
        if (random.n() > 0) {
            keys.addAll(random.distributions().keySet());
        }
        return keys;
    }

    /** The resolved spec as plain maps and lists, in a fixed key order: written to spec.yaml and hashed. */
    public Map<String, Object> toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (description != null) {
            m.put("description", description);
        }
        m.put("benchmark", benchmark);
        m.put("seeds", schedule == null ? seeds : schedule.toYaml());
        m.put("methods", methods);
        m.put("variants", variants);
        m.put("params", params);
        m.put("grid", grid);
        m.put("random", random.toYaml());
        m.put("baseline", baselines);
        if (maxRuns != DEFAULT_MAX_RUNS) {
            m.put("max_runs", maxRuns); // only when set, so older outputs keep their fingerprints
        }
        if (tuning != null) {
            m.put("tune", tuning.toYaml());
        }
        if (!methodParams.isEmpty()) {
            m.put("method_params", methodParams);
        }
        return m;
    }

    /** SHA-256 of the resolved spec (so formatting and comments do not matter): outputs of different specs never mix. */
    public String fingerprint() {
        try {
            Map<String, Object> m = toYaml();
            m.remove("description");
            byte[] json = new ObjectMapper().writeValueAsBytes(m);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
