package io.github.metasweep.spark.spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Where a random-search hyper-parameter is drawn from. Drawn numbers are rounded to 6 significant digits. */
public sealed interface Distribution {
    /** The spec keys, as written in YAML: {@code {log_uniform: [lo, hi]}} and so on. */
    List<String> KINDS = List.of("uniform", "log_uniform", "int_uniform", "choice");

    Object draw(SplittableRandom rng);

    /** The YAML form, {@code {kind: [...]}}. */
    Map<String, Object> toYaml();

    /** Every value a draw can be checked against a hyper-parameter with (bounds, or the choices). */
    List<Object> extremes();

    /** True when every draw is a whole number (fits an integer hyper-parameter). */
    boolean integral();

    /**
     * A number in [lo, hi]: uniform ({@code uniform}), or exp of a uniform draw in [ln lo, ln hi]
     * ({@code log_uniform}, 0 &lt; lo).
     */
    record Interval(boolean log, double lo, double hi) implements Distribution {
        @Override
        public Object draw(SplittableRandom rng) {
            double u = rng.nextDouble();
            double v = log ? Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * u) : lo + (hi - lo) * u;
            return round(v, lo, hi);
        }

        @Override
        public Map<String, Object> toYaml() {
            return Map.of(log ? "log_uniform" : "uniform", List.of(lo, hi));
        }

        @Override
        public List<Object> extremes() {
            return List.of(lo, hi);
        }

        @Override
        public boolean integral() {
            return false;
        }
    }

    /** A whole number uniform in [lo, hi], both included. */
    record IntUniform(long lo, long hi) implements Distribution {
        @Override
        public Object draw(SplittableRandom rng) {
            return rng.nextLong(lo, hi + 1);
        }

        @Override
        public Map<String, Object> toYaml() {
            return Map.of("int_uniform", List.of(lo, hi));
        }

        @Override
        public List<Object> extremes() {
            return List.of(lo, hi);
        }

        @Override
        public boolean integral() {
            return true;
        }
    }

    /** One of the listed values, each equally likely. */
    record Choice(List<Object> values) implements Distribution {
        @Override
        public Object draw(SplittableRandom rng) {
            return values.get(rng.nextInt(values.size()));
        }

        @Override
        public Map<String, Object> toYaml() {
            return Map.of("choice", values);
        }

        @Override
        public List<Object> extremes() {
            return values;
        }

        @Override
        public boolean integral() {
            return values.stream().allMatch(v -> v instanceof Integer || v instanceof Long);
        }
    }

    private static double round(double v, double lo, double hi) {
        double r = new BigDecimal(v).round(new MathContext(6)).doubleValue();
        return Math.max(lo, Math.min(hi, r));
    }
}
