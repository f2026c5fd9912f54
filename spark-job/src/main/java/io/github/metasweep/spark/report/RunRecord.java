package io.github.metasweep.spark.report;

/**
 * What the report needs of one stored run: its configuration, seed, status, metrics, the return of
 * every episode (pretrain then transfer) and, for gated methods, the gates after each episode.
 */
public record RunRecord(String configKey, long seed, boolean ok, double best, double avg10, int pretrainEpisodes,
                        double[] returns, double[][] layerGates, double[][] blockGates) {
}
