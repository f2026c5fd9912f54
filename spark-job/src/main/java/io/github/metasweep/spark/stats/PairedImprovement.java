package io.github.metasweep.spark.stats;

/** The paper's per-seed improvement of a method over its baseline, in percent. */
public final class PairedImprovement {
    private PairedImprovement() {
    }

    /** {@code 100 * (r - base) / |base|}; NaN when the baseline return is 0 or either value is not finite. */
    public static double percent(double r, double base) {
        if (base == 0 || !Double.isFinite(r) || !Double.isFinite(base)) {
            return Double.NaN;
        }
        return 100 * (r - base) / Math.abs(base);
    }
}
