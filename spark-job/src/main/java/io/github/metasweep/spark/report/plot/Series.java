package io.github.metasweep.spark.report.plot;

/** One line of a chart: x positions, the mean at each, and the +-spread band around it (may be null). */
public record Series(String label, double[] x, double[] mean, double[] spread) {
}
