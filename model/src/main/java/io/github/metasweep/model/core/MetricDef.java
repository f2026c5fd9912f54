package io.github.metasweep.model.core;

import java.util.Locale;

/**
 * A metric a benchmark declares: its name (the key in a result's {@code metrics}), whether higher or
 * lower is better, its unit, one line of meaning, and whether it is a headline metric (compared in the
 * report's improvement and verdict sections first).
 */
public record MetricDef(String name, Direction direction, String unit, String meaning, boolean headline) {

    /** Which way is better. */
    public enum Direction {
        HIGHER,
        LOWER;

        public String label() {
            return name().toLowerCase(Locale.ROOT) + " is better";
        }

        /** +1 when higher is better, -1 when lower is better: the sign that turns a difference into a gain. */
        public int sign() {
            return this == HIGHER ? 1 : -1;
        }
    }

    public static MetricDef higher(String name, String unit, String meaning, boolean headline) {
        return new MetricDef(name, Direction.HIGHER, unit, meaning, headline);
    }

    public static MetricDef lower(String name, String unit, String meaning, boolean headline) {
        return new MetricDef(name, Direction.LOWER, unit, meaning, headline);
    }

    /**
     * The per-seed improvement of {@code x} over {@code base} in percent, positive when {@code x} is better:
     * {@code 100*(x - base)/|base|} when higher is better, {@code 100*(base - x)/|base|} when lower is better;
     * NaN when the baseline is 0 or either value is not finite.
     */
    public double improvementPercent(double x, double base) {
        if (base == 0 || !Double.isFinite(x) || !Double.isFinite(base)) {
            return Double.NaN;
        }
        return 100 * direction.sign() * (x - base) / Math.abs(base);
    }
}
