package io.github.metasweep.spark.stats;

/**
 * The verdict on per-seed differences (positive: better than the baseline) at one look of a confidence
 * sequence: better when the interval lies above 0, worse when below, equivalent when it lies inside
 * (-margin, margin) (margin > 0, in the differences' units), undecided otherwise.
 */
public record SequentialDecision(Verdict verdict, ConfidenceSequence.Interval interval, int n) {

    public enum Verdict { BETTER, WORSE, EQUIVALENT, UNDECIDED }

    public static SequentialDecision decide(double[] differences, double margin, ConfidenceSequence cs) {
        ConfidenceSequence.Interval i = cs.interval(differences);
        Verdict v;
        if (i.lower() > 0) {
            v = Verdict.BETTER;
        } else if (i.upper() < 0) {
            v = Verdict.WORSE;
        } else if (margin > 0 && i.lower() > -margin && i.upper() < margin) {
            v = Verdict.EQUIVALENT;
        } else {
            v = Verdict.UNDECIDED; // NaN bounds (under two values) land here too
        }
        return new SequentialDecision(v, i, differences.length);
    }
}
