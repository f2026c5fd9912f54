package io.github.metasweep.spark.stats;

import java.util.OptionalInt;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Seeds per group a two-sided Welch t-test needs to detect a difference {@code delta} between two
 * means with standard deviations {@code sd1}, {@code sd2}: the smallest n with
 * {@code n >= (t_{1-alpha/2,df} + t_{power,df})^2 (sd1^2 + sd2^2) / delta^2}, df by Welch-Satterthwaite.
 * The left side grows with n and the right side shrinks (df grows), so the smallest n is found by
 * bisection (about 20 evaluations); above {@link #CAP} the answer is {@code CAP + 1}, read as "more than CAP".
 */
public final class WelchSampleSize {
    /** The largest seed count searched; a larger need is reported as more than this. */
    public static final int CAP = 1_000_000;

    private WelchSampleSize() {
    }

    /** Empty when no number of seeds can detect it (delta 0 or not finite); {@code CAP + 1} when more than CAP. */
    public static OptionalInt perGroup(double delta, double sd1, double sd2, double alpha, double power) {
        double variance = sd1 * sd1 + sd2 * sd2;
        if (!(Math.abs(delta) > 0) || !Double.isFinite(delta) || !Double.isFinite(variance)) {
            return OptionalInt.empty();
        }
        if (variance == 0 || enough(2, delta, sd1, sd2, alpha, power)) {
            return OptionalInt.of(2);
        }
        if (!enough(CAP, delta, sd1, sd2, alpha, power)) {
            return OptionalInt.of(CAP + 1);
        }
        int lo = 2; // not enough
        int hi = CAP; // enough
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (enough(mid, delta, sd1, sd2, alpha, power)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return OptionalInt.of(hi);
    }

    private static boolean enough(int n, double delta, double sd1, double sd2, double alpha, double power) {
        double a = sd1 * sd1 / n;
        double b = sd2 * sd2 / n;
        double df = (a + b) * (a + b) / ((a * a + b * b) / (n - 1));
        TDistribution t = new TDistribution(null, df);
        double z = t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power);
        return n >= z * z * (sd1 * sd1 + sd2 * sd2) / (delta * delta);
    }

    /** How the report prints a result: the count, "> CAP", or "never" for a difference of zero. */
    public static String label(OptionalInt n) {
        if (n.isEmpty()) {
            return "never";
        }
        return n.getAsInt() > CAP ? "> " + CAP : Integer.toString(n.getAsInt());
    }
}
