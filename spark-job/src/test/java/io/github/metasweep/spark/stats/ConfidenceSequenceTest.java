package io.github.metasweep.spark.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The confidence sequence's boundary by hand, its tuning, the verdicts, and the paired sample size. */
class ConfidenceSequenceTest {

    @Test
    void theHalfWidthIsTheGaussianMixtureBoundary() {
        ConfidenceSequence cs = ConfidenceSequence.tunedFor(10, 0.05);
        double r2 = cs.rho2();
        for (int n : new int[] {2, 10, 57, 300}) {
            double byHand = 2.5 * Math.sqrt(2 * (n * r2 + 1) / (n * (double) n * r2) * Math.log(Math.sqrt(n * r2 + 1) / 0.05));
            assertEquals(byHand, cs.halfWidth(n, 2.5), 1e-12);
        }
    }

    @Test
    void tuningMakesItNarrowestWhereAsked() {
        for (int target : new int[] {10, 50, 200}) {
            ConfidenceSequence tuned = ConfidenceSequence.tunedFor(target, 0.05);
            for (int other : new int[] {5, 10, 30, 50, 100, 200, 400}) {
                if (other != target) {
                    assertTrue(tuned.halfWidth(target, 1) <= ConfidenceSequence.tunedFor(other, 0.05).halfWidth(target, 1),
                            "tuned for " + target + " vs for " + other);
                }
            }
            // wider than a fixed-n normal interval (it holds at every n), narrower than 3 times it
            double fixed = 1.959964 / Math.sqrt(target);
            assertTrue(tuned.halfWidth(target, 1) > fixed && tuned.halfWidth(target, 1) < 3 * fixed);
        }
    }

    @Test
    void theWidthShrinksLikeTheIteratedLogarithmAllows() {
        ConfidenceSequence cs = ConfidenceSequence.tunedFor(10, 0.05);
        double previous = Double.POSITIVE_INFINITY;
        for (int n = 2; n <= 100_000; n *= 2) {
            double w = cs.halfWidth(n, 1);
            assertTrue(w < previous);
            previous = w;
            // log(n) / n bounds its square from above and below, up to constants, at large n
            if (n >= 1000) {
                double ratio = w * w / (Math.log(n) / n);
                assertTrue(ratio > 0.5 && ratio < 3, "n " + n + ": " + ratio);
            }
        }
    }

    @Test
    void verdictsFollowTheInterval() {
        ConfidenceSequence cs = ConfidenceSequence.tunedFor(10, 0.05);
        double[] above = {5, 6, 5.5, 6.2, 4.8, 5.1, 5.9, 6.1, 5.3, 5.0};
        assertEquals(SequentialDecision.Verdict.BETTER, SequentialDecision.decide(above, 0, cs).verdict());
        double[] below = java.util.Arrays.stream(above).map(v -> -v).toArray();
        assertEquals(SequentialDecision.Verdict.WORSE, SequentialDecision.decide(below, 0, cs).verdict());
        double[] aroundZero = {0.1, -0.1, 0.05, -0.02, 0.0, 0.08, -0.07, 0.03, -0.04, 0.01};
        assertEquals(SequentialDecision.Verdict.UNDECIDED, SequentialDecision.decide(aroundZero, 0, cs).verdict());
        assertEquals(SequentialDecision.Verdict.EQUIVALENT, SequentialDecision.decide(aroundZero, 1, cs).verdict());
        assertEquals(SequentialDecision.Verdict.UNDECIDED, SequentialDecision.decide(aroundZero, 0.05, cs).verdict());
        assertEquals(SequentialDecision.Verdict.UNDECIDED, SequentialDecision.decide(new double[] {3}, 1, cs).verdict());
    }

    @Test
    void pairedSampleSizeMatchesTheKnownCases() {
        // G*Power, paired t-test, effect size dz 0.5, alpha 0.05 two-sided, power 0.8: 34 pairs
        assertEquals(OptionalInt.of(34), PairedSampleSize.seeds(0.5, 1, 0.05, 0.8));
        assertEquals(OptionalInt.of(34), PairedSampleSize.seeds(-5, 10, 0.05, 0.8), "sign and scale do not matter");
        // large n: the normal approximation (z_0.975 + z_0.8)^2 / d^2 = 7.849 / 0.01 = 784.9
        int n = PairedSampleSize.seeds(0.1, 1, 0.05, 0.8).getAsInt();
        assertTrue(n >= 785 && n <= 790, "n " + n);
        assertTrue(PairedSampleSize.seeds(0, 1, 0.05, 0.8).isEmpty());
        assertEquals(OptionalInt.of(WelchSampleSize.CAP + 1), PairedSampleSize.seeds(1e-6, 1, 0.05, 0.8));
    }
}
