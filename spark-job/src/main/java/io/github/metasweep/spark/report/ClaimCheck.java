package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.PublishedClaim;
import java.util.OptionalInt;

/**
 * A published claim checked on one configuration (or pair of configurations) of a sweep: our estimate,
 * its 95% CI, the verdict, and the seeds per group a Welch test would need to tell the difference measured.
 *
 * @param context  which configuration(s) it was checked on, e.g. "vs maml inner_lr=0.001"
 * @param estimate our statistic: the metric's mean or median, the mean/median improvement (in %, or in the metric's
 *                 units for one compared by difference), or (steadier) the
 *                 mean of the reference's worsening minus the subject's, in the metric's units
 * @param protocolDifference how the runs' setting differs from the claim's protocol (e.g. "steps 200 vs 1000"),
 *                           empty when they are comparable
 */
public record ClaimCheck(PublishedClaim claim, String context, double estimate, double ciLow, double ciHigh, int n,
                         int excluded, OptionalInt seedsNeeded, String protocolDifference) {

    /** Below this many seeds (pairs, for a comparison) a verdict is "inconclusive (n too small)". */
    public static final int MIN_SEEDS = 10;

    public ClaimVerdict verdict() {
        if (!protocolDifference.isEmpty()) {
            return ClaimVerdict.NOT_COMPARABLE;
        }
        if (n < MIN_SEEDS) {
            return ClaimVerdict.INCONCLUSIVE;
        }
        return switch (claim.kind()) {
            case VALUE -> ClaimVerdict.judge(claim.value(), ciLow, ciHigh, Double.NaN);
            case IMPROVEMENT -> ClaimVerdict.judge(claim.value(), ciLow, ciHigh, 0.0);
            case BETTER, STEADIER -> ClaimVerdict.judgeBetter(ciLow, ciHigh);
        };
    }

    /** The verdict as the report prints it, with why there is none where that is the case. */
    public String verdictLabel() {
        if (!protocolDifference.isEmpty()) {
            return "not comparable (protocol differs: " + protocolDifference + ")";
        }
        if (n < MIN_SEEDS) {
            return "inconclusive (n too small: " + n + " < " + MIN_SEEDS + ")";
        }
        return verdict().label();
    }
}
