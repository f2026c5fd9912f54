package io.github.metasweep.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.metasweep.spark.spec.Tuning;
import org.junit.jupiter.api.Test;

/** The tuning statistics on higher-is-better values, a diverged run entering as -infinity. */
class TuningStatisticTest {
    private static final double WORST = Double.NEGATIVE_INFINITY;

    @Test
    void aDivergedRunSinksTheMeanButNotTheMedianOrIqmOfOtherwiseGoodRuns() {
        double[] x = {3, 1, WORST, 2, 10, 4, 5, 6};
        assertEquals(WORST, TuningChoice.statistic(Tuning.Statistic.MEAN, x));
        assertEquals(3.5, TuningChoice.statistic(Tuning.Statistic.MEDIAN, x), 1e-12);
        // sorted: -inf 1 2 3 4 5 6 10; cut 2 at each end: mean of 2, 3, 4, 5
        assertEquals(3.5, TuningChoice.statistic(Tuning.Statistic.IQM, x), 1e-12);
        assertEquals(WORST, TuningChoice.statistic(Tuning.Statistic.MEDIAN, new double[] {WORST, WORST, 1}));
        assertEquals(4.0, TuningChoice.statistic(Tuning.Statistic.MEAN, new double[] {3, 5}), 1e-12);
        assertEquals(WORST, TuningChoice.statistic(Tuning.Statistic.MEAN, new double[0]));
    }
}
