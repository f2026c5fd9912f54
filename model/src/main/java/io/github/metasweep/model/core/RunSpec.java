package io.github.metasweep.model.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One self-contained training job: benchmark, method, variant, resolved hyper-parameters and seed.
 * Immutable; its id is a hash of the canonical form, the same on every machine.
 */
public record RunSpec(String benchmark, String method, String variant, long seed, ParamSet params) {
    /** Per benchmark and method, its knobs added later (name to default); benchmarks are loaded once. */
    private static final Map<String, Map<String, Object>> ADDED_LATER = new ConcurrentHashMap<>();

    /**
     * Resolves a run: the method's defaults, then the variant's fixed values, then {@code overrides}
     * (typed values or text). Every name and value is checked; the first error is thrown.
     */
    public static RunSpec resolve(String benchmarkName, String method, String variant, Map<String, ?> overrides,
                                  long seed) {
        Benchmark benchmark = Benchmarks.get(benchmarkName);
        if (!benchmark.methods().contains(method)) {
            throw new InvalidSpecException("method", "method: unknown method '" + method + "' for benchmark "
                    + benchmarkName + "; accepted: " + String.join(", ", benchmark.methods()));
        }
        List<String> variants = benchmark.variants(method);
        if (!variants.contains(variant)) {
            throw new InvalidSpecException("variant", "variant: unknown variant '" + variant + "' of method " + method
                    + "; accepted: " + String.join(", ", variants));
        }
        if (seed < 0) {
            throw new InvalidSpecException("seed", "seed: " + seed + " is not accepted; expected an integer >= 0");
        }
        Map<String, ParamDef> defs = new LinkedHashMap<>();
        for (ParamDef d : benchmark.params(method)) {
            defs.put(d.name(), d);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        defs.forEach((name, d) -> values.put(name, d.defaultValue()));
        Map<String, Object> fixed = benchmark.variantOverrides(method, variant);
        values.putAll(fixed);
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            ParamDef d = defs.get(e.getKey());
            if (d == null) {
                throw new InvalidSpecException(e.getKey(), e.getKey() + ": unknown hyper-parameter for method " + method
                        + "; accepted: " + String.join(", ", defs.keySet()));
            }
            Object v = d.coerce(e.getValue());
            if (fixed.containsKey(e.getKey()) && !fixed.get(e.getKey()).equals(v)) {
                throw new InvalidSpecException(e.getKey(), e.getKey() + ": is fixed to " + fixed.get(e.getKey())
                        + " by variant " + variant + " of " + method + "; remove the setting or choose variant full");
            }
            values.put(e.getKey(), v);
        }
        return new RunSpec(benchmarkName, method, variant, seed, new ParamSet(values));
    }

    public String canonical() {
        return "benchmark=" + benchmark + ";method=" + method + ";variant=" + variant + ";seed=" + seed
                + ";params={" + identifying().canonical() + "}";
    }

    /** The params that name the run: a knob added later is left out at its default, so older runs keep their ids. */
    private ParamSet identifying() {
        Map<String, Object> later = ADDED_LATER.computeIfAbsent(benchmark + "/" + method, k -> addedLater());
        if (later.isEmpty()) {
            return params;
        }
        Map<String, Object> kept = new LinkedHashMap<>(params.asMap());
        later.forEach((name, value) -> kept.remove(name, value));
        return new ParamSet(kept);
    }

    private Map<String, Object> addedLater() {
        Benchmark b = Benchmarks.all().get(benchmark);
        if (b == null || !b.methods().contains(method)) { // unknown here (a stored run, a test's own method): no knobs
            return Map.of();
        }
        Map<String, Object> later = new LinkedHashMap<>();
        for (ParamDef d : b.params(method)) {
            if (!d.inIdAtDefault()) {
                later.put(d.name(), d.defaultValue());
            }
        }
        return later;
    }

    /** Readable and unique: {@code method-variant-s<seed>-<12 hex digits of SHA-256(canonical)>}. */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return method + "-" + variant + "-s" + seed + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
