package io.github.metasweep.spark.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The two-sided Wilcoxon signed-rank test of "the differences are centred on 0".
 * <ul>
 *   <li>Zero differences are dropped (Wilcoxon's method); n is the count of the rest.</li>
 *   <li>|d| are ranked with average ranks for ties; the statistic is T+ = the sum of the ranks of the positive d.</li>
 *   <li>Exact p-value when n &lt;= 50 and there are no ties: the null distribution of T+ over all 2^n sign
 *   patterns, p = min(1, 2 * min(P(T+ &lt;= t), P(T+ &gt;= t))).</li>
 *   <li>Otherwise the normal approximation: mean n(n+1)/4, variance n(n+1)(2n+1)/24 - sum(t^3 - t)/48
 *   over tie groups of size t, no continuity correction (as SciPy's default).</li>
 *   <li>No non-zero difference: p is NaN.</li>
 * </ul>
 */
public record WilcoxonSignedRank(int n, double statistic, double p, boolean exact) {
    static final int EXACT_MAX_N = 50;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public static WilcoxonSignedRank test(double[] differences) {
        List<Double> nonZero = new ArrayList<>();
        for (double d : differences) {
            if (d != 0) {
                nonZero.add(d);
            }
        }
        int n = nonZero.size();
        if (n == 0) {
            return new WilcoxonSignedRank(0, Double.NaN, Double.NaN, false);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(nonZero.get(a)), Math.abs(nonZero.get(b))));
        double[] ranks = new double[n];
        double tieTerm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            double abs = Math.abs(nonZero.get(order[i]));
            while (j + 1 < n && Math.abs(nonZero.get(order[j + 1])) == abs) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        double tPlus = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero.get(i) > 0) {
                tPlus += ranks[i];
            }
        }
        if (n <= EXACT_MAX_N && tieTerm == 0) {
            return new WilcoxonSignedRank(n, tPlus, exactP(n, (int) Math.round(tPlus)), true);
        }
        double mean = n * (n + 1) / 4.0;
        double var = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        double z = (tPlus - mean) / Math.sqrt(var);
        double p = var > 0 ? Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z))) : 1.0;
        return new WilcoxonSignedRank(n, tPlus, p, false);
    }

    /** Two-sided exact p of T+ = t: counts of sign patterns by T+ (subset sums of 1..n). */
    static double exactP(int n, int t) {
        int max = n * (n + 1) / 2;
        double[] count = new double[max + 1];
        count[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int s = max; s >= r; s--) {
                count[s] += count[s - r];
            }
        }
        double total = Math.pow(2, n);
        double below = 0;
        double above = 0;
        for (int s = 0; s <= max; s++) {
            if (s <= t) {
                below += count[s];
            }
            if (s >= t) {
                above += count[s];
            }
        }
        return Math.min(1.0, 2 * Math.min(below, above) / total);
    }
}
