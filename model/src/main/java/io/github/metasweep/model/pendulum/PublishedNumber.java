package io.github.metasweep.model.pendulum;

/**
 * One number published with a paper: where it appears ({@code source} paper or results-file,
 * {@code table}), the method or ablation ({@code row}), the seed when per-seed, the metric and value.
 */
public record PublishedNumber(String source, String table, String row, Integer seed, String metric, double value) {
}
