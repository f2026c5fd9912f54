package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.PublishedClaim;
import java.util.OptionalInt;

/**
 * A published claim checked on one configuration (or pair of configurations) of a sweep: our estimate,
 * its 95% CI, the verdict, and the seeds per group a Welch test would need to tell the difference measured.
 *
 * @param context  which configuration(s) it was checked on, e.g. "vs maml inner_lr=0.001"
 * @param estimate our statistic: the metric's mean or median, or the mean/median improvement in %
 */
public record ClaimCheck(PublishedClaim claim, String context, double estimate, double ciLow, double ciHigh, int n,
                         int excluded, OptionalInt seedsNeeded) {

    public ClaimVerdict verdict() {
        return switch (claim.kind()) {
            case VALUE -> ClaimVerdict.judge(claim.value(), ciLow, ciHigh, Double.NaN);
            case IMPROVEMENT -> ClaimVerdict.judge(claim.value(), ciLow, ciHigh, 0.0);
            case BETTER -> ClaimVerdict.judgeBetter(ciLow, ciHigh);
        };
    }
}
