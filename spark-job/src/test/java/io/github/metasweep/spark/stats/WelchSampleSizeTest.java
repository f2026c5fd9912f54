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
}
