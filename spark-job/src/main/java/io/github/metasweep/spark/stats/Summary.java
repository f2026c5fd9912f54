package io.github.metasweep.spark.stats;

import java.util.Arrays;

/**
 * Descriptive statistics of a sample: n, mean, sd (sample, ddof 1), sd0 (population, ddof 0, as
 * the paper reports it), median (mean of the two middle values for an even n), min, max and the
 * interquartile mean (the mean after cutting floor(n/4) values at each end, as
 * {@code scipy.stats.trim_mean(x, 0.25)}). Empty samples give NaN; one value has sd NaN and sd0 0.
 */
public record Summary(int n, double mean, double sd, double sd0, double median, double min, double max, double iqm) {

    public static Summary of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double mean = mean(x, 0, n);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        double sd0 = Math.sqrt(ss / n);
        int cut = n / 4;
        return new Summary(n, mean, sd, sd0, quantile(x, 0.5), x[0], x[n - 1], mean(x, cut, n - cut));
    }

    static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    /** The p-quantile of sorted values with linear interpolation (R type 7, numpy's default). */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
