package io.github.metasweep.model.run;

import java.util.List;

/**
 * What one run produced. Returns are episode sums of rewards; {@code bestReturn} and
 * {@code avg10Return} are over the transfer episodes done (NaN when there are none).
 */
public record RunResult(String id, RunStatus status, String benchmark, String method, String variant, long seed,
                        ParamSet params, double bestReturn, double avg10Return, double[] pretrainReturns,
                        double[] transferReturns, List<GateReading> kTrace, double seconds, String message,
                        Provenance provenance) {

    /** Max of the transfer returns (the paper's headline metric); NaN for none. */
    public static double best(double[] returns) {
        double best = Double.NaN;
        for (double r : returns) {
            if (Double.isNaN(best) || r > best) {
                best = r;
            }
        }
        return best;
    }

    /** Mean of the last 10 returns (of all, when fewer); NaN for none. */
    public static double averageOfLast10(double[] returns) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        int from = Math.max(0, returns.length - 10);
        double sum = 0;
        for (int i = from; i < returns.length; i++) {
            sum += returns[i];
        }
        return sum / (returns.length - from);
    }
}
