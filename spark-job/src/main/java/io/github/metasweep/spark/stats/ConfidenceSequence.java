package io.github.metasweep.spark.stats;

/**
 * A two-sided asymptotic confidence sequence for the mean of i.i.d. values (Waudby-Smith, Arnold, Wu, Howard
 * and Ramdas, "Time-uniform central limit theory and asymptotic confidence sequences", Annals of Statistics
 * 2024, arXiv 2103.06476, Theorem 2.2): at every n at once, with probability about 1 - alpha, the mean lies in
 * {@code mean_n +- sd_n * sqrt(2 (n rho^2 + 1) / (n^2 rho^2) * log(sqrt(n rho^2 + 1) / alpha))}, the boundary
 * of Robbins' Gaussian-mixture martingale with the sample sd in place of the true one. So it may be looked at
 * after every batch and stopped on any rule without losing its level. {@code rho^2} sets where it is narrowest.
 */
public final class ConfidenceSequence {
    private final double rho2;
    private final double alpha;

    private ConfidenceSequence(double rho2, double alpha) {
        this.rho2 = rho2;
        this.alpha = alpha;
    }

    /** An interval [lower, upper]; NaN bounds when there are fewer than two values. */
    public record Interval(double lower, double upper) {
    }

    /** The sequence at level {@code alpha} whose width is smallest at {@code n} values (rho^2 found numerically). */
    public static ConfidenceSequence tunedFor(int n, double alpha) {
        if (n < 1 || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("n >= 1 and 0 < alpha < 1 expected, found n " + n + ", alpha " + alpha);
        }
        // the width is unimodal in log rho^2: golden-section search over [1e-8, 1e4] / n
        double lo = Math.log(1e-8 / n);
        double hi = Math.log(1e4 / n);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 200; i++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (unitHalfWidth(n, Math.exp(a), alpha) < unitHalfWidth(n, Math.exp(b), alpha)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return new ConfidenceSequence(Math.exp((lo + hi) / 2), alpha);
    }

    public double rho2() {
        return rho2;
    }

    public double alpha() {
        return alpha;
    }

    /** The half-width at {@code n} values of standard deviation {@code sd}. */
    public double halfWidth(int n, double sd) {
        return sd * unitHalfWidth(n, rho2, alpha);
    }

    private static double unitHalfWidth(int n, double rho2, double alpha) {
        double v = n * rho2 + 1;
        return Math.sqrt(2 * v / ((double) n * n * rho2) * Math.log(Math.sqrt(v) / alpha));
    }

    /** The interval for the mean of {@code x} (sample sd, ddof 1). */
    public Interval interval(double[] x) {
        if (x.length < 2) {
            return new Interval(Double.NaN, Double.NaN);
        }
        Summary s = Summary.of(x);
        double h = halfWidth(x.length, s.sd());
        return new Interval(s.mean() - h, s.mean() + h);
    }
}
