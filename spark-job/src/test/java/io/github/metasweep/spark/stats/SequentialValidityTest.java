package io.github.metasweep.spark.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Seeds until decided is tested by simulation, not assumed valid: under a true null (two identical distributions,
 * heavy-tailed ones too) its false better/worse rate stays at alpha, where a t-test repeated at every look does
 * not; under a real effect it decides with fewer seeds on average than the fixed design of the same power.
 * Looks as a sweep makes them: 10 seeds, then every 10, up to 300; alpha 0.05.
 */
class SequentialValidityTest {
    private static final int MIN = 10;
    private static final int BATCH = 10;
    private static final int MAX = 300;
    private static final double ALPHA = 0.05;
    private static final int EXPERIMENTS = 1000;
    /** The most false verdicts a valid procedure shows: alpha plus 3 Monte-Carlo standard errors. */
    private static final double ALLOWED = ALPHA + 3 * Math.sqrt(ALPHA * (1 - ALPHA) / EXPERIMENTS);

    /** The outcome of many sequential experiments: share decided (better or worse) and mean seeds used. */
    private record Outcome(double decidedRate, double meanSeeds) {
    }

    private static Outcome simulate(ToDoubleFunction<SplittableRandom> difference, long seed, boolean naiveTTest) {
        SplittableRandom rng = new SplittableRandom(seed);
        ConfidenceSequence cs = ConfidenceSequence.tunedFor(MIN, ALPHA);
        int decided = 0;
        long seeds = 0;
        double[] d = new double[MAX];
        for (int e = 0; e < EXPERIMENTS; e++) {
            for (int i = 0; i < MAX; i++) {
                d[i] = difference.applyAsDouble(rng);
            }
            int used = MAX;
            for (int n = MIN; n <= MAX; n = n == MAX ? MAX + 1 : Math.min(n + BATCH, MAX)) {
                double[] x = Arrays.copyOf(d, n);
                boolean decision = naiveTTest ? tTestRejects(x)
                        : SequentialDecision.decide(x, 0, cs).verdict() != SequentialDecision.Verdict.UNDECIDED;
                if (decision) {
                    decided++;
                    used = n;
                    break;
                }
            }
            seeds += used;
        }
        return new Outcome(decided / (double) EXPERIMENTS, seeds / (double) EXPERIMENTS);
    }

    private static boolean tTestRejects(double[] x) {
        Summary s = Summary.of(x);
        double t = s.mean() / (s.sd() / Math.sqrt(x.length));
        return Math.abs(t) > new TDistribution(x.length - 1).inverseCumulativeProbability(1 - ALPHA / 2);
    }

    private static double studentT3(SplittableRandom rng) {
        double z = normal(rng);
        double chi2 = 0;
        for (int k = 0; k < 3; k++) {
            double g = normal(rng);
            chi2 += g * g;
        }
        return z / Math.sqrt(chi2 / 3);
    }

    private static double normal(SplittableRandom rng) {
        // Box-Muller, one value per call: simple and exact enough for a simulation
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void underATrueNullTheFalseVerdictRateStaysAtAlpha() {
        Outcome normal = simulate(r -> normal(r) - normal(r), 1, false);
        Outcome t3 = simulate(r -> studentT3(r) - studentT3(r), 2, false);
        Outcome lognormal = simulate(r -> Math.exp(1.5 * normal(r)) - Math.exp(1.5 * normal(r)), 3, false);
        String rates = "false verdict rates: normal " + normal.decidedRate() + ", t3 " + t3.decidedRate()
                + ", lognormal(1.5) " + lognormal.decidedRate() + "; allowed " + ALLOWED;
        assertTrue(normal.decidedRate() <= ALLOWED, rates);
        assertTrue(t3.decidedRate() <= ALLOWED, rates);
        assertTrue(lognormal.decidedRate() <= ALLOWED, rates);
    }

    @Test
    void aTTestRepeatedAtEveryLookIsNotValid() {
        Outcome naive = simulate(r -> normal(r) - normal(r), 1, true);
        assertTrue(naive.decidedRate() > 3 * ALPHA, "a t-test after every batch of 10 up to 300 seeds: "
                + naive.decidedRate() + " false verdicts");
    }

    @Test
    void underARealEffectItNeedsFewerSeedsThanTheFixedDesignOfTheSamePower() {
        for (double effect : new double[] {0.3, 0.5}) {
            final double shift = effect;
            Outcome o = simulate(r -> normal(r) + shift, 10 + (long) (100 * effect), false);
            double power = Math.min(o.decidedRate(), 0.99);
            int fixed = PairedSampleSize.seeds(effect, 1, ALPHA, power).getAsInt();
            assertTrue(o.meanSeeds() < fixed, "effect " + effect + " sd: decided in " + o.decidedRate()
                    + " of experiments with " + o.meanSeeds() + " seeds on average; a fixed design with power "
                    + power + " needs " + fixed);
        }
    }
}
