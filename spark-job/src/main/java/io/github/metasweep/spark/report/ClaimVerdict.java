package io.github.metasweep.spark.report;

import java.util.Locale;

/**
 * Whether our measurement supports a published number, judged by our 95% confidence interval:
 * reproduced when the interval holds the published value and excludes "no effect" (where the
 * claim has one), inconclusive when it holds both, not reproduced when it excludes the published value.
 */
public enum ClaimVerdict {
    REPRODUCED,
    INCONCLUSIVE,
    NOT_REPRODUCED;

    /**
     * @param noEffect the value meaning "no effect" (0 for an improvement), or NaN for a claim that
     *                 has none (an absolute return)
     */
    public static ClaimVerdict judge(double published, double ciLow, double ciHigh, double noEffect) {
        if (!(ciLow <= ciHigh) || !Double.isFinite(ciLow) || !Double.isFinite(ciHigh)) {
            return INCONCLUSIVE;
        }
        boolean holdsPublished = ciLow <= published && published <= ciHigh;
        if (!holdsPublished) {
            return NOT_REPRODUCED;
        }
        boolean holdsNoEffect = !Double.isNaN(noEffect) && ciLow <= noEffect && noEffect <= ciHigh;
        return holdsNoEffect ? INCONCLUSIVE : REPRODUCED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
