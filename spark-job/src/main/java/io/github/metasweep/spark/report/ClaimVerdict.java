package io.github.metasweep.spark.report;

import java.util.Locale;

/**
 * Whether our measurement supports a published number, judged by our 95% confidence interval:
 * reproduced when the interval holds the published value and excludes "no effect" (for a claim
 * without one, an absolute return: when its half-width is within {@link #ABSOLUTE_TOLERANCE} of the
 * published value), inconclusive when it is too wide for that, not reproduced when it excludes the
 * published value.
 */
public enum ClaimVerdict {
    REPRODUCED,
    INCONCLUSIVE,
    NOT_REPRODUCED;

    /** For an absolute claim, the widest half-width, relative to the published value, that still tells. */
    public static final double ABSOLUTE_TOLERANCE = 0.10;

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
        boolean tooWide = Double.isNaN(noEffect)
                ? (ciHigh - ciLow) / 2 > ABSOLUTE_TOLERANCE * Math.abs(published)
                : ciLow <= noEffect && noEffect <= ciHigh;
        return tooWide ? INCONCLUSIVE : REPRODUCED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
