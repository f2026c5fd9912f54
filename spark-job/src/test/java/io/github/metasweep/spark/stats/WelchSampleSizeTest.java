package io.github.metasweep.spark.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WelchSampleSizeTest {

    /** Cohen's power tables (and R's pwr.t.test): d = 1 needs 17 per group, d = 0.5 needs 64, d = 0.2 needs 394. */
    @Test
    void matchesCohensTablesForEqualVariances() {
        assertEquals(17, WelchSampleSize.perGroup(1.0, 1.0, 1.0, 0.05, 0.8).getAsInt());
        assertEquals(64, WelchSampleSize.perGroup(0.5, 1.0, 1.0, 0.05, 0.8).getAsInt());
        assertEquals(394, WelchSampleSize.perGroup(0.2, 1.0, 1.0, 0.05, 0.8).getAsInt());
    }

    @Test
    void scalesWithTheUnitsAndGrowsWithUnequalSpread() {
        assertEquals(17, WelchSampleSize.perGroup(1000, 1000, 1000, 0.05, 0.8).getAsInt());
        assertTrue(WelchSampleSize.perGroup(1.0, 0.5, 1.5, 0.05, 0.8).getAsInt() > 17);
        assertTrue(WelchSampleSize.perGroup(0.0, 1, 1, 0.05, 0.8).isEmpty());
    }

    /** Bisection gives the smallest n: one fewer is not enough, by the formula written out here. */
    @Test
    void theAnswerIsTheSmallestEnoughCountAndHugeNeedsPrintAsMoreThanTheCap() {
        int n = WelchSampleSize.perGroup(0.013, 0.9, 1.3, 0.05, 0.8).getAsInt();
        assertTrue(n > 1000, "tiny effect, large n: " + n);
        assertTrue(holds(n, 0.013, 0.9, 1.3) && !holds(n - 1, 0.013, 0.9, 1.3));
        assertEquals(WelchSampleSize.CAP + 1, WelchSampleSize.perGroup(1e-9, 1, 1, 0.05, 0.8).getAsInt());
        assertEquals("> 1000000", WelchSampleSize.label(WelchSampleSize.perGroup(1e-9, 1, 1, 0.05, 0.8)));
        assertEquals("never", WelchSampleSize.label(WelchSampleSize.perGroup(0, 1, 1, 0.05, 0.8)));
        assertEquals("17", WelchSampleSize.label(WelchSampleSize.perGroup(1, 1, 1, 0.05, 0.8)));
    }

    private static boolean holds(int n, double delta, double sd1, double sd2) {
        double a = sd1 * sd1 / n;
        double b = sd2 * sd2 / n;
        double df = (a + b) * (a + b) / ((a * a + b * b) / (n - 1));
        org.apache.commons.math3.distribution.TDistribution t = new org.apache.commons.math3.distribution.TDistribution(df);
        double z = t.inverseCumulativeProbability(0.975) + t.inverseCumulativeProbability(0.8);
        return n >= z * z * (sd1 * sd1 + sd2 * sd2) / (delta * delta);
    }
}
