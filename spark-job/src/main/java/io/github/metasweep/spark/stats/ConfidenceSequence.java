package io.github.metasweep.spark.stats;

/** TEMPORARY stand-in until the statistics branch lands. */
public final class ConfidenceSequence {
    private final double rho2;
    private final double alpha;

    private ConfidenceSequence(double rho2, double alpha) {
        this.rho2 = rho2;
        this.alpha = alpha;
    }

    public record Interval(double lower, double upper) {
    }

    public static ConfidenceSequence tunedFor(int n, double alpha) {
        double l = -2 * Math.log(alpha);
        return new ConfidenceSequence((l + Math.log(l + 1)) / n, alpha);
    }

    public double halfWidth(int n, double sd) {
        return sd * Math.sqrt(2 * (n * rho2 + 1) / (n * (double) n * rho2) * Math.log(Math.sqrt(n * rho2 + 1) / alpha));
    }

    public Interval interval(double[] d) {
        if (d.length < 2) {
            return new Interval(Double.NaN, Double.NaN);
        }
        Summary s = Summary.of(d);
        double h = halfWidth(d.length, s.sd());
        return new Interval(s.mean() - h, s.mean() + h);
    }
}
