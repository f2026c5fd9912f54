package io.github.metasweep.spark.stats;

import java.util.OptionalInt;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Seeds a fixed-size paired design needs: the smallest n for which a two-sided one-sample t-test of the
 * per-seed differences at level {@code alpha} has the given power against a true mean difference {@code mean}
 * with standard deviation {@code sd}, in the usual approximation
 * {@code n >= (t_{1-alpha/2,n-1} + t_{power,n-1})^2 sd^2 / mean^2}; found by bisection (the left side grows with
 * n, the right side shrinks). Above {@link WelchSampleSize#CAP} the answer is {@code CAP + 1}.
 */
public final class PairedSampleSize {
    private PairedSampleSize() {
    }

    /** Empty when no number of seeds detects it (a mean of 0 or not finite). */
    public static OptionalInt seeds(double mean, double sd, double alpha, double power) {
        if (!(Math.abs(mean) > 0) || !Double.isFinite(mean) || !Double.isFinite(sd)) {
            return OptionalInt.empty();
        }
        if (sd == 0 || enough(2, mean, sd, alpha, power)) {
            return OptionalInt.of(2);
        }
        int cap = WelchSampleSize.CAP;
        if (!enough(cap, mean, sd, alpha, power)) {
            return OptionalInt.of(cap + 1);
        }
        int lo = 2;
        int hi = cap;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (enough(mid, mean, sd, alpha, power)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return OptionalInt.of(hi);
    }

    private static boolean enough(int n, double mean, double sd, double alpha, double power) {
        TDistribution t = new TDistribution(n - 1);
        double z = t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power);
        return n >= z * z * sd * sd / (mean * mean);
    }
}
