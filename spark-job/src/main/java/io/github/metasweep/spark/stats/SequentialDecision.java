package io.github.metasweep.spark.stats;

/** TEMPORARY stand-in until the statistics branch lands. */
public record SequentialDecision(Verdict verdict, ConfidenceSequence.Interval interval, int n) {
    public enum Verdict { BETTER, WORSE, EQUIVALENT, UNDECIDED }

    public static SequentialDecision decide(double[] d, double margin, ConfidenceSequence cs) {
        ConfidenceSequence.Interval i = cs.interval(d);
        Verdict v = i.lower() > 0 ? Verdict.BETTER : i.upper() < 0 ? Verdict.WORSE
                : margin > 0 && i.lower() > -margin && i.upper() < margin ? Verdict.EQUIVALENT : Verdict.UNDECIDED;
        return new SequentialDecision(v, i, d.length);
    }
}
