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
 */
public record SweepSpec(String name, String description, String benchmark, List<Long> seeds, List<String> methods,
                        Map<String, List<String>> variants, Map<String, Object> params,
                        Map<String, List<Object>> grid, RandomSearch random, List<String> baselines, long maxRuns) {
    /** Above this many runs a spec must say {@code max_runs:} explicitly. */
    public static final long DEFAULT_MAX_RUNS = 1_000_000;

    /** The same spec with other seeds (e.g. one seed, to check every configuration resolves). */
    public SweepSpec withSeeds(List<Long> other) {
        return new SweepSpec(name, description, benchmark, other, methods, variants, params, grid, random, baselines,
                maxRuns);
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
        m.put("seeds", seeds);
        m.put("methods", methods);
        m.put("variants", variants);
        m.put("params", params);
        m.put("grid", grid);
        m.put("random", random.toYaml());
        m.put("baseline", baselines);
        if (maxRuns != DEFAULT_MAX_RUNS) {
            m.put("max_runs", maxRuns); // only when set, so older outputs keep their fingerprints
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
