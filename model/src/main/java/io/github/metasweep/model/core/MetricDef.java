package io.github.metasweep.model.core;

import java.util.List;
import java.util.Locale;

/**
 * A metric a benchmark declares: its name (the key in a result's {@code metrics}), whether higher or
 * lower is better, its unit, one line of meaning, whether it is a headline metric (compared in the
 * report's improvement and verdict sections first), and how two of its values are compared.
 */
public record MetricDef(String name, Direction direction, String unit, String meaning, boolean headline, Gain gain) {

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

    /**
     * How a value is compared with a baseline's: in % of the baseline (the default), or as a difference in the
     * metric's own units, for a metric already on a fixed scale whose best value is 0, where a % of a baseline
     * near 0 is meaningless and of one at 0 undefined (the maze's reward, 0 when the goal is reached).
     */
    public enum Gain {
        PERCENT,
        DIFFERENCE
    }

    /** How a {@link Gain#PERCENT} improvement is computed, in the words of a report or a table's title. */
    public static final String PERCENT_FORMULA =
            "100*(x - x_base)/|x_base| where higher is better, 100*(x_base - x)/|x_base| where lower is better";

    /** How a {@link Gain#DIFFERENCE} improvement is computed, in the words of a report or a table's title. */
    public static final String DIFFERENCE_FORMULA = "x - x_base where higher is better, x_base - x where lower is better";

    /** The names of those of {@code metrics} compared by difference, in their order. */
    public static List<String> namesComparedByDifference(List<MetricDef> metrics) {
        return metrics.stream().filter(m -> m.gain == Gain.DIFFERENCE).map(MetricDef::name).toList();
    }

    public static MetricDef higher(String name, String unit, String meaning, boolean headline) {
        return new MetricDef(name, Direction.HIGHER, unit, meaning, headline, Gain.PERCENT);
    }

    public static MetricDef lower(String name, String unit, String meaning, boolean headline) {
        return new MetricDef(name, Direction.LOWER, unit, meaning, headline, Gain.PERCENT);
    }

    /** This metric compared as a difference in its own units instead of in % of the baseline. */
    public MetricDef comparedByDifference() {
        return new MetricDef(name, direction, unit, meaning, headline, Gain.DIFFERENCE);
    }

    /**
     * The per-seed improvement of {@code x} over {@code base}, positive when {@code x} is better: in % by
     * {@link #improvementPercent}, or for {@link Gain#DIFFERENCE} {@code x - base} when higher is better and
     * {@code base - x} when lower is better; NaN where it is undefined.
     */
    public double improvement(double x, double base) {
        if (gain == Gain.PERCENT) {
            return improvementPercent(x, base);
        }
        return Double.isFinite(x) && Double.isFinite(base) ? direction.sign() * (x - base) : Double.NaN;
    }

    /** What an improvement is measured in, for a table's or axis's label: "%" or this metric's unit. */
    public String improvementUnit() {
        return gain == Gain.PERCENT ? "%" : unit;
    }

    /** Why a seed's improvement can be missing: a % of a baseline of 0 is undefined, a difference never is. */
    public String whyImprovementMissing() {
        return gain == Gain.PERCENT ? "a run diverged, or a % of a baseline of 0" : "a run diverged";
    }

    /** An improvement's formatted number with its unit: "12.5%", or "0.31 share" for a difference. */
    public String withImprovementUnit(String number) {
        return gain == Gain.PERCENT ? number + "%" : number + " " + unit;
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
