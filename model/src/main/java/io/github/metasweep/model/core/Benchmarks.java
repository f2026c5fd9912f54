package io.github.metasweep.model.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The benchmarks on the class path, by name (loaded once by ServiceLoader). */
public final class Benchmarks {
    private static volatile Map<String, Benchmark> all;

    private Benchmarks() {
    }

    public static Map<String, Benchmark> all() {
        Map<String, Benchmark> m = all;
        if (m == null) {
            synchronized (Benchmarks.class) {
                if (all == null) {
                    Map<String, Benchmark> found = new LinkedHashMap<>();
                    for (Benchmark b : ServiceLoader.load(Benchmark.class, Benchmarks.class.getClassLoader())) {
                        found.put(b.name(), b);
                    }
                    all = java.util.Collections.unmodifiableMap(found);
                }
                m = all;
            }
        }
        return m;
    }

    public static List<String> names() {
        return List.copyOf(all().keySet());
    }

    public static Benchmark get(String name) {
        Benchmark b = all().get(name);
        if (b == null) {
            throw new InvalidSpecException("benchmark",
                    "benchmark: unknown benchmark '" + name + "'; accepted: " + String.join(", ", names()));
        }
        return b;
    }
}
