package io.github.metasweep.spark.stats;

import java.util.OptionalInt;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Seeds per group a two-sided Welch t-test needs to detect a difference {@code delta} between two
 * means with standard deviations {@code sd1}, {@code sd2}: the smallest n with
 * {@code n >= (t_{1-alpha/2,df} + t_{power,df})^2 (sd1^2 + sd2^2) / delta^2}, df by Welch-Satterthwaite.
 */
public final class WelchSampleSize {
    private WelchSampleSize() {
    }

    /** Empty when no number of seeds can detect it (delta 0 or not finite). */
    public static OptionalInt perGroup(double delta, double sd1, double sd2, double alpha, double power) {
        double variance = sd1 * sd1 + sd2 * sd2;
        if (!(Math.abs(delta) > 0) || !Double.isFinite(delta) || !Double.isFinite(variance)) {
            return OptionalInt.empty();
        }
        if (variance == 0) {
            return OptionalInt.of(2);
        }
        for (int n = 2; n < 10_000_000; n++) {
            double a = sd1 * sd1 / n;
            double b = sd2 * sd2 / n;
            double df = (a + b) * (a + b) / ((a * a + b * b) / (n - 1));
            TDistribution t = new TDistribution(null, df);
            double z = t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power);
            if (n >= z * z * variance / (delta * delta)) {
                return OptionalInt.of(n);
            }
            // jump close to the answer once the normal approximation says it is far away
            double normalN = 2.8 * 2.8 * variance / (delta * delta);
            if (normalN > 4 * n) {
                n = (int) Math.min(normalN / 2, 9_000_000);
            }
        }
        return OptionalInt.empty();
    }
}
