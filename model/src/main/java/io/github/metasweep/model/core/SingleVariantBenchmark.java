package io.github.metasweep.model.core;

import java.util.List;
import java.util.Map;

/**
 * A benchmark whose methods have no ablation variants (each runs as {@code full} only) and share one list of
 * hyper-parameters: the spec errors for an unknown method or variant are written once here.
 */
public abstract class SingleVariantBenchmark implements Benchmark {

    /** Every hyper-parameter of the benchmark (the same for each method). */
    protected abstract List<ParamDef> protocol();

    /** Throws the spec error naming the accepted methods unless {@code method} is one. */
    protected void check(String method) {
        if (!methods().contains(method)) {
            throw new InvalidSpecException("method", "method: unknown method '" + method + "'; accepted: "
                    + String.join(", ", methods()));
        }
    }

    @Override
    public List<ParamDef> params(String method) {
        check(method);
        return protocol();
    }

    @Override
    public List<String> variants(String method) {
        check(method);
        return List.of("full");
    }

    @Override
    public Map<String, Object> variantOverrides(String method, String variant) {
        if (!variants(method).contains(variant)) {
            throw new InvalidSpecException("variant", "variant: unknown variant '" + variant + "' of method "
                    + method + "; accepted: full");
        }
        return Map.of();
    }
}
