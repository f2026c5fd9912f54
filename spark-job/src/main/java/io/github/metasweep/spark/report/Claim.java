package io.github.metasweep.spark.report;

import java.util.OptionalInt;

/**
 * One published number set against our measurement: the estimate, its 95% CI, the verdict and the
 * seeds per group a Welch test would need to tell the difference that matters for it.
 */
public record Claim(String context, String statement, String source, double published, String ours, double estimate,
                    double ciLow, double ciHigh, int n, int excluded, boolean effect, OptionalInt seedsNeeded) {

    /** Judged against "no effect" (0) for an improvement or change, against the published value alone otherwise. */
    public ClaimVerdict verdict() {
        return ClaimVerdict.judge(published, ciLow, ciHigh, effect ? 0.0 : Double.NaN);
    }
}
