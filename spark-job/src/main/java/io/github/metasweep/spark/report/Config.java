package io.github.metasweep.spark.report;

import java.util.Map;

/**
 * A configuration of a sweep: method, variant and every resolved hyper-parameter (its key); the swept
 * values label it and decide which baseline configuration it is compared with.
 */
public record Config(String key, String method, String variant, String label, Map<String, Object> swept,
                     Map<String, Object> params) {

    public String display() {
        return method + ("full".equals(variant) ? "" : "/" + variant) + (label.isEmpty() ? "" : " " + label);
    }

    /** Whether this configuration is compared with baseline configuration {@code b}: equal on every swept value both have. */
    public boolean matches(Config b) {
        for (Map.Entry<String, Object> e : b.swept().entrySet()) {
            Object v = swept.get(e.getKey());
            if (v != null && !v.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether every constraint holds for the hyper-parameters this configuration has (compared as text). */
    public boolean satisfies(Map<String, Object> where) {
        for (Map.Entry<String, Object> e : where.entrySet()) {
            Object v = params.get(e.getKey());
            if (v != null && !String.valueOf(v).equals(String.valueOf(e.getValue()))) {
                return false;
            }
        }
        return true;
    }
}
