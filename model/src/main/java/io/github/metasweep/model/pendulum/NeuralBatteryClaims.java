package io.github.metasweep.model.pendulum;

import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.PublishedClaim.Side;
import io.github.metasweep.model.core.PublishedClaim.Statistic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Neural Battery paper's claims as the report judges them, from its published numbers: Table 1's mean
 * returns and improvements over MAML (paper and per-seed results file), Table 2's ablation changes. They
 * describe the reference recipe ({@code target=self}, reference pairing); other settings get no verdict.
 */
final class NeuralBatteryClaims {
    static final Map<String, Object> REFERENCE_RECIPE = Map.of("target", "self", "pairing", "reference");
    static final String TABLE1 = "paper Table 1";
    static final String TABLE2 = "paper Table 2";
    /** The setting of the paper's numbers: the full protocol of section 4. */
    static final Map<String, Object> PAPER_PROTOCOL = Map.of(PendulumTransfer.STEPS, 1000,
            PendulumTransfer.PRETRAIN_EPISODES, 50, PendulumTransfer.TRANSFER_EPISODES, 100,
            PendulumTransfer.A_PRETRAIN, 1.0, PendulumTransfer.A_TRANSFER, 1.8);

    private NeuralBatteryClaims() {
    }

    static List<PublishedClaim> of(PublishedNumbers published) {
        List<PublishedClaim> claims = new ArrayList<>();
        for (String row : List.of("maml", "nb", "nb-pro")) {
            for (String m : List.of("best", "avg10")) {
                String metric = metric(m);
                published.find("paper", "table1", row, m).ifPresent(v -> claims.add(PublishedClaim.value(TABLE1,
                        "paper Table 1", new Side(row, "full", metric), Statistic.MEAN, v, REFERENCE_RECIPE,
                        "mean " + (m.equals("best") ? "best" : "avg-10") + " return of " + row)));
            }
            if (row.equals("maml")) {
                continue;
            }
            for (Statistic stat : Statistic.values()) {
                String s = stat.name().toLowerCase(Locale.ROOT);
                String what = s + " improvement of best return of " + row + " over maml (%)";
                Side subject = new Side(row, "full", PendulumTransfer.BEST_RETURN);
                Side maml = new Side("maml", "full", PendulumTransfer.BEST_RETURN);
                Optional<Double> paper = published.find("paper", "table1", row, "improvement-" + s);
                Optional<Double> file = published.find("results-file", "summary", row, "improvement-" + s);
                if (paper.isPresent() && file.isPresent() && paper.get().equals(file.get())) {
                    claims.add(PublishedClaim.improvement(TABLE1, "paper Table 1 and results file", subject, maml, stat,
                            paper.get(), REFERENCE_RECIPE, what));
                    continue;
                }
                paper.ifPresent(v -> claims.add(PublishedClaim.improvement(TABLE1, "paper Table 1", subject, maml, stat,
                        v, REFERENCE_RECIPE, what)));
                file.ifPresent(v -> claims.add(PublishedClaim.improvement(TABLE1, "results file", subject, maml, stat,
                        v, REFERENCE_RECIPE, what)));
            }
        }
        for (String ablation : List.of("no-k-target", "no-grad-clip", "no-hierarchical")) {
            published.find("paper", "table2", ablation, "relative-change").ifPresent(v -> claims.add(
                    PublishedClaim.improvement(TABLE2, "paper Table 2",
                            new Side("nb-pro", ablation, PendulumTransfer.BEST_RETURN),
                            new Side("nb-pro", "full", PendulumTransfer.BEST_RETURN), Statistic.MEAN, v,
                            REFERENCE_RECIPE, "mean change of best return caused by " + ablation + " (%)")));
        }
        return claims.stream().map(c -> c.withProtocol(PAPER_PROTOCOL)).toList();
    }

    /** Where the published numbers disagree with each other (protocol: show both and say so). */
    static List<String> notes(PublishedNumbers published) {
        List<String> notes = new ArrayList<>();
        for (String row : List.of("nb", "nb-pro")) {
            Optional<Double> paperMedian = published.find("paper", "table1", row, "improvement-median");
            double[] perSeed = published.perSeed(row, "improvement").clone();
            if (paperMedian.isPresent() && perSeed.length > 0) {
                Arrays.sort(perSeed);
                double median = median(perSeed);
                notes.add(row + ": the paper's median improvement is " + num(paperMedian.get())
                        + "%; the median of its per-seed results file is " + num(median) + "%"
                        + (Math.abs(median - paperMedian.get()) < 0.05 ? " (they agree)." : "."));
            }
        }
        for (String row : List.of("maml", "nb", "nb-pro")) {
            Optional<Double> table = published.find("paper", "table1", row, "best");
            double[] perSeed = published.perSeed(row, "best");
            if (table.isPresent() && perSeed.length > 0) {
                notes.add(row + ": Table 1's mean best return is " + num(table.get())
                        + "; the mean of the per-seed file's best returns is "
                        + num(Arrays.stream(perSeed).average().orElse(Double.NaN)) + ".");
            }
        }
        notes.add("The paper's Table 2 does not say what its \"relative change\" is relative to; ours is the per-seed"
                + " change of best return against nb-pro (full) on the same seed.");
        return List.copyOf(notes);
    }

    private static String metric(String published) {
        return published.equals("best") ? PendulumTransfer.BEST_RETURN : PendulumTransfer.AVG10_RETURN;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
