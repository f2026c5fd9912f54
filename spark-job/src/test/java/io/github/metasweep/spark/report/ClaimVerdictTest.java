package io.github.metasweep.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClaimVerdictTest {
    @Test
    void judgesByTheConfidenceInterval() {
        assertEquals(ClaimVerdict.REPRODUCED, ClaimVerdict.judge(37.1, 20, 50, 0));
        assertEquals(ClaimVerdict.INCONCLUSIVE, ClaimVerdict.judge(37.1, -5, 80, 0));
        assertEquals(ClaimVerdict.NOT_REPRODUCED, ClaimVerdict.judge(37.1, -20, 10, 0));
        assertEquals(ClaimVerdict.NOT_REPRODUCED, ClaimVerdict.judge(37.1, 40, 60, 0));
        assertEquals(ClaimVerdict.REPRODUCED, ClaimVerdict.judge(-5088.9, -5500, -4700, Double.NaN));
        assertEquals(ClaimVerdict.INCONCLUSIVE, ClaimVerdict.judge(-5088.9, -8930, -3290, Double.NaN), "half-width > 10%");
        assertEquals(ClaimVerdict.INCONCLUSIVE, ClaimVerdict.judge(1, Double.NaN, Double.NaN, 0));
        assertEquals("not reproduced", ClaimVerdict.NOT_REPRODUCED.label());
    }

    @Test
    void aBetterThanClaimIsJudgedByWhereTheImprovementsIntervalLiesAgainstZero() {
        assertEquals(ClaimVerdict.REPRODUCED, ClaimVerdict.judgeBetter(0.5, 12));
        assertEquals(ClaimVerdict.INCONCLUSIVE, ClaimVerdict.judgeBetter(-0.5, 12));
        assertEquals(ClaimVerdict.INCONCLUSIVE, ClaimVerdict.judgeBetter(0, 12), "0 inside the interval decides nothing");
        assertEquals(ClaimVerdict.NOT_REPRODUCED, ClaimVerdict.judgeBetter(-12, -0.5));
        assertEquals(ClaimVerdict.INCONCLUSIVE, ClaimVerdict.judgeBetter(Double.NaN, Double.NaN));
    }
}
