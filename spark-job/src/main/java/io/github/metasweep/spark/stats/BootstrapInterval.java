package io.github.metasweep.spark.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap interval of the mean: {@code resamples} resamples of n values drawn with
 * replacement ({@code SplittableRandom(seed)}, index {@code nextInt(n)}, resample by resample),
 * their means sorted, and the (1-level)/2 and (1+level)/2 quantiles taken as in {@link Summary#quantile}.
 * Deterministic for a given seed; NaN for an empty sample.
 */
public record BootstrapInterval(double low, double high) {
    public static final int RESAMPLES = 10_000;
    public static final long SEED = 20_251_123L;
    public static final double LEVEL = 0.95;

    /** The interval the tables report: 95%, 10,000 resamples, the fixed seed. */
    public static BootstrapInterval ofMean(double[] x) {
        return ofMean(x, RESAMPLES, SEED, LEVEL);
    }

    public static BootstrapInterval ofMean(double[] x, int resamples, long seed, double level) {
        int n = x.length;
        if (n == 0) {
            return new BootstrapInterval(Double.NaN, Double.NaN);
        }
        // the same draws and the same order of additions as of(x, mean, ...), without materialising each resample
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[rng.nextInt(n)];
            }
            values[b] = sum / n;
        }
        return percentile(values, level);
    }

    /** The same interval for the median (the same resamples as the mean's). */
    public static BootstrapInterval ofMedian(double[] x) {
        return of(x, sample -> {
            double[] sorted = sample.clone();
            Arrays.sort(sorted);
            return Summary.quantile(sorted, 0.5);
        }, RESAMPLES, SEED, LEVEL);
    }

    /** Percentile interval of {@code statistic} over resamples of {@code x}. */
    public static BootstrapInterval of(double[] x, ToDoubleFunction<double[]> statistic, int resamples, long seed,
                                       double level) {
        int n = x.length;
        if (n == 0) {
            return new BootstrapInterval(Double.NaN, Double.NaN);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[resamples];
        double[] sample = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = x[rng.nextInt(n)];
            }
            values[b] = statistic.applyAsDouble(sample);
        }
        return percentile(values, level);
    }

    private static BootstrapInterval percentile(double[] values, double level) {
        Arrays.sort(values);
        return new BootstrapInterval(Summary.quantile(values, (1 - level) / 2), Summary.quantile(values, (1 + level) / 2));
    }
}
