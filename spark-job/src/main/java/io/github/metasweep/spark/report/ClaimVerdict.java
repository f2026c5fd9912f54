package io.github.metasweep.spark.report;

import java.util.Locale;

/**
 * Whether our measurement supports a published claim, judged by our 95% confidence interval.
 * For a published number: reproduced when the interval holds it and excludes "no effect" (for an
 * absolute value without one: when its half-width is within {@link #ABSOLUTE_TOLERANCE} of the
 * published value), inconclusive when it is too wide for that, not reproduced when it excludes the
 * published value. For a claim that one thing is better than another: reproduced when the interval of
 * the improvement lies above 0, not reproduced when below, inconclusive when it holds 0.
 */
public enum ClaimVerdict {
    REPRODUCED,
    INCONCLUSIVE,
    NOT_REPRODUCED,
    /** The runs were not made under the setting the claim was measured under: no verdict. */
    NOT_COMPARABLE;

    /** For an absolute claim, the widest half-width, relative to the published value, that still tells. */
    public static final double ABSOLUTE_TOLERANCE = 0.10;

    /**
     * @param noEffect the value meaning "no effect" (0 for an improvement), or NaN for a claim that
     *                 has none (an absolute return)
     */
    public static ClaimVerdict judge(double published, double ciLow, double ciHigh, double noEffect) {
        if (!finiteInterval(ciLow, ciHigh)) {
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

    /** A claim "better than": the interval of the improvement (in % or as a difference; positive = better) against 0. */
    public static ClaimVerdict judgeBetter(double ciLow, double ciHigh) {
        if (!finiteInterval(ciLow, ciHigh)) {
            return INCONCLUSIVE;
        }
        return ciLow > 0 ? REPRODUCED : ciHigh < 0 ? NOT_REPRODUCED : INCONCLUSIVE;
    }

    private static boolean finiteInterval(double ciLow, double ciHigh) {
        return ciLow <= ciHigh && Double.isFinite(ciLow) && Double.isFinite(ciHigh);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
