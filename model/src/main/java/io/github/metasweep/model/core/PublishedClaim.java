package io.github.metasweep.model.core;

import java.util.Map;

/**
 * A published claim a sweep's report judges, as data of the family that publishes it.
 * <ul>
 *   <li>{@link Kind#VALUE}: a statistic of {@code subject}'s metric over seeds is {@code value}
 *   (e.g. maml's mean best_return is -5088.9).</li>
 *   <li>{@link Kind#IMPROVEMENT}: a statistic of the per-seed improvement (in %, direction-aware) of
 *   {@code subject} over {@code reference} is {@code value} (e.g. nb's mean improvement over maml is 35.8).</li>
 *   <li>{@link Kind#BETTER}: {@code subject} is better than {@code reference}, paired on the seed
 *   (e.g. maml's mse_step1 is lower than pretrained's; or maml's mse_step10 lower than its own mse_step1).</li>
 *   <li>{@link Kind#STEADIER}: {@code subject}'s metric worsens less than {@code reference}'s from the setting
 *   {@code from} to the setting {@code where}, paired on the seed (e.g. linear's query MSE rises less than max
 *   pooling's from noise sigma 0 to 1.5): per seed, the reference's worsening minus the subject's, in the
 *   metric's units.</li>
 * </ul>
 * {@code where} restricts the configurations the claim speaks of by their resolved hyper-parameters
 * (e.g. {@code target=self}); a configuration without such a parameter is not restricted by it.
 * {@code protocol} holds the hyper-parameters that define the setting the claim was measured under
 * (e.g. {@code steps=1000}): a configuration that differs in any of them is not comparable, and the
 * report says so instead of giving a verdict.
 *
 * @param table     where it is published, grouped in the report (e.g. "paper Table 1")
 * @param source    who publishes it (e.g. "paper", "results file")
 * @param from      for {@link Kind#STEADIER}, the setting the change is measured from (empty otherwise)
 * @param incomparable why no run of ours can test it (e.g. other physics), shown instead of a verdict; empty when
 *                     runs under the claim's protocol can
 */
public record PublishedClaim(String table, String source, Kind kind, Side subject, Side reference,
                             Statistic statistic, double value, Map<String, Object> where, String statement,
                             Map<String, Object> protocol, Map<String, Object> from, String incomparable) {

    public enum Kind {
        VALUE,
        IMPROVEMENT,
        BETTER,
        STEADIER
    }

    public enum Statistic {
        MEAN,
        MEDIAN
    }

    /** One side of a claim: a method, its variant and a metric. */
    public record Side(String method, String variant, String metric) {
        public String label() {
            return method + ("full".equals(variant) ? "" : "/" + variant) + " " + metric;
        }
    }

    public PublishedClaim {
        where = Map.copyOf(where);
        protocol = Map.copyOf(protocol);
        from = Map.copyOf(from);
        if (kind != Kind.VALUE && reference == null) {
            throw new IllegalArgumentException(kind + " claim needs a reference: " + statement);
        }
        if ((kind == Kind.STEADIER) == from.isEmpty()) {
            throw new IllegalArgumentException("a setting to measure from belongs to " + Kind.STEADIER
                    + " claims only: " + statement);
        }
    }

    public static PublishedClaim value(String table, String source, Side subject, Statistic statistic, double value,
                                       Map<String, Object> where, String statement) {
        return new PublishedClaim(table, source, Kind.VALUE, subject, null, statistic, value, where, statement,
                Map.of(), Map.of(), "");
    }

    /**
     * A published value shown beside ours but not judged, since {@code incomparable} says why none of our runs
     * measures the same thing (e.g. "MuJoCo's cart-poles vs this project's physics").
     */
    public static PublishedClaim shown(String table, String source, Side subject, double value,
                                       Map<String, Object> where, String statement, String incomparable) {
        if (incomparable.isBlank()) {
            throw new IllegalArgumentException("a value shown without a verdict needs the reason: " + statement);
        }
        return new PublishedClaim(table, source, Kind.VALUE, subject, null, Statistic.MEAN, value, where, statement,
                Map.of(), Map.of(), incomparable);
    }

    public static PublishedClaim improvement(String table, String source, Side subject, Side reference,
                                             Statistic statistic, double value, Map<String, Object> where,
                                             String statement) {
        return new PublishedClaim(table, source, Kind.IMPROVEMENT, subject, reference, statistic, value, where,
                statement, Map.of(), Map.of(), "");
    }

    public static PublishedClaim better(String table, String source, Side subject, Side reference,
                                        Map<String, Object> where, String statement) {
        return new PublishedClaim(table, source, Kind.BETTER, subject, reference, Statistic.MEAN, Double.NaN, where,
                statement, Map.of(), Map.of(), "");
    }

    /**
     * {@code subject}'s metric worsens less than {@code reference}'s from the setting {@code from} to the setting
     * {@code to} (e.g. noise sigma 0 to 1.5).
     */
    public static PublishedClaim steadier(String table, String source, Side subject, Side reference,
                                          Map<String, Object> from, Map<String, Object> to, String statement) {
        return new PublishedClaim(table, source, Kind.STEADIER, subject, reference, Statistic.MEAN, Double.NaN, to,
                statement, Map.of(), from, "");
    }

    /** This claim, measured under the setting {@code protocol} (hyper-parameter values). */
    public PublishedClaim withProtocol(Map<String, Object> protocol) {
        return new PublishedClaim(table, source, kind, subject, reference, statistic, value, where, statement, protocol,
                from, incomparable);
    }
}
