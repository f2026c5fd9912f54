package io.github.metasweep.spark.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import io.github.metasweep.model.core.MetricDef;
import org.junit.jupiter.api.Test;

/** Each statistic against an independent computation: other formulas, brute force, or a defining property. */
class StatisticsTest {
    private static double[] sample(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -100 + 40 * r.nextGaussian();
        }
        return x;
    }

    @Test
    void summaryMatchesTextbookFormulas() {
        for (int n : new int[] {1, 2, 4, 5, 8, 11}) {
            double[] x = sample(n, n);
            Summary s = Summary.of(x);
            double sum = 0;
            double sumSq = 0;
            for (double v : x) {
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / n;
            double pop = sumSq / n - mean * mean;
            assertEquals(mean, s.mean(), 1e-9);
            assertEquals(Math.sqrt(pop), s.sd0(), 1e-6);
            if (n > 1) {
                assertEquals(Math.sqrt(pop * n / (n - 1)), s.sd(), 1e-6);
                assertTrue(s.sd() > s.sd0(), "ddof 1 is larger than ddof 0");
            } else {
                assertTrue(Double.isNaN(s.sd()));
            }
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertEquals(median, s.median(), 1e-12);
            assertEquals(sorted[0], s.min());
            assertEquals(sorted[n - 1], s.max());
            int cut = n / 4;
            double iqm = Arrays.stream(sorted, cut, n - cut).average().orElseThrow();
            assertEquals(iqm, s.iqm(), 1e-9);
        }
        assertEquals(0, Summary.of(new double[0]).n());
        assertTrue(Double.isNaN(Summary.of(new double[0]).mean()));
    }

    /** Two-sided p by enumerating all 2^n sign patterns of the (average) ranks. */
    private static double bruteForceP(double[] d) {
        double[] nz = Arrays.stream(d).filter(v -> v != 0).toArray();
        int n = nz.length;
        double[] abs = Arrays.stream(nz).map(Math::abs).toArray();
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            int less = 0;
            int equal = 0;
            for (int j = 0; j < n; j++) {
                less += abs[j] < abs[i] ? 1 : 0;
                equal += abs[j] == abs[i] ? 1 : 0;
            }
            ranks[i] = less + (equal + 1) / 2.0;
        }
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += nz[i] > 0 ? ranks[i] : 0;
        }
        int below = 0;
        int above = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += (mask >> i & 1) == 1 ? ranks[i] : 0;
            }
            below += s <= t + 1e-9 ? 1 : 0;
            above += s >= t - 1e-9 ? 1 : 0;
        }
        return Math.min(1, 2.0 * Math.min(below, above) / (1 << n));
    }

    @Test
    void wilcoxonExactEqualsEnumeration() {
        for (int n = 1; n <= 14; n++) {
            for (long seed = 0; seed < 4; seed++) {
                double[] d = sample(100 * n + seed, n);
                for (int i = 0; i < n; i++) {
                    d[i] += 20 * seed; // shift the centre so small p-values occur too
                }
                WilcoxonSignedRank w = WilcoxonSignedRank.test(d);
                assertTrue(w.exact());
                assertEquals(bruteForceP(d), w.p(), 1e-12, "n=" + n + " seed=" + seed);
            }
        }
    }

    @Test
    void wilcoxonDropsZerosAndApproximatesWithTies() {
        double[] withZeros = {0, 0, 3.5, -1.25, 7, 2, 0};
        WilcoxonSignedRank w = WilcoxonSignedRank.test(withZeros);
        assertEquals(4, w.n());
        assertEquals(bruteForceP(withZeros), w.p(), 1e-12);
        double[] ties = {1, 1, -1, 2, 2, 2, -3, 4, 4, 5, 6, -6, 7, 8};
        WilcoxonSignedRank t = WilcoxonSignedRank.test(ties);
        assertTrue(!t.exact());
        assertEquals(bruteForceP(ties), t.p(), 0.05, "normal approximation with tie correction is close to exact");
        assertTrue(Double.isNaN(WilcoxonSignedRank.test(new double[] {0, 0}).p()));
    }

    @Test
    void bootstrapIsDeterministicAndBracketsTheMean() {
        double[] x = sample(7, 9);
        BootstrapInterval a = BootstrapInterval.ofMean(x);
        assertEquals(a, BootstrapInterval.ofMean(x));
        Summary s = Summary.of(x);
        assertTrue(a.low() < s.mean() && s.mean() < a.high(), a + " vs " + s.mean());
        assertTrue(a.low() >= s.min() && a.high() <= s.max());
        assertNotEquals(a, BootstrapInterval.ofMean(x, BootstrapInterval.RESAMPLES, 99, 0.95));
        BootstrapInterval constant = BootstrapInterval.ofMean(new double[] {-3.5, -3.5, -3.5});
        assertEquals(-3.5, constant.low());
        assertEquals(-3.5, constant.high());
        BootstrapInterval wider = BootstrapInterval.ofMean(x, BootstrapInterval.RESAMPLES, BootstrapInterval.SEED, 0.99);
        assertTrue(wider.low() <= a.low() && wider.high() >= a.high());
        // the mean's fused loop draws and adds exactly as the generic resampling with a mean statistic
        BootstrapInterval generic = BootstrapInterval.of(x, sample -> {
            double sum = 0;
            for (double v : sample) {
                sum += v;
            }
            return sum / sample.length;
        }, BootstrapInterval.RESAMPLES, BootstrapInterval.SEED, BootstrapInterval.LEVEL);
        assertEquals(generic, a);
    }

    @Test
    void improvementIsRelativeToTheBaselinesMagnitudeAndFollowsTheMetricsDirection() {
        MetricDef higher = MetricDef.higher("return", "", "", true);
        MetricDef lower = MetricDef.lower("mse", "", "", true);
        double base = -200;
        assertTrue(higher.improvementPercent(-150, base) > 0, "a higher (less negative) return is an improvement");
        assertEquals(100 * (-150 - base) / Math.abs(base), higher.improvementPercent(-150, base), 1e-12);
        assertTrue(higher.improvementPercent(-250, base) < 0);
        assertTrue(Double.isNaN(higher.improvementPercent(1, 0)));
        assertEquals(25.0, lower.improvementPercent(0.75, 1.0), 1e-12, "an MSE down from 1.0 to 0.75 is 25% better");
        assertEquals(-50.0, lower.improvementPercent(1.5, 1.0), 1e-12);
        assertTrue(Double.isNaN(lower.improvementPercent(Double.NaN, 1.0)));
    }

    @Test
    void aMetricComparedByDifferenceGainsInItsOwnUnitsEvenFromABaselineOfZero() {
        MetricDef reward = MetricDef.higher("reward", "share", "", true).comparedByDifference();
        MetricDef mse = MetricDef.lower("mse", "", "", true).comparedByDifference();
        assertEquals(-0.48, reward.improvement(-0.48, 0.0), 1e-12, "a solved baseline (0) is beaten by nothing");
        assertEquals(0.3, reward.improvement(-0.2, -0.5), 1e-12);
        assertEquals(0.25, mse.improvement(0.75, 1.0), 1e-12);
        assertTrue(Double.isNaN(reward.improvement(Double.NaN, 0.0)));
        assertEquals("share", reward.improvementUnit());
        MetricDef percent = MetricDef.higher("reward", "share", "", true);
        assertEquals(percent.improvementPercent(-0.2, -0.5), percent.improvement(-0.2, -0.5), 0.0);
        assertEquals("%", percent.improvementUnit());
        assertEquals("0.3 share", reward.withImprovementUnit("0.3"));
        assertEquals("12%", percent.withImprovementUnit("12"));
        assertEquals(List.of("reward", "mse"), MetricDef.namesComparedByDifference(List.of(reward, percent, mse)));
        assertEquals("a run diverged", reward.whyImprovementMissing());
        assertEquals("a run diverged, or a % of a baseline of 0", percent.whyImprovementMissing());
    }
}
